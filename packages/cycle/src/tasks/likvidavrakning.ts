import {
  documentIds,
  likvidavrakning,
  likvidavrakningMembers,
  likvidInterest,
  likvidKey,
  type MemberResultShare,
  memberEvent,
  memberPosition,
  type SettlementTiming,
  settlementTiming,
  stockholmDate,
} from '@finsam/domain';
import type { CharterVersion, NewEvent } from '@finsam/store';
import type { CycleDeps } from '../deps.ts';
import { dischargeBlockers } from '../human-steps.ts';
import { cyclePartition, cyclePrincipal } from '../principal.ts';

/** The charter that governed year Y: the interest of Y and its settlement are reckoned by it. */
async function yearCharter(deps: CycleDeps, forbundId: string, year: number): Promise<CharterVersion> {
  const principal = cyclePrincipal(forbundId);
  return deps.stores.charters
    .inForceOn(principal, forbundId, `${year}-01-01`)
    .catch(() => deps.stores.charters.current(principal, forbundId));
}

/**
 * Interest first (issue 10 point 3; domain likvidavrakning.ts): at bokslut, before the result is
 * taken and distributed, the interest of year Y on every carried member's balance is booked on
 * 31 December Y, whenever that member's likvidavräkning is issued. Booked once by key.
 */
export async function bookLikvidInterest(deps: CycleDeps, forbundId: string, year: number): Promise<void> {
  const { stores, now } = deps;
  const principal = cyclePrincipal(forbundId);
  const charter = await yearCharter(deps, forbundId, year);
  const { accounts: chart } = await stores.charts.chart(principal, forbundId, now());
  const vouchers = await stores.vouchers.year(principal, forbundId, year);
  const opening = await stores.openings.balances(principal, forbundId, year);
  const members = likvidavrakningMembers(charter.members, charter.settings.funding);
  const { vouchers: interest } = likvidInterest({
    year,
    positions: members.map((member) => memberPosition(chart, vouchers, member.id, year, opening)),
    settings: charter.settings.likvidavrakning,
    chart,
    memberNames: new Map(charter.members.map((member) => [member.id, member.name])),
  });
  for (const voucher of interest) await stores.vouchers.bookOnce(principal, forbundId, voucher.key, voucher.draft, now);
}

/**
 * Issues each member's likvidavräkning for year Y (DOMAIN.md §3): opening balance, movements,
 * the interest booked at bokslut, and the amount to pay or receive, which becomes a receivable or
 * payable on the member's accounts due after the charter's payment term (on a bank day). Booked
 * once by key, stored as statements, and sent to each member with its settlement document.
 */
export async function settleLikvid(
  deps: CycleDeps,
  forbundId: string,
  year: number,
  timing: SettlementTiming,
  settlementDate: string,
  resultShares: readonly MemberResultShare[] = [],
): Promise<void> {
  const { stores, now } = deps;
  const principal = cyclePrincipal(forbundId);
  if (await stores.avrakning.likvid(principal, forbundId, year, timing)) return;
  const charter = await yearCharter(deps, forbundId, year);
  const { accounts: chart } = await stores.charts.chart(principal, forbundId, now());
  const opening = await stores.openings.balances(principal, forbundId, year);
  // Members settled at year end (e.g. FK) go at bokslut; the others after ansvarsfrihet.
  const members = likvidavrakningMembers(charter.members, charter.settings.funding).filter(
    (member) => settlementTiming(member.id, charter.settings) === timing,
  );
  if (members.length === 0) return;
  // The settlement's own netting voucher is left out, so a re-run after a crash reads the same year.
  const own = new Set(members.map((member) => `${likvidKey(year, member.id)}-likvid`));
  const vouchers = (await stores.vouchers.year(principal, forbundId, year)).filter(
    (voucher) => !own.has(voucher.basis?.reference ?? ''),
  );
  const result = likvidavrakning({
    year,
    settlementDate,
    positions: members.map((member) => memberPosition(chart, vouchers, member.id, year, opening)),
    settings: charter.settings.likvidavrakning,
    chart,
    memberNames: new Map(charter.members.map((member) => [member.id, member.name])),
  });
  for (const voucher of result.vouchers)
    await stores.vouchers.bookOnce(principal, forbundId, voucher.key, voucher.draft, now);
  await stores.avrakning.saveLikvid(principal, forbundId, {
    year,
    timing,
    settlementDate,
    statements: result.statements as unknown as Record<string, unknown>[],
    resultShares: resultShares as unknown as Record<string, unknown>[],
    createdAt: now().toISOString(),
  });
  const events: NewEvent[] = result.statements.map((statement) => {
    const member = charter.members.find((m) => m.id === statement.memberId);
    return memberEvent('cash_settlement.issued', `cash_settlement.issued:${statement.key}`, statement.memberId, {
      year,
      // Positive: the member pays the förbund; negative: the förbund pays the member.
      amount: statement.amount,
      interest: statement.interest,
      dueDate: statement.dueDate,
      reference: statement.key,
      documents: [
        {
          kind: 'pdf',
          documentId: documentIds.cashSettlement(year, statement.memberId),
          fileName: `likvidavrakning-${year}-${statement.memberId}.pdf`,
        },
      ],
      ...(member?.externalReference ? { memberReference: member.externalReference } : {}),
    });
  });
  await stores.outbox.emit(cyclePartition(forbundId), forbundId, events, now());
}

/**
 * The closing execution's likvidavräkning, after ansvarsfrihet (the charter may have settled at
 * bokslut instead). The likvid-waits rule is checked here too, not only by the waiting step: a
 * redrive or a hand-started task never settles a year a refusal still holds.
 */
export async function likvidavrakningTask(deps: CycleDeps, forbundId: string, year: number): Promise<void> {
  const partition = cyclePartition(forbundId);
  const state = await deps.stores.cycles.get(partition, year);
  if (state?.steps.likvidavrakning) return;
  const blockers = await dischargeBlockers(deps.stores, forbundId, year);
  if (blockers.length > 0)
    throw new Error(
      `likvidavräkning ${year}: väntar på ansvarsfrihet för ${blockers.map((b) => `${b.memberId} (${b.reason})`).join(', ')}`,
    );
  await settleLikvid(deps, forbundId, year, 'after-discharge', stockholmDate(deps.now()));
  await deps.stores.cycles.markDone(partition, year, 'likvidavrakning', deps.now());
}
