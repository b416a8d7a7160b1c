import { describe, expect, it } from 'vitest';
import { FinsamError } from '../errors.ts';
import { accountIssues, konto } from './account.ts';
import { addAccount, buildChart, canRemoveAccount, chart_accounts_max, extendChart, removeAccount } from './chart.ts';
import { booked, chart, insatser, members } from './test-fixtures.ts';

const numbersOf = (memberOrInsats: string) =>
  chart.filter((a) => a.memberId === memberOrInsats || a.insatsId === memberOrInsats).map((a) => a.number);

describe('kontoplan', () => {
  it('gives every member a contribution, a receivable and a payable account, in member order', () => {
    expect(numbersOf('fk')).toEqual(['1510', '2510', '3010']);
    expect(numbersOf('kommun-b')).toEqual(['1514', '2514', '3014']);
    expect(chart.find((a) => a.number === '3013')).toEqual({
      number: '3013',
      name: 'Medlemsbidrag Åby kommun',
      kind: 'income',
      memberId: 'kommun-a',
    });
    expect(chart.find((a) => a.number === '2510')?.kind).toBe('liability');
  });

  it('gives every insats a cost account in the area insatser', () => {
    expect(chart.filter((a) => a.insatsId !== undefined)).toEqual([
      { number: '4100', name: 'Insats Steget vidare', kind: 'cost', area: 'insatser', insatsId: 'steget' },
      { number: '4101', name: 'Insats Unga i arbete: "UIA"', kind: 'cost', area: 'insatser', insatsId: 'unga' },
    ]);
  });

  it('has bank, eget kapital, årets resultat and a cost account per area', () => {
    const byNumber = new Map(chart.map((a) => [a.number, a]));
    expect(byNumber.get(konto.bank)?.kind).toBe('asset');
    expect(byNumber.get(konto.balanseratEgetKapital)?.kind).toBe('equity');
    expect(byNumber.get(konto.aretsResultat)?.kind).toBe('equity');
    expect(['styrelse', 'administration', 'revision'].map((area) => chart.some((a) => a.area === area))).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('is sorted by number, unique and well-formed', () => {
    const numbers = chart.map((a) => a.number);
    expect(numbers).toEqual([...numbers].sort());
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(chart.flatMap(accountIssues)).toEqual([]);
  });

  it('keeps existing numbers when a member or insats joins later', () => {
    const later = extendChart(
      chart,
      [...members, { id: 'kommun-c', name: 'Cederby kommun' }],
      [...insatser, { id: 'ny', name: 'Ny insats' }],
    );
    for (const account of chart) expect(later).toContainEqual(account);
    expect(later.filter((a) => a.memberId === 'kommun-c').map((a) => a.number)).toEqual(['1515', '2515', '3015']);
    expect(later.find((a) => a.insatsId === 'ny')?.number).toBe('4102');
    expect(extendChart(later, members, insatser)).toEqual(later);
  });

  it('fills a number freed in a range and refuses when the range is full', () => {
    const many = Array.from({ length: 90 }, (_, index) => ({ id: `k${index}`, name: `Kommun ${index}` }));
    expect(buildChart(many, []).filter((a) => a.kind === 'income' && a.memberId !== undefined)).toHaveLength(90);
    expect(() => buildChart([...many, { id: 'one-too-many', name: 'X' }], [])).toThrow(FinsamError);
    expect(chart_accounts_max).toBeGreaterThan(1000);
  });
});

describe('addAccount', () => {
  it('adds a cost account in an area, in number order', () => {
    const added = addAccount(chart, { number: '5420', name: 'Lokalhyra', kind: 'cost', area: 'administration' });
    expect(added.map((a) => a.number).indexOf('5420')).toBe(added.map((a) => a.number).indexOf('5410') + 1);
  });

  it.each([
    [{ number: '1930', name: 'Bank 2', kind: 'asset' as const }, 'account.number', 'finns redan'],
    [{ number: '193', name: 'Kort', kind: 'asset' as const }, 'account.number', 'fyra siffror'],
    [{ number: '3500', name: 'Fel', kind: 'cost' as const, area: 'styrelse' as const }, 'account.kind', 'intäkt'],
    [{ number: '5500', name: 'Utan område', kind: 'cost' as const }, 'account.area', 'Område'],
    [{ number: '2100', name: ' Skuld', kind: 'liability' as const }, 'account.name', 'Kontonamn'],
    [{ number: '2030', name: 'EK', kind: 'liability' as const }, 'account.kind', 'eget kapital'],
  ])('refuses %j', (account, field, message) => {
    try {
      addAccount(chart, account);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FinsamError);
      const issue = (error as FinsamError).issues.find((i) => i.field === field);
      expect(issue?.message).toContain(message);
    }
  });
});

describe('canRemoveAccount', () => {
  const extra = { number: '5420', name: 'Lokalhyra', kind: 'cost' as const, area: 'administration' as const };
  const withExtra = addAccount(chart, extra);
  const used = booked(1, '2027-02-01', 'Hyra', [
    { account: '5420', amount: '1000.00' },
    { account: '1930', amount: '-1000.00' },
  ]);

  it('allows removing an account nothing refers to', () => {
    expect(canRemoveAccount(extra, [])).toBe(true);
    expect(removeAccount(withExtra, '5420', [])).toEqual(chart);
  });

  it('never removes an account a voucher or an opening balance uses', () => {
    expect(canRemoveAccount(extra, [used])).toBe(false);
    expect(() => removeAccount(withExtra, '5420', [used])).toThrow(/används/);
    const receivable = chart.find((a) => a.number === '1510')!;
    expect(canRemoveAccount(receivable, [], { '1510': '10.00', '2050': '-10.00' })).toBe(false);
    expect(canRemoveAccount(receivable, [], { '1510': '0.00' })).toBe(true);
  });

  it('never removes the accounts the closing relies on', () => {
    expect(canRemoveAccount(chart.find((a) => a.number === konto.aretsResultatRr)!, [])).toBe(false);
    expect(canRemoveAccount(chart.find((a) => a.number === konto.bank)!, [])).toBe(false);
  });
});
