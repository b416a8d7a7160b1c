import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, formatMoney, parseMoney } from '../money.ts';
import { isBalanceAccount, konto } from './account.ts';
import { accountBalances, type Balances, toBalances, trialBalance } from './balances.ts';
import { balansrakning } from './balansrakning.ts';
import { closingVoucher, openingBalances } from './bokslut.ts';
import { bookVoucher } from './booking.ts';
import { reversalOf } from './correction.ts';
import { kassaflodesanalys } from './kassaflode.ts';
import { openYear } from './periods.ts';
import { resultatrakning } from './resultatrakning.ts';
import { chart } from './test-fixtures.ts';
import type { Voucher, VoucherLine } from './voucher.ts';

const allAccounts = chart.map((account) => account.number);
/** Bookings that move eget kapital only through the result, so RR and BR must agree. */
const operatingAccounts = chart
  .filter((account) => account.kind !== 'equity' && account.number !== konto.aretsResultatRr)
  .map((account) => account.number);
const balanceAccounts = allAccounts.filter(isBalanceAccount);

const ore = fc.integer({ min: 1, max: 1_000_000_000 }).chain((value) => fc.constantFrom(value, -value));
const money = (value: number) => formatMoney(new Decimal(value).div(100));

/** A draft that balances: k lines on random accounts, the last one taking the difference. */
const draftArbitrary = (accounts: string[]) =>
  fc
    .record({
      amounts: fc.array(ore, { minLength: 1, maxLength: 7 }),
      accounts: fc.array(fc.constantFrom(...accounts), { minLength: 8, maxLength: 8 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    })
    .filter(({ amounts }) => amounts.reduce((a, b) => a + b, 0) !== 0)
    .map(({ amounts, accounts: picked, month, day }) => {
      const total = amounts.reduce((a, b) => a + b, 0);
      const lines: VoucherLine[] = [...amounts, -total].map((value, index) => ({
        account: picked[index] as string,
        amount: money(value),
      }));
      const date = `2027-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      return { series: 'A', year: 2027, date, text: 'Egenskapstest', lines };
    });

/** Books every draft through the same path as the product: parse, check, number. */
function bookAll(drafts: unknown[]): Voucher[] {
  return drafts.map((draft, index) =>
    bookVoucher(
      draft,
      { number: index + 1, bookedBy: 'test', bookedAt: '2027-12-31T12:00:00Z' },
      chart,
      openYear(2027),
    ),
  );
}

/** Balanced ingående balanser on balance accounts. */
const openingArbitrary = fc
  .array(fc.tuple(fc.constantFrom(...balanceAccounts), fc.constantFrom(...balanceAccounts), ore), { maxLength: 6 })
  .map((pairs) => {
    const balances = new Map<string, Decimal>();
    for (const [debit, credit, value] of pairs) {
      const amount = new Decimal(value).div(100);
      balances.set(debit, (balances.get(debit) ?? new Decimal(0)).plus(amount));
      balances.set(credit, (balances.get(credit) ?? new Decimal(0)).minus(amount));
    }
    return toBalances(balances) as Balances;
  });

const year = (accounts: string[]) => fc.array(draftArbitrary(accounts), { maxLength: 25 }).map(bookAll);

describe('ledger properties', () => {
  it('any sequence of valid bookings keeps the trial balance at zero', () => {
    fc.assert(
      fc.property(year(allAccounts), openingArbitrary, (vouchers, opening) => {
        const trial = trialBalance(chart, vouchers, opening);
        expect(trial.totals.closing).toBe('0.00');
        expect(trial.totals.debit).toBe(trial.totals.credit);
      }),
    );
  });

  it('reversing vouchers restores every balance they moved', () => {
    fc.assert(
      fc.property(
        year(allAccounts),
        openingArbitrary,
        fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
        (vouchers, opening, reverse) => {
          const reversed = vouchers.filter((_, index) => reverse[index]);
          const kept = vouchers.filter((_, index) => !reverse[index]);
          const reversals = bookAll(reversed.map((voucher) => reversalOf(voucher, { date: '2027-12-31' })));
          const after = toBalances(accountBalances(chart, [...vouchers, ...reversals], opening));
          expect(after).toEqual(toBalances(accountBalances(chart, kept, opening)));
        },
      ),
    );
  });

  it('årets resultat in the RR is the change in eget kapital in the BR, before and after closing', () => {
    fc.assert(
      fc.property(year(operatingAccounts), openingArbitrary, (vouchers, opening) => {
        const result = parseMoney(resultatrakning(chart, vouchers).aretsResultat);
        const equityAtStart = parseMoney(balansrakning(chart, [], opening).egetKapital.total);
        const br = balansrakning(chart, vouchers, opening);
        expect(parseMoney(br.egetKapital.total).minus(equityAtStart).eq(result)).toBe(true);
        expect(br.egetKapital.aretsResultat).toBe(formatMoney(result));

        const closing = closingVoucher(chart, vouchers, { year: 2027, series: 'A' });
        const closed = closing === null ? vouchers : [...vouchers, ...bookAll([closing])];
        expect(balansrakning(chart, closed, opening)).toEqual(br);
        expect(resultatrakning(chart, closed).aretsResultat).toBe(formatMoney(result));
      }),
    );
  });

  it('the kassaflöde equals the change in bank', () => {
    fc.assert(
      fc.property(year(allAccounts), openingArbitrary, (vouchers, opening) => {
        const flow = kassaflodesanalys(chart, vouchers, opening);
        const bankChange = vouchers
          .flatMap((voucher) => voucher.lines)
          .filter((line) => line.account === konto.bank)
          .reduce((sum, line) => sum.plus(parseMoney(line.amount)), new Decimal(0));
        expect(flow.aretsKassaflode).toBe(formatMoney(bankChange));
        expect(
          parseMoney(flow.likvidaMedelVidAretsSlut).minus(parseMoney(flow.likvidaMedelVidAretsBorjan)).eq(bankChange),
        ).toBe(true);
      }),
    );
  });

  it('next year opens in balance with the same eget kapital and no result accounts', () => {
    fc.assert(
      fc.property(year(allAccounts), openingArbitrary, (vouchers, opening) => {
        const next = openingBalances(chart, vouchers, opening);
        expect(Object.keys(next).every(isBalanceAccount)).toBe(true);
        expect(next[konto.aretsResultat]).toBeUndefined();
        const thisYear = balansrakning(chart, vouchers, opening);
        const nextYear = balansrakning(chart, [], next);
        expect(nextYear.tillgangar).toEqual(thisYear.tillgangar);
        expect(nextYear.egetKapital.total).toBe(thisYear.egetKapital.total);
      }),
    );
  });
});
