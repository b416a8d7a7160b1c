import { assert } from './errors.ts';
import { Decimal, isWholeOre, sumMoney } from './money.ts';

/**
 * A yearly amount paid in equal instalments: each instalment is the exact share rounded half-up
 * to the öre, and the instalment in `remainderIndex` takes whatever rounding left over, so the
 * schedule sums to the year exactly (DOMAIN.md §3: FK 166 666.67 × 11 and 166 666.63 once).
 */
export function instalments(yearly: Decimal, count: number, remainderIndex: number): Decimal[] {
  assert(Number.isInteger(count) && count >= 1 && count <= 12, 'between 1 and 12 instalments');
  assert(remainderIndex >= 0 && remainderIndex < count, 'remainder instalment is one of them');
  assert(isWholeOre(yearly), 'a yearly amount is in whole öre');
  // Half-up rounding is what the worked example shows; for a yearly amount of a few öre it could
  // make eleven instalments exceed the year and the last one negative, so then round down.
  let regular = yearly.div(count).toDecimalPlaces(2);
  if (regular.mul(count - 1).gt(yearly)) regular = yearly.div(count).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  const parts = Array.from({ length: count }, () => regular);
  parts[remainderIndex] = yearly.minus(regular.mul(count - 1));
  assert(sumMoney(parts).eq(yearly), 'instalments sum to the year');
  return parts;
}
