import type { VoucherId } from '../api/ledger-types.ts';
import { todayIso } from '../format.ts';
import { pathOf } from '../router.tsx';

/**
 * The ledger's portal addresses, built in one place. The year and the voucher are in the path so
 * that every page can be bookmarked and sent to an auditor; the list's filters are in the query.
 */

/** The API's fiscal_year_min/max: a year outside is a typing error, not a page. */
const fiscal_year_min = 2000;
const fiscal_year_max = 2199;

export const currentYear = () => Number(todayIso().slice(0, 4));

export function ledgerPath(forbundId: string, filter: { year?: number; series?: string } = {}): string {
  const query = new URLSearchParams();
  if (filter.year !== undefined) query.set('ar', String(filter.year));
  if (filter.series) query.set('serie', filter.series);
  const search = query.toString();
  return `${pathOf('forbund', forbundId, 'bokforing')}${search ? `?${search}` : ''}`;
}

export const newVoucherPath = (forbundId: string) => pathOf('forbund', forbundId, 'bokforing', 'ny');

export const voucherPath = (forbundId: string, { year, series, number }: VoucherId) =>
  pathOf('forbund', forbundId, 'bokforing', String(year), 'verifikation', series, String(number));

export const reportsPath = (forbundId: string, year: number) => pathOf('forbund', forbundId, 'rapporter', String(year));

export const periodsPath = (forbundId: string, year: number) => pathOf('forbund', forbundId, 'perioder', String(year));

export const openingBalancesPath = (forbundId: string, year: number) =>
  pathOf('forbund', forbundId, 'ingaende-balanser', String(year));

/** "2026" → 2026; anything else (also "02026" or "2026.0") is no year and gives null. */
export function readYear(text: string | null | undefined): number | null {
  if (!text || !/^[1-9]\d{3}$/.test(text)) return null;
  const year = Number(text);
  return year >= fiscal_year_min && year <= fiscal_year_max ? year : null;
}

/** The voucher a path names, or null when the path cannot name one (the page is then "not found"). */
export function readVoucherId(params: Record<string, string>): VoucherId | null {
  const year = readYear(params.year);
  const series = params.series ?? '';
  const number = /^[1-9]\d{0,8}$/.test(params.number ?? '') ? Number(params.number) : null;
  if (year === null || !/^[A-Z0-9]{1,10}$/.test(series) || number === null) return null;
  return { year, series, number };
}

/** "A12" as auditors write it; the year is added where the page does not already say it. */
export const voucherLabel = ({ series, number }: Pick<VoucherId, 'series' | 'number'>) => `${series}${number}`;
