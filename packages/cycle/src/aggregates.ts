import { computeContributions, Decimal, formatMoney, sumMoney } from '@finsam/domain';
import type { NationalAggregate, NationalPublication } from '@finsam/store';
import { type DecisionDeadline, recordedJudgement } from './deadline-records.ts';
import type { CycleDeps } from './deps.ts';
import { cyclePartition, cyclePrincipal } from './principal.ts';

/** Figures a task publishes; whether a deadline was missed is never among them (see below). */
export type AggregateFigures = Partial<Omit<NationalAggregate, 'deadlinesMissed' | 'deadlines'>>;

/**
 * Publishes the förbund's figures for a year to the national view, merged into what was
 * published before. Only aggregates leave the tenant: sums per member type and area, dates and
 * yes/no on deadlines; the member-level and voucher-level truth stays inside.
 *
 * A `budget` or `annualReport` figure is not taken from the caller: asking to publish one makes
 * this judge that deadline from the records now (recordedJudgement), and the figure, the
 * judgement and so the missed list are written together from that one judgement.
 */
export async function publishAggregate(
  deps: CycleDeps,
  forbundId: string,
  year: number,
  figures: AggregateFigures,
  /** The instant a deadline without a decision is judged at (the daily run's); now by default. */
  options: { today?: Date } = {},
): Promise<void> {
  const { stores, now } = deps;
  const principal = cyclePrincipal(forbundId);
  const judgedKinds: DecisionDeadline[] = [
    ...('budget' in figures ? (['budget'] as const) : []),
    ...('annualReport' in figures ? (['annual-report'] as const) : []),
  ];
  const judged = await Promise.all(
    judgedKinds.map((kind) => recordedJudgement(deps, forbundId, year, kind, options.today)),
  );
  const deadlines: NonNullable<NationalAggregate['deadlines']> = {};
  const judgedFigures: AggregateFigures = {};
  for (const { kind, judgement, figure } of judged) {
    deadlines[kind] = { dueDate: judgement.dueDate, verdict: judgement.verdict };
    if (kind === 'budget') judgedFigures.budget = figure as NonNullable<NationalAggregate['budget']>;
    else judgedFigures.annualReport = figure;
  }
  const [forbund, charter, adoptions] = await Promise.all([
    stores.forbund.get(principal, forbundId),
    stores.charters.current(principal, forbundId),
    stores.budgets.adoptions(principal, forbundId, year),
  ]);
  const final = adoptions.find((adoption) => adoption.adoptionKind === 'final');
  const budget = final ? await stores.budgets.version(principal, forbundId, year, final.budgetVersion) : undefined;
  const frameByMemberType: Record<string, string> = {};
  if (budget) {
    const amounts = computeContributions(new Decimal(budget.frame), charter.members, charter.settings.contributionKey);
    for (const type of ['fk', 'af', 'region', 'kommun'] as const)
      frameByMemberType[type] = formatMoney(
        sumMoney(charter.members.filter((m) => m.type === type).map((m) => amounts.get(m.id) as Decimal)),
      );
  }
  const insatser = budget ? sumMoney(budget.insatser.map((insats) => new Decimal(insats.amount))) : undefined;
  const publication: NationalPublication = {
    forbundId,
    name: forbund.name,
    lan: forbund.lan,
    year,
    memberCount: charter.members.length,
    kommunCount: charter.members.filter((m) => m.type === 'kommun').length,
    frameByMemberType,
    budgetByArea: budget
      ? {
          styrelse: budget.areas.styrelse,
          administration: budget.areas.administration,
          revision: budget.areas.revision,
          insatser: formatMoney(insatser as Decimal),
        }
      : {},
    ...figures,
    ...judgedFigures,
    ...(judged.length > 0 ? { deadlines } : {}),
    updatedAt: now().toISOString(),
  };
  await stores.national.publish(cyclePartition(forbundId), publication);
}
