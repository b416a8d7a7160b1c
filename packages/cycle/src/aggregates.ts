import { computeContributions, Decimal, formatMoney, sumMoney } from '@finsam/domain';
import type { NationalAggregate } from '@finsam/store';
import type { CycleDeps } from './deps.ts';
import { cyclePartition, cyclePrincipal } from './principal.ts';

/**
 * Publishes the förbund's figures for a year to the national view, merged into what was
 * published before. Only aggregates leave the tenant: sums per member type and area, dates and
 * yes/no on deadlines; the member-level and voucher-level truth stays inside.
 */
export async function publishAggregate(
  { stores, now }: CycleDeps,
  forbundId: string,
  year: number,
  figures: Partial<NationalAggregate>,
): Promise<void> {
  const principal = cyclePrincipal(forbundId);
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
  await stores.national.publish(cyclePartition(forbundId), {
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
    deadlinesMissed: [],
    ...figures,
    updatedAt: now().toISOString(),
  });
}
