import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, formatMoney, sumMoney } from '../money.ts';
import { Ratio } from '../ratio.ts';
import { splitByLargestRemainder } from '../split.ts';
import { computeContributions } from './contributions.ts';
import { charterDocumentSchema } from './document.ts';
import { type Member, memberSchema } from './schema.ts';

const members: Member[] = [
  { id: 'fk', type: 'fk', name: 'Försäkringskassan', organisationsnummer: '202100-5521', outsideRegion: false },
  { id: 'af', type: 'af', name: 'Arbetsförmedlingen', organisationsnummer: '202100-2114', outsideRegion: false },
  { id: 'region', type: 'region', name: 'Region', organisationsnummer: '232100-0016', outsideRegion: false },
  {
    id: 'a',
    type: 'kommun',
    name: 'A kommun',
    organisationsnummer: '212000-0019',
    outsideRegion: false,
    population: { count: 30_000, referenceDate: '2025-12-31' },
  },
  {
    id: 'b',
    type: 'kommun',
    name: 'B kommun',
    organisationsnummer: '212000-0027',
    outsideRegion: false,
    population: { count: 10_000, referenceDate: '2025-12-31' },
  },
];
const populationKey = {
  model: 'finsam' as const,
  kommunKey: { method: 'population' as const },
  regionKey: { method: 'equal' as const },
  equalIncludesAf: false,
};
const asStrings = (map: Map<string, Decimal>) => Object.fromEntries([...map].map(([id, v]) => [id, formatMoney(v)]));

describe('the worked example in DOMAIN.md §3', () => {
  it('splits a frame of 4 000 000 kr by the Finsam shares and a population key', () => {
    expect(asStrings(computeContributions(new Decimal('4000000'), members, populationKey))).toEqual({
      fk: '2000000.00',
      af: '0.00',
      region: '1000000.00',
      a: '750000.00',
      b: '250000.00',
    });
  });

  it('distributes a surplus of 123 456.78 pro rata to the final frame, B and A taking the spare öre', () => {
    const frame = computeContributions(new Decimal('4000000'), members, populationKey);
    const surplus = splitByLargestRemainder(
      new Decimal('123456.78'),
      members
        .filter((m) => m.type !== 'af')
        .map((m) => ({ key: m.id, weight: Ratio.fromDecimal(frame.get(m.id) as Decimal) })),
    );
    expect(asStrings(surplus)).toEqual({ fk: '61728.39', region: '30864.19', a: '23148.15', b: '7716.05' });
  });
});

describe('contribution keys', () => {
  it('gives the kommuner the whole non-state half when a kommun stands outside any region (Gotland)', () => {
    const gotland: Member[] = [
      members[0] as Member,
      members[1] as Member,
      { id: 'g', type: 'kommun', name: 'Gotlands kommun', organisationsnummer: '212000-0803', outsideRegion: true },
    ];
    const split = computeContributions(new Decimal('1000000'), gotland, {
      ...populationKey,
      kommunKey: { method: 'equal' },
    });
    expect(asStrings(split)).toEqual({ fk: '500000.00', af: '0.00', g: '500000.00' });
  });

  it('splits equal parts between the paying members in the equal model (Delta)', () => {
    const split = computeContributions(new Decimal('1000000.00'), members, { ...populationKey, model: 'equal' });
    expect(asStrings(split)).toEqual({
      fk: '250000.00',
      af: '0.00',
      region: '250000.00',
      a: '250000.00',
      b: '250000.00',
    });
  });

  it('follows explicit percentages between kommuner', () => {
    const split = computeContributions(new Decimal('400000'), members, {
      ...populationKey,
      kommunKey: { method: 'explicit', percentages: { a: '60', b: '40' } },
    });
    expect(asStrings(split)).toMatchObject({ a: '60000.00', b: '40000.00' });
  });

  it('sums exactly and deterministically for any frame and any population figures', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 12 }),
        (ore, populations) => {
          const kommuner = populations.map((count, index) =>
            memberSchema.parse({
              id: `k${index}`,
              type: 'kommun',
              name: `Kommun ${index}`,
              organisationsnummer: '212000-0019',
              population: { count, referenceDate: '2025-12-31' },
            }),
          );
          const all = [...members.slice(0, 3), ...kommuner];
          const frame = new Decimal(ore.toString()).div(100);
          const first = computeContributions(frame, all, populationKey);
          const second = computeContributions(frame, all, populationKey);
          expect(sumMoney(first.values()).eq(frame)).toBe(true);
          expect(asStrings(first)).toEqual(asStrings(second));
          for (const part of first.values()) expect(part.mul(100).isInteger()).toBe(true);
        },
      ),
    );
  });
});

describe('charter validation', () => {
  const valid = { effectiveFrom: '2027-01-01', members };

  it('accepts the worked example and fills in Finsam defaults', () => {
    const charter = charterDocumentSchema.parse(valid);
    expect(charter.settings.deadlines.budgetAdoption).toBe('11-30');
    expect(charter.settings.contributionKey.model).toBe('finsam');
  });

  it('refuses a förbund without Arbetsförmedlingen, naming the field', () => {
    const result = charterDocumentSchema.safeParse({ ...valid, members: members.filter((m) => m.type !== 'af') });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([
      'members',
      'Förbundet ska ha Arbetsförmedlingen som medlem, en gång.',
    ]);
  });

  it('refuses a förbund without a kommun, and one without region or kommun outside region', () => {
    const result = charterDocumentSchema.safeParse({ ...valid, members: members.slice(0, 2) });
    expect(result.error?.issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([
        'Förbundet ska ha minst en kommun som medlem.',
        'Förbundet ska ha minst en region, eller en kommun som inte ingår i någon region.',
      ]),
    );
  });

  it('refuses explicit percentages that do not sum to 100', () => {
    const result = charterDocumentSchema.safeParse({
      ...valid,
      settings: { contributionKey: { kommunKey: { method: 'explicit', percentages: { a: '60', b: '39.99' } } } },
    });
    expect(result.error?.issues[0]?.path.join('.')).toBe('settings.contributionKey.kommunKey.percentages');
  });

  it('refuses a population key when a kommun has no population figure', () => {
    const result = charterDocumentSchema.safeParse({
      ...valid,
      members: members.map((m) => (m.id === 'b' ? { ...m, population: undefined } : m)),
      settings: { contributionKey: { kommunKey: { method: 'population' } } },
    });
    expect(result.error?.issues[0]?.path.join('.')).toBe('members.4.population');
  });

  it('refuses a non-Luhn organisationsnummer', () => {
    const result = charterDocumentSchema.safeParse({
      ...valid,
      members: members.map((m) => (m.id === 'a' ? { ...m, organisationsnummer: '212000-0018' } : m)),
    });
    expect(result.error?.issues[0]?.path.join('.')).toBe('members.3.organisationsnummer');
  });
});
