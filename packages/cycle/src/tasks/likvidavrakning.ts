import {
  likvidavrakning,
  likvidavrakningMembers,
  type MemberResultShare,
  memberEvent,
  memberPosition,
  type SettlementTiming,
  settlementTiming,
  stockholmDate,
} from '@finsam/domain';
import type { NewEvent } from '@finsam/store';
import type { CycleDeps } from '../deps.ts';
import { cyclePartition, cyclePrincipal } from '../principal.ts';

/**
 * Settles each member's accumulated balance for year Y in cash, with interest (DOMAIN.md §3):
 * opening balance, movements, interest by the charter's method, the amount to pay or receive;
 * booked once by key, stored as statements, and sent to each member.
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
  const charter = await stores.charters.current(principal, forbundId);
  const { accounts: chart } = await stores.charts.chart(principal, forbundId, now());
  const vouchers = await stores.vouchers.year(principal, forbundId, year);
  const opening = await stores.openings.balances(principal, forbundId, year);
  // Members settled at year end (e.g. FK) go at bokslut; the others after ansvarsfrihet.
  const members = likvidavrakningMembers(charter.members, charter.settings.funding).filter(
    (member) => settlementTiming(member.id, charter.settings) === timing,
  );
  if (members.length === 0) return;
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
      dueDate: settlementDate,
      reference: statement.key,
      ...(member?.externalReference ? { memberReference: member.externalReference } : {}),
    });
  });
  await stores.outbox.emit(cyclePartition(forbundId), forbundId, events, now());
}

/** The closing execution's likvidavräkning: after ansvarsfrihet, unless the charter settled at bokslut. */
export async function likvidavrakningTask(deps: CycleDeps, forbundId: string, year: number): Promise<void> {
  const partition = cyclePartition(forbundId);
  const state = await deps.stores.cycles.get(partition, year);
  if (state?.steps.likvidavrakning) return;
  await settleLikvid(deps, forbundId, year, 'after-discharge', stockholmDate(deps.now()));
  await deps.stores.cycles.markDone(partition, year, 'likvidavrakning', deps.now());
}
