import { Decimal } from './money.ts';

export interface Weighted<K> {
  key: K;
  weight: Decimal;
}

/**
 * Splits an amount by weights to the öre so that the parts sum exactly to the whole
 * (DOMAIN.md §1): every part is first rounded toward zero, then the öre left over go one at a
 * time to the largest remainders. Ties go to the earlier entry, so the split is deterministic
 * and follows member order.
 */
export function splitByLargestRemainder<K>(total: Decimal, parts: readonly Weighted<K>[]): Map<K, Decimal> {
  if (!total.mul(100).isInteger()) throw new RangeError('total must be whole öre');
  if (parts.length === 0) throw new RangeError('nothing to split between');
  const weightSum = parts.reduce((sum, part) => {
    if (part.weight.isNegative()) throw new RangeError('weights must not be negative');
    return sum.plus(part.weight);
  }, new Decimal(0));
  if (weightSum.isZero()) throw new RangeError('weights sum to zero');

  const totalOre = total.mul(100);
  const sign = totalOre.isNegative() ? -1 : 1;
  const absoluteOre = totalOre.abs();
  const exact = parts.map((part) => absoluteOre.mul(part.weight).div(weightSum));
  const floors = exact.map((value) => value.floor());
  let leftOver = absoluteOre.minus(floors.reduce((a, b) => a.plus(b), new Decimal(0))).toNumber();

  const order = exact
    .map((value, index) => ({ index, remainder: value.minus(floors[index] as Decimal) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  for (const { index } of order) {
    if (leftOver <= 0) break;
    floors[index] = (floors[index] as Decimal).plus(1);
    leftOver -= 1;
  }

  const result = new Map<K, Decimal>();
  parts.forEach((part, index) => {
    result.set(part.key, (floors[index] as Decimal).mul(sign).div(100));
  });
  return result;
}
