import { invalid } from '../errors.ts';
import { Decimal, formatMoney } from '../money.ts';

/**
 * Eget kapital as a share of the year's revenue. National bodies watch for förbund that sit on
 * too much of their members' money (003 L52–54), so the board sees the figure beside the
 * charter's warning level (equityWarningPercent) whenever a result is retained.
 */
export interface EgetKapitalReport {
  egetKapital: string;
  revenue: string;
  /** One decimal, e.g. "18.7"; null when the year had no revenue to compare with. */
  percentOfRevenue: string | null;
  warningPercent: string;
  /** True when eget kapital exceeds the warning level (compared exactly, not after rounding). */
  aboveWarning: boolean;
}

const PERCENT_PATTERN = /^\d{1,6}(\.\d{1,4})?$/;

export function egetKapitalReport(egetKapital: Decimal, revenue: Decimal, warningPercent: string): EgetKapitalReport {
  if (!PERCENT_PATTERN.test(warningPercent))
    throw invalid('Varningsnivån är ogiltig.', [
      { field: 'equityWarningPercent', message: 'Ange varningsnivån i procent, t.ex. 10.' },
    ]);
  if (revenue.isNegative())
    throw invalid('Intäkterna är ogiltiga.', [{ field: 'revenue', message: 'Intäkterna kan inte vara negativa.' }]);
  const percent = revenue.isZero() ? null : egetKapital.div(revenue).mul(100);
  return {
    egetKapital: formatMoney(egetKapital),
    revenue: formatMoney(revenue),
    percentOfRevenue: percent === null ? null : percent.toDecimalPlaces(1).toFixed(1),
    warningPercent,
    aboveWarning: percent === null ? egetKapital.gt(0) : percent.gt(new Decimal(warningPercent)),
  };
}
