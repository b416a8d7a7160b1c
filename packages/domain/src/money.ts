import DecimalBase from 'decimal.js';

/**
 * The one money type. decimal.js with enough precision that ratios such as 1/3 of a year's frame
 * keep every öre exact before the final rounding; half-up rounding as in Swedish accounting.
 */
export const Decimal = DecimalBase.clone({ precision: 60, rounding: DecimalBase.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

/** Largest amount the product accepts in one field: 10^13 kr, far above any förbund's frame. */
export const money_abs_max_kr = new Decimal('1e13');

/** Money in JSON and items: a decimal string with exactly two places, e.g. "-1234.50". */
export const MONEY_PATTERN = /^-?\d{1,14}\.\d{2}$/;

export function parseMoney(text: string): Decimal {
  if (!MONEY_PATTERN.test(text)) throw new RangeError(`not a money string: ${JSON.stringify(text)}`);
  return new Decimal(text);
}

export function formatMoney(amount: Decimal): string {
  if (!amount.isFinite()) throw new RangeError('money must be finite');
  const rounded = amount.toDecimalPlaces(2);
  // "-0.00" is not a balance anybody should see.
  return rounded.isZero() ? '0.00' : rounded.toFixed(2);
}

export function isWholeOre(amount: Decimal): boolean {
  return amount.mul(100).isInteger();
}

export function sumMoney(amounts: Iterable<Decimal>): Decimal {
  let total = new Decimal(0);
  for (const amount of amounts) total = total.plus(amount);
  return total;
}

/** Swedish display form used in the portal and documents: "1 234 567,89 kr". */
export function formatKronor(amount: Decimal): string {
  const [whole = '0', ore = '00'] = formatMoney(amount).replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${amount.isNegative() && !amount.isZero() ? '−' : ''}${grouped},${ore}\u00a0kr`;
}
