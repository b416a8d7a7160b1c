import { assert } from './errors.ts';
import { Decimal, isWholeOre } from './money.ts';
import { Ratio } from './ratio.ts';

export interface Weighted<K> {
  key: K;
  /** Exact, so that equal remainders are equal; amounts become weights with Ratio.fromDecimal. */
  weight: Ratio;
}

/** Most parts one split takes: far above any förbund's members, and bounds the sort below. */
export const split_parts_max = 1000;

/**
 * Splits an amount by weights to the öre so that the parts sum exactly to the whole
 * (DOMAIN.md §1). The tie rule: all arithmetic is in integer öre over integer weights, so every
 * remainder is exact, and two members with equal remainders are told apart by member order only
 * (the earlier member gets the öre), never by rounding noise.
 */
export function splitByLargestRemainder<K>(total: Decimal, parts: readonly Weighted<K>[]): Map<K, Decimal> {
  if (!isWholeOre(total)) throw new RangeError('total must be whole öre');
  if (parts.length === 0) throw new RangeError('nothing to split between');
  if (parts.length > split_parts_max) throw new RangeError(`at most ${split_parts_max} parts`);
  for (const part of parts) if (part.weight.isNegative()) throw new RangeError('weights must not be negative');

  // On a common denominator the weights are integers in the same proportions.
  const weights = Ratio.onCommonDenominator(parts.map(({ weight }) => weight)).numerators;
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0n);
  if (weightSum === 0n) throw new RangeError('weights sum to zero');

  // A negative total (a deficit) is split as its absolute value and every part negated, as
  // before: each member carries the mirror image of what it would receive of a surplus.
  const totalOre = BigInt(total.mul(100).toFixed(0));
  const sign = totalOre < 0n ? -1n : 1n;
  const absoluteOre = totalOre * sign;

  const ore = weights.map((weight) => (absoluteOre * weight) / weightSum);
  const remainders = weights.map((weight) => (absoluteOre * weight) % weightSum);
  let leftOver = absoluteOre - ore.reduce((sum, part) => sum + part, 0n);
  assert(leftOver >= 0n && leftOver < BigInt(parts.length), 'fewer öre left over than parts');

  // DOMAIN.md §1: largest remainder to the öre, ties by member order.
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of order) {
    if (leftOver === 0n) break;
    ore[index] = (ore[index] as bigint) + 1n;
    leftOver -= 1n;
  }
  assert(ore.reduce((sum, part) => sum + part, 0n) === absoluteOre, 'a split sums to the whole');

  const result = new Map<K, Decimal>();
  parts.forEach((part, index) => {
    result.set(part.key, new Decimal(`${(ore[index] as bigint) * sign}e-2`));
  });
  return result;
}
