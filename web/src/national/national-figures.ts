import type { NationalAggregate } from '../api/cycle-types.ts';
import type { MemberType } from '../api/types.ts';
import { sumAmounts } from '../money.ts';

/**
 * The national view's figures, derived from the förbund's published aggregates only: sums per
 * län, shares, and each förbund's compliance with the deadlines (DOMAIN.md §7). Money is summed
 * exactly (öre as BigInt); only a bar's length is ever a float.
 */

export const frameTypes = ['fk', 'af', 'region', 'kommun'] as const satisfies readonly MemberType[];
export const spendingAreas = ['styrelse', 'administration', 'revision', 'insatser'] as const;

const sum = (values: (string | undefined)[]) =>
  sumAmounts(values.filter((value): value is string => value !== undefined)) ?? '0.00';

const ore = (amount: string) => BigInt(amount.replace('.', ''));

/** `part` as a percentage of `whole` with one decimal, rounded half up ("12.3"); null when whole is 0. */
export function percentOf(part: string, whole: string): string | null {
  const denominator = ore(whole);
  if (denominator === 0n) return null;
  const numerator = ore(part) * 1000n;
  const negative = numerator < 0n !== denominator < 0n;
  const absolute = (value: bigint) => (value < 0n ? -value : value);
  const tenths = (absolute(numerator) * 2n + absolute(denominator)) / (absolute(denominator) * 2n);
  return `${negative && tenths !== 0n ? '-' : ''}${tenths / 10n}.${tenths % 10n}`;
}

export const totalFrame = (item: NationalAggregate) => sum(frameTypes.map((type) => item.frameByMemberType[type]));

export type Compliance = 'on-time' | 'late' | 'preliminary' | 'missing' | 'unknown';

export const complianceNames: Record<Compliance, string> = {
  'on-time': 'I tid',
  late: 'För sent',
  preliminary: 'Bara preliminär',
  missing: 'Saknas',
  unknown: 'Inte rapporterat',
};

/** Budget by 30 November: adopted in time, late, only a preliminary budget, or not (yet) known. */
export function budgetCompliance(item: NationalAggregate): Compliance {
  const budget = item.budget;
  if (!budget) return 'unknown';
  if (budget.adopted) return budget.onTime ? 'on-time' : 'late';
  return budget.preliminaryOnly ? 'preliminary' : 'missing';
}

/** Årsredovisning by 31 March. */
export function annualReportCompliance(item: NationalAggregate): Compliance {
  const report = item.annualReport;
  if (!report) return 'unknown';
  if (report.adopted) return report.onTime ? 'on-time' : 'late';
  return 'missing';
}

/** Ansvarsfrihet: granted by every member, refused by one or more, or still pending. */
export type DischargeState = 'granted' | 'refused' | 'pending' | 'unknown';

export const dischargeStateNames: Record<DischargeState, string> = {
  granted: 'Beviljad av alla',
  refused: 'Vägrad',
  pending: 'Beslut väntar',
  unknown: 'Inte rapporterat',
};

export function dischargeState(item: NationalAggregate): DischargeState {
  const discharge = item.discharge;
  if (!discharge) return 'unknown';
  if (discharge.refused > 0) return 'refused';
  return discharge.pending > 0 ? 'pending' : 'granted';
}

export interface LanSummary {
  lan: string;
  forbundCount: number;
  frameByType: Record<(typeof frameTypes)[number], string>;
  frame: string;
  /** Förbund that have published their costs (after the bokslut). */
  spendingCount: number;
  spendingByArea: Record<(typeof spendingAreas)[number], string>;
  spending: string;
  /** Over förbund that published both eget kapital and revenue. */
  egetKapital: string;
  revenue: string;
  egetKapitalPercent: string | null;
  aboveWarningCount: number;
  budgetOnTime: number;
  annualReportOnTime: number;
  dischargeGranted: number;
}

/** One summary per län, in Swedish alphabetical order. */
export function lanSummaries(items: NationalAggregate[]): LanSummary[] {
  const byLan = new Map<string, NationalAggregate[]>();
  for (const item of items) byLan.set(item.lan, [...(byLan.get(item.lan) ?? []), item]);
  return [...byLan.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'sv'))
    .map(([lan, group]) => {
      const frameByType = Object.fromEntries(
        frameTypes.map((type) => [type, sum(group.map((item) => item.frameByMemberType[type]))]),
      ) as LanSummary['frameByType'];
      const spent = group.filter((item) => item.spendingByArea);
      const spendingByArea = Object.fromEntries(
        spendingAreas.map((area) => [area, sum(spent.map((item) => item.spendingByArea?.[area]))]),
      ) as LanSummary['spendingByArea'];
      const withEquity = group.filter((item) => item.egetKapital !== undefined && item.revenue !== undefined);
      const egetKapital = sum(withEquity.map((item) => item.egetKapital));
      const revenue = sum(withEquity.map((item) => item.revenue));
      return {
        lan,
        forbundCount: group.length,
        frameByType,
        frame: sum(Object.values(frameByType)),
        spendingCount: spent.length,
        spendingByArea,
        spending: sum(Object.values(spendingByArea)),
        egetKapital,
        revenue,
        egetKapitalPercent: percentOf(egetKapital, revenue),
        aboveWarningCount: group.filter((item) => item.egetKapitalAboveWarning).length,
        budgetOnTime: group.filter((item) => budgetCompliance(item) === 'on-time').length,
        annualReportOnTime: group.filter((item) => annualReportCompliance(item) === 'on-time').length,
        dischargeGranted: group.filter((item) => dischargeState(item) === 'granted').length,
      };
    });
}

export type SortColumn = 'name' | 'lan' | 'members' | 'frame' | 'budget' | 'annualReport' | 'discharge' | 'equity';
export type SortDirection = 'ascending' | 'descending';

const complianceRank: Record<Compliance, number> = { 'on-time': 0, late: 1, preliminary: 2, missing: 3, unknown: 4 };
const dischargeRank: Record<DischargeState, number> = { granted: 0, pending: 1, refused: 2, unknown: 3 };

/** What a column sorts by; null (not published) always sorts last. */
function sortKey(item: NationalAggregate, column: SortColumn): string | number | bigint | null {
  switch (column) {
    case 'name':
      return item.name;
    case 'lan':
      return item.lan;
    case 'members':
      return item.memberCount;
    case 'frame':
      return Object.keys(item.frameByMemberType).length > 0 ? ore(totalFrame(item)) : null;
    case 'budget':
      return complianceRank[budgetCompliance(item)];
    case 'annualReport':
      return complianceRank[annualReportCompliance(item)];
    case 'discharge':
      return dischargeRank[dischargeState(item)];
    case 'equity':
      // Tenths of a percent, so "9.5" and "10.0" compare as numbers, not as text.
      return item.egetKapitalPercentOfRevenue === undefined
        ? null
        : Math.round(Number(item.egetKapitalPercentOfRevenue) * 10);
  }
}

export function sortForbund(items: NationalAggregate[], column: SortColumn, direction: SortDirection) {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...items].sort((a, b) => {
    const left = sortKey(a, column);
    const right = sortKey(b, column);
    if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
    const order =
      typeof left === 'string' && typeof right === 'string'
        ? left.localeCompare(right, 'sv')
        : left < right
          ? -1
          : left > right
            ? 1
            : 0;
    return order === 0 ? a.name.localeCompare(b.name, 'sv') : sign * order;
  });
}
