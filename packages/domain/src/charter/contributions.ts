import { assert } from '../errors.ts';
import { Decimal, isWholeOre, sumMoney } from '../money.ts';
import { Ratio } from '../ratio.ts';
import { splitByLargestRemainder, type Weighted } from '../split.ts';
import type { CharterSettings, Member } from './schema.ts';

/**
 * Each member's share of the frame as an exact weight (law § 5; DOMAIN.md §1): FK 1/2, the
 * region(s) 1/4 by their key, the kommuner 1/4 by theirs; AF 0. With no region, the kommuner
 * together carry the non-state half. Weights need not sum to one; only their ratios matter.
 * Exact ratios, because a population key such as 30 000/70 000 has no finite decimal form.
 */
export function contributionWeights(
  members: readonly Member[],
  key: CharterSettings['contributionKey'],
): Map<string, Ratio> {
  const weights = new Map<string, Ratio>(members.map((m) => [m.id, Ratio.zero]));
  if (key.model === 'equal') {
    const paying = members.filter((m) => m.type !== 'af' || key.equalIncludesAf);
    for (const member of paying) weights.set(member.id, Ratio.one);
    return weights;
  }
  if (key.model === 'own-amounts') {
    for (const member of members) weights.set(member.id, Ratio.parse(key.ownAmounts?.[member.id] ?? '0'));
    return weights;
  }

  const regions = members.filter((m) => m.type === 'region');
  const kommuner = members.filter((m) => m.type === 'kommun');
  const half = Ratio.of(1, 2);
  const quarter = Ratio.of(1, 4);
  for (const member of members) if (member.type === 'fk') weights.set(member.id, half);

  const regionPart = regions.length > 0 ? quarter : Ratio.zero;
  const kommunPart = regions.length > 0 ? quarter : half;
  const regionRatios = ratios(regions, key.regionKey.method, key.regionKey.percentages);
  for (const region of regions) weights.set(region.id, regionPart.times(regionRatios.get(region.id) as Ratio));
  const kommunRatios = ratios(kommuner, key.kommunKey.method, key.kommunKey.percentages);
  for (const kommun of kommuner) weights.set(kommun.id, kommunPart.times(kommunRatios.get(kommun.id) as Ratio));
  return weights;
}

function ratios(
  owners: readonly Member[],
  method: 'equal' | 'population' | 'explicit',
  percentages: Record<string, string> | undefined,
): Map<string, Ratio> {
  const raw = owners.map((member): [string, Ratio] => {
    if (method === 'population') return [member.id, Ratio.of(member.population?.count ?? 0)];
    if (method === 'explicit') return [member.id, Ratio.parse(percentages?.[member.id] ?? '0')];
    return [member.id, Ratio.one];
  });
  const total = Ratio.sum(raw.map(([, value]) => value));
  assert(owners.length === 0 || total.compare(Ratio.zero) > 0, 'a contribution key must have a positive total');
  return new Map(raw.map(([id, value]) => [id, value.dividedBy(total)]));
}

/**
 * Splits a year's frame into medlemsbidrag, to the öre, in member order. The `own-amounts`
 * model has no frame to split: each member's part is its own amount.
 */
export function computeContributions(
  frame: Decimal,
  members: readonly Member[],
  key: CharterSettings['contributionKey'],
): Map<string, Decimal> {
  assert(isWholeOre(frame) && !frame.isNegative(), 'a frame is a non-negative amount in whole öre');
  const weights = contributionWeights(members, key);
  const parts: Weighted<string>[] = members.map((m) => ({ key: m.id, weight: weights.get(m.id) as Ratio }));
  const split = splitByLargestRemainder(frame, parts);
  assert(sumMoney(split.values()).eq(frame), 'contributions sum to the frame');
  return split;
}

/** The frame of an `own-amounts` charter: the sum of the members' own amounts. */
export function ownAmountsFrame(key: CharterSettings['contributionKey']): Decimal {
  return sumMoney(Object.values(key.ownAmounts ?? {}).map((amount) => new Decimal(amount)));
}
