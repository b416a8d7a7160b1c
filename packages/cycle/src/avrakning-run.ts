import {
  avrakning,
  type CostLine,
  computeContributions,
  Decimal,
  dayOfMonthAfter,
  documentIds,
  flowOf,
  invalid,
  type Member,
  memberEvent,
} from '@finsam/domain';
import type { NewEvent } from '@finsam/store';
import type { CycleDeps } from './deps.ts';
import { cyclePartition, cyclePrincipal } from './principal.ts';

/** The flows whose members report actual costs to the förbund each month. */
const reportsCosts = (flow: string) => flow === 'claim-72' || flow === 'set-off';

/**
 * Runs the avräkning of one month for every member (DOMAIN.md §3): the economy computes the
 * statements and vouchers, each voucher is booked once by its key, the month's record is saved
 * and each member is told. Run again when late costs arrive: only what was missing is booked.
 */
export async function runAvrakning(deps: CycleDeps, forbundId: string, year: number, month: number) {
  const { stores, now } = deps;
  const principal = cyclePrincipal(forbundId);
  const adoption = (await stores.budgets.adoptions(principal, forbundId, year)).find((a) => a.adoptionKind === 'final');
  if (!adoption)
    throw invalid('Budgeten är inte antagen.', [{ field: 'year', message: `Budgeten för ${year} är inte antagen.` }]);
  const budget = await stores.budgets.version(principal, forbundId, year, adoption.budgetVersion);
  const charter = await stores.charters
    .inForceOn(principal, forbundId, `${year}-01-01`)
    .catch(() => stores.charters.current(principal, forbundId));
  const funding = charter.settings.funding;
  const contributions = computeContributions(
    new Decimal(budget.frame),
    charter.members,
    charter.settings.contributionKey,
  );
  const { accounts: chart } = await stores.charts.chart(principal, forbundId, now());

  // The run is stamped with the moment it reads the costs: costs reported after that moment,
  // even while this run is still booking, make the month due again.
  const readAt = now().toISOString();
  const reported = await stores.avrakning.costs(principal, forbundId, year, month);
  const costMembers = charter.members.filter((member) => reportsCosts(flowOf(member.id, funding)));
  const allReported = costMembers.every((member) => reported.some((record) => record.memberId === member.id));
  // The economy reckons costs only when all are in; before that it issues what is due in advance.
  const actualCosts = allReported
    ? new Map<string, CostLine[]>(
        reported.map((record) => [
          record.memberId,
          record.lines.map((line) => ({
            account: line.account,
            amount: new Decimal(line.amount),
            ...(line.insatsId ? { insatsId: line.insatsId } : {}),
          })),
        ]),
      )
    : undefined;

  const result = avrakning({
    year,
    month,
    members: charter.members,
    contributions,
    funding,
    chart,
    ...(actualCosts ? { actualCosts } : {}),
  });
  for (const voucher of result.vouchers)
    await stores.vouchers.bookOnce(principal, forbundId, voucher.key, voucher.draft, now);

  const complete = result.statements.every((statement) => statement.complete);
  const record = await stores.avrakning.saveRun(principal, forbundId, {
    year,
    month,
    statements: result.statements as unknown as Record<string, unknown>[],
    complete,
    runAt: readAt,
  });
  await stores.outbox.emit(
    cyclePartition(forbundId),
    forbundId,
    avrakningEvents(charter.members, result, allReported, funding),
    now(),
  );
  if (complete)
    await stores.cycles.markDone(cyclePartition(forbundId), year, `avrakning.${String(month).padStart(2, '0')}`, now());
  return record;
}

function avrakningEvents(
  members: readonly Member[],
  result: ReturnType<typeof avrakning>,
  allReported: boolean,
  funding: { costInvoiceDueDay: number },
) {
  const events: NewEvent[] = [];
  for (const statement of result.statements) {
    const member = members.find((m) => m.id === statement.memberId) as Member;
    const period = `${statement.year}-${String(statement.month).padStart(2, '0')}`;
    const common = {
      year: statement.year,
      period,
      reference: statement.key,
      ...(member.externalReference ? { memberReference: member.externalReference } : {}),
    };
    const stage = statement.complete ? 'final' : 'advance';
    events.push(
      memberEvent('settlement.issued', `settlement.issued:${statement.key}:${stage}`, statement.memberId, {
        ...common,
        amount: statement.net,
        settlement: statement.settlement,
        documents: [
          {
            kind: 'pdf',
            documentId: documentIds.statement(period, statement.memberId),
            fileName: `avrakningsbesked-${period}-${statement.memberId}.pdf`,
          },
        ],
        ...(statement.paymentDueDate ? { dueDate: statement.paymentDueDate } : {}),
      }),
    );
    if (!allReported && reportsCosts(statement.flow) && !statement.complete)
      events.push(
        memberEvent('cost_invoice.requested', `cost_invoice.requested:${statement.key}`, statement.memberId, {
          ...common,
          // What the förbund has reckoned with the member so far; the invoice adds the actual costs.
          amount: statement.net,
          dueDate: dayOfMonthAfter(statement.year, statement.month, 1, funding.costInvoiceDueDay),
        }),
      );
  }
  return events;
}
