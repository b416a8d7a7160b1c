import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeContributions } from './charter/contributions.ts';
import type { Member } from './charter/schema.ts';
import { Decimal } from './money.ts';
import { Ratio } from './ratio.ts';
import { splitByLargestRemainder } from './split.ts';

/**
 * The reference the split is checked against, written here and sharing nothing with the product:
 * weights are plain [numerator, denominator] bigint pairs, every share is the exact fraction
 * total·wᵢ/W, the floors are bigint divisions, and remainders are compared by cross-multiplying.
 * DOMAIN.md §1: the öre left over go one each to the largest remainders, ties to the earlier member.
 */
function referenceSplit(totalOre: bigint, weights: readonly (readonly [bigint, bigint])[]): bigint[] {
  // W = Wn/Wd, the sum of the weights as one fraction (not reduced; it need not be).
  let sumTop = 0n;
  let sumBottom = 1n;
  for (const [n, d] of weights) [sumTop, sumBottom] = [sumTop * d + n * sumBottom, sumBottom * d];
  const sign = totalOre < 0n ? -1n : 1n;
  const whole = totalOre * sign;
  // share i = whole · (nᵢ/dᵢ) / (Wn/Wd) = whole·nᵢ·Wd / (dᵢ·Wn)
  const shares = weights.map(([n, d]) => ({ top: whole * n * sumBottom, bottom: d * sumTop }));
  const floors = shares.map(({ top, bottom }) => top / bottom);
  const remainders = shares.map(({ top, bottom }) => ({ top: top % bottom, bottom }));
  let leftOver = whole - floors.reduce((a, b) => a + b, 0n);
  const order = remainders.map((_, index) => index);
  order.sort((i, j) => {
    const ri = remainders[i] as { top: bigint; bottom: bigint };
    const rj = remainders[j] as { top: bigint; bottom: bigint };
    const left = ri.top * rj.bottom;
    const right = rj.top * ri.bottom;
    return left === right ? i - j : left > right ? -1 : 1;
  });
  for (const index of order) {
    if (leftOver === 0n) break;
    floors[index] = (floors[index] as bigint) + 1n;
    leftOver -= 1n;
  }
  return floors.map((ore) => ore * sign);
}

const oreOf = (amount: Decimal) => BigInt(amount.mul(100).toFixed(0));
const kronor = (ore: bigint) => new Decimal(ore.toString()).div(100);

/** Small integer weights so that equal weights, and so exact ties, are common. */
const tieProneWeight = fc.oneof(fc.constantFrom(1, 2, 3, 6, 7), fc.integer({ min: 1, max: 1_000_000 }));
const totalOre = fc.oneof(fc.bigInt({ min: -10_000n, max: 10_000n }), fc.bigInt({ min: 0n, max: 10n ** 14n }));

describe('the largest-remainder split (DOMAIN.md §1)', () => {
  it('equals the BigInt reference, sums to the whole, for random totals and integer weights', () => {
    fc.assert(
      fc.property(totalOre, fc.array(tieProneWeight, { minLength: 1, maxLength: 40 }), (total, weights) => {
        const split = splitByLargestRemainder(
          kronor(total),
          weights.map((weight, index) => ({ key: index, weight: Ratio.of(weight) })),
        );
        const got = weights.map((_, index) => oreOf(split.get(index) as Decimal));
        expect(got).toEqual(
          referenceSplit(
            total,
            weights.map((w) => [BigInt(w), 1n] as const),
          ),
        );
        expect(got.reduce((a, b) => a + b, 0n)).toBe(total);
      }),
      { numRuns: 500 },
    );
  });

  it('equals the reference for fractional weights with no finite decimal form', () => {
    const fraction = fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 97 }));
    fc.assert(
      fc.property(totalOre, fc.array(fraction, { minLength: 1, maxLength: 20 }), (total, fractions) => {
        fc.pre(fractions.some(([n]) => n > 0));
        const split = splitByLargestRemainder(
          kronor(total),
          fractions.map(([n, d], index) => ({ key: index, weight: Ratio.of(n, d) })),
        );
        const got = fractions.map((_, index) => oreOf(split.get(index) as Decimal));
        expect(got).toEqual(
          referenceSplit(
            total,
            fractions.map(([n, d]) => [BigInt(n), BigInt(d)] as const),
          ),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('changes under re-ordering only as the tie rule says: among equal weights the earlier takes the öre', () => {
    fc.assert(
      fc.property(
        totalOre,
        fc.array(fc.constantFrom(1, 2, 3), { minLength: 2, maxLength: 12 }),
        fc.infiniteStream(fc.nat()),
        (total, weights, randomness) => {
          const parts = weights.map((weight, index) => ({ key: index, weight: Ratio.of(weight) }));
          // Equal members trade places among themselves; every other member keeps its place.
          const shuffled = [...parts];
          for (const weight of new Set(weights)) {
            const places = parts.flatMap((part, index) => (weights[part.key] === weight ? [index] : []));
            const moved = places.map((index) => parts[index] as (typeof parts)[0]);
            for (let i = moved.length - 1; i > 0; i--) {
              const j = (randomness.next().value as number) % (i + 1);
              [moved[i], moved[j]] = [moved[j] as (typeof parts)[0], moved[i] as (typeof parts)[0]];
            }
            places.forEach((place, i) => {
              shuffled[place] = moved[i] as (typeof parts)[0];
            });
          }
          const before = splitByLargestRemainder(kronor(total), parts);
          const after = splitByLargestRemainder(kronor(total), shuffled);
          for (const weight of new Set(weights)) {
            // The amounts a group of equal members receives are the same multiset in any order…
            const group = (order: typeof parts, split: Map<number, Decimal>) =>
              order.filter((p) => weights[p.key] === weight).map((p) => oreOf(split.get(p.key) as Decimal));
            const inOrder = group(parts, before);
            const reordered = group(shuffled, after);
            expect([...reordered].sort()).toEqual([...inOrder].sort());
            // …and within the group the larger amounts (of a deficit: the larger shares of it) go
            // to whoever comes first.
            const size = (v: bigint) => (v < 0n ? -v : v);
            const descending = (list: bigint[]) =>
              list.every((v, i) => i === 0 || size(list[i - 1] as bigint) >= size(v));
            expect(descending(inOrder)).toBe(true);
            expect(descending(reordered)).toBe(true);
          }
          // A place keeps its amount: the tie rule looks at the order, not at who stands there.
          parts.forEach((part, index) => {
            expect(oreOf(after.get((shuffled[index] as (typeof parts)[0]).key) as Decimal)).toBe(
              oreOf(before.get(part.key) as Decimal),
            );
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

function kommun(id: string, count: number): Member {
  return {
    id,
    type: 'kommun',
    name: `${id} kommun`,
    organisationsnummer: '212000-0019',
    outsideRegion: false,
    population: { count, referenceDate: '2025-12-31' },
  };
}
const state: Member[] = [
  { id: 'fk', type: 'fk', name: 'Försäkringskassan', organisationsnummer: '202100-5521', outsideRegion: false },
  { id: 'af', type: 'af', name: 'Arbetsförmedlingen', organisationsnummer: '202100-2114', outsideRegion: false },
  { id: 'region', type: 'region', name: 'Region', organisationsnummer: '232100-0016', outsideRegion: false },
];
const populationKey = {
  model: 'finsam' as const,
  kommunKey: { method: 'population' as const },
  regionKey: { method: 'equal' as const },
  equalIncludesAf: false,
};

describe('contributions by population (law § 5, DOMAIN.md §1)', () => {
  it('equal the BigInt reference of the Finsam shares for random frames and populations', () => {
    // Round populations and round frames make exact ties common, as in real förbund.
    const population = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(10_000, 20_000, 30_000, 40_000) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 900_000 }) },
    );
    const frames = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(3n, 1_000n, 100_000_000n, 400_000_000n, 1_200_000_000n) },
      { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 12n }) },
    );
    fc.assert(
      fc.property(frames, fc.array(population, { minLength: 1, maxLength: 12 }), (frame, counts) => {
        const members = [...state, ...counts.map((count, index) => kommun(`k${index}`, count))];
        const got = computeContributions(kronor(frame), members, populationKey);
        const total = BigInt(counts.reduce((a, b) => a + b, 0));
        // FK 1/2, AF 0, the region 1/4, each kommun 1/4 · population / total population.
        const weights: (readonly [bigint, bigint])[] = [
          [1n, 2n],
          [0n, 1n],
          [1n, 4n],
          ...counts.map((count) => [BigInt(count), 4n * total] as const),
        ];
        expect(members.map((m) => oreOf(got.get(m.id) as Decimal))).toEqual(referenceSplit(frame, weights));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives a tied öre to the earlier kommun, not to the one rounding noise favours', () => {
    // 4 000 000 kr; kommuner of 10 000, 10 000 and 40 000 share the quarter 1 000 000 kr as
    // 166 666,666…, 166 666,666… and 666 666,666… kr: three remainders of exactly 2/3 öre, and
    // 2 öre left after FK 2 000 000 and the region 1 000 000. By member order they go to the first
    // two kommuner; with the shares kept as 60-digit decimals the third one took an öre.
    const members = [...state, kommun('a', 10_000), kommun('b', 10_000), kommun('c', 40_000)];
    const got = computeContributions(new Decimal('4000000'), members, populationKey);
    expect(members.map((m) => (got.get(m.id) as Decimal).toFixed(2))).toEqual([
      '2000000.00',
      '0.00',
      '1000000.00',
      '166666.67',
      '166666.67',
      '666666.66',
    ]);
  });
});
