import { describe, expect, it } from 'vitest';
import { FinsamError } from '../errors.ts';
import { bookVoucher, checkVoucher, nextVoucherNumber, numberingIssues } from './booking.ts';
import { reversalOf } from './correction.ts';
import { lockMonth, lockYear, openYear } from './periods.ts';
import { booked, chart } from './test-fixtures.ts';
import {
  assertBalanced,
  parseVoucherDraft,
  type VoucherDraft,
  voucher_lines_max,
  voucherDifference,
  voucherDraftSchema,
} from './voucher.ts';

const draft: VoucherDraft = {
  series: 'A',
  year: 2027,
  date: '2027-03-15',
  text: 'Medlemsbidrag mars, Försäkringskassan',
  lines: [
    { account: '1510', amount: '166666.67', memberId: 'fk' },
    { account: '3010', amount: '-166666.67', memberId: 'fk' },
  ],
  basis: { kind: 'invoice', reference: 'F-2027-03' },
};
const record = { number: 7, bookedBy: 'ekonom@forbund.example', bookedAt: '2027-03-16T08:00:00.000Z' };

function issuesOf(input: unknown) {
  try {
    parseVoucherDraft(input);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(FinsamError);
    return (error as FinsamError).issues.map((i) => [i.field, i.message]);
  }
}

describe('voucher draft schema', () => {
  it('accepts a well-formed draft', () => {
    expect(voucherDraftSchema.parse(draft)).toEqual(draft);
  });

  it('names the field in Swedish for each mistake', () => {
    expect(issuesOf({ ...draft, lines: [draft.lines[0]] })).toEqual([
      ['lines', 'Rader: en verifikation har minst 2 rader (debet och kredit).'],
    ]);
    expect(issuesOf({ ...draft, lines: [draft.lines[0], { account: '3010', amount: '0.00' }] })).toEqual([
      ['lines.1.amount', 'Belopp: får inte vara noll.'],
    ]);
    expect(issuesOf({ ...draft, lines: [draft.lines[0], { account: '3010', amount: '-166666.7' }] })[0]?.[0]).toBe(
      'lines.1.amount',
    );
    expect(issuesOf({ ...draft, series: 'a b' })[0]).toEqual(['series', 'Serie: ange 1–10 tecken A–Z eller 0–9.']);
    expect(issuesOf({ ...draft, text: '   ' })[0]).toEqual(['text', 'Text: ange vad verifikationen gäller.']);
    expect(issuesOf({ ...draft, date: '2027-02-30' })[0]?.[0]).toBe('date');
    expect(issuesOf({ ...draft, lines: [draft.lines[0], { account: '30100', amount: '1.00' }] })[0]).toEqual([
      'lines.1.account',
      'Konto: ange fyra siffror.',
    ]);
    expect(issuesOf({ ...draft, basis: { kind: 'gissning', reference: 'x' } })[0]?.[0]).toBe('basis.kind');
    expect(issuesOf({ ...draft, year: undefined })[0]).toEqual(['year', 'År: ange räkenskapsåret som ett tal.']);
  });

  it('refuses more than voucher_lines_max lines', () => {
    const lines = Array.from({ length: voucher_lines_max + 1 }, (_, i) => ({
      account: '5010',
      amount: i % 2 === 0 ? '1.00' : '-1.00',
    }));
    expect(issuesOf({ ...draft, lines })).toEqual([['lines', 'Rader: högst 500 rader per verifikation.']]);
  });
});

describe('checkVoucher', () => {
  it('finds nothing wrong with a balanced voucher in an open period', () => {
    expect(checkVoucher(draft, chart, openYear(2027))).toEqual([]);
  });

  it('reports an unbalanced voucher with the difference', () => {
    const unbalanced = { ...draft, lines: [draft.lines[0]!, { account: '3010', amount: '-166666.66' }] };
    expect(checkVoucher(unbalanced, chart, openYear(2027))).toEqual([
      { field: 'lines', message: 'Verifikationen balanserar inte: debet och kredit skiljer 0,01\u00a0kr.' },
    ]);
  });

  it('reports an account missing from the kontoplan and a line tagged with another member', () => {
    const wrong = {
      ...draft,
      lines: [
        { account: '1999', amount: '5.00' },
        { account: '3010', amount: '-5.00', memberId: 'region' },
      ],
    };
    expect(checkVoucher(wrong, chart, openYear(2027)).map((i) => i.field)).toEqual([
      'lines.0.account',
      'lines.1.memberId',
    ]);
  });

  it('refuses a date outside the fiscal year, including the day after it ends', () => {
    expect(checkVoucher({ ...draft, date: '2028-01-01' }, chart, openYear(2027))).toEqual([
      { field: 'date', message: 'Datum: ska ligga i räkenskapsåret 2027-01-01–2027-12-31.' },
    ]);
    expect(checkVoucher({ ...draft, date: '2027-12-31' }, chart, openYear(2027))).toEqual([]);
  });

  it('refuses a locked month and a locked year, but not the first day after the locked month', () => {
    const locks = lockMonth(openYear(2027), '2027-03');
    expect(checkVoucher(draft, chart, locks)).toEqual([
      { field: 'date', message: 'Datum: perioden 2027-03 är låst; boka i en öppen period.' },
    ]);
    expect(checkVoucher({ ...draft, date: '2027-04-01' }, chart, locks)).toEqual([]);
    expect(checkVoucher({ ...draft, date: '2027-04-01' }, chart, lockYear(locks))).toEqual([
      { field: 'date', message: 'Datum: räkenskapsåret 2027 är låst.' },
    ]);
  });

  it('treats period locks of another year as a bug in the caller', () => {
    expect(() => checkVoucher(draft, chart, openYear(2026))).toThrow(/invariant/);
  });
});

describe('bookVoucher', () => {
  it('books a valid draft with its number and booking record', () => {
    const voucher = bookVoucher(draft, record, chart, openYear(2027));
    expect(voucher).toEqual({ ...draft, ...record });
  });

  it('throws invalid naming every problem, never half-books', () => {
    const bad = { ...draft, date: '2026-12-31', lines: [{ account: '1999', amount: '1.00' }, draft.lines[1]] };
    expect(() => bookVoucher(bad, record, chart, openYear(2027))).toThrow(FinsamError);
    try {
      bookVoucher(bad, record, chart, openYear(2027));
    } catch (error) {
      expect((error as FinsamError).kind).toBe('invalid');
      expect((error as FinsamError).issues.map((i) => i.field)).toEqual(['lines', 'lines.0.account', 'date']);
    }
  });

  it('treats a missing booking record as a bug', () => {
    expect(() => bookVoucher(draft, { ...record, bookedAt: 'igår' }, chart, openYear(2027))).toThrow(/invariant/);
    expect(() => bookVoucher(draft, { ...record, number: 0 }, chart, openYear(2027))).toThrow(/invariant/);
  });
});

describe('assertBalanced', () => {
  it('passes a balanced voucher and breaks on an unbalanced or one-line voucher', () => {
    expect(() => assertBalanced(draft)).not.toThrow();
    expect(() => assertBalanced({ lines: [draft.lines[0]!, { account: '3010', amount: '-1.00' }] })).toThrow(
      /balances/,
    );
    expect(() => assertBalanced({ lines: [draft.lines[0]!] })).toThrow(/two lines/);
    expect(voucherDifference({ lines: [draft.lines[0]!] }).toFixed(2)).toBe('166666.67');
  });
});

describe('reversalOf', () => {
  const original = booked(12, '2027-03-15', 'Felaktig kontering', draft.lines, { basis: draft.basis });

  it('negates every line, keeps the tags and links back to the original', () => {
    const reversal = reversalOf(original, { date: '2027-04-02' });
    expect(reversal).toEqual({
      series: 'A',
      year: 2027,
      date: '2027-04-02',
      text: 'Återföring av A12 (2027): Felaktig kontering',
      lines: [
        { account: '1510', amount: '-166666.67', memberId: 'fk' },
        { account: '3010', amount: '166666.67', memberId: 'fk' },
      ],
      basis: draft.basis,
      corrects: { series: 'A', year: 2027, number: 12, kind: 'reversal' },
    });
    expect(checkVoucher(reversal, chart, openYear(2027))).toEqual([]);
    expect(voucherDraftSchema.parse(reversal)).toEqual(reversal);
  });

  it('books into the year of its own date and keeps the text within bounds', () => {
    const long = { ...original, text: 'x'.repeat(200) };
    const reversal = reversalOf(long, { date: '2028-01-10', series: 'K' });
    expect(reversal.year).toBe(2028);
    expect(reversal.series).toBe('K');
    expect(reversal.text.length).toBe(200);
  });
});

describe('numbering', () => {
  const ids = (numbers: number[], series = 'A') => numbers.map((number) => ({ series, year: 2027, number }));

  it('takes the next number per series and year', () => {
    expect(nextVoucherNumber([], 'A', 2027)).toBe(1);
    expect(nextVoucherNumber([...ids([1, 2, 3]), ...ids([1], 'B')], 'A', 2027)).toBe(4);
    expect(nextVoucherNumber(ids([1, 2, 3]), 'A', 2028)).toBe(1);
  });

  it('reports gaps and duplicates', () => {
    expect(numberingIssues(ids([1, 2, 3]))).toEqual([]);
    expect(numberingIssues(ids([1, 2, 5, 5]))).toEqual([
      { field: 'vouchers.A 2027', message: 'Serie A 2027: nummer 3–4 saknas.' },
      { field: 'vouchers.A 2027', message: 'Serie A 2027: nummer 5 förekommer två gånger.' },
    ]);
    expect(numberingIssues(ids([2]))).toEqual([
      { field: 'vouchers.A 2027', message: 'Serie A 2027: nummer 1–1 saknas.' },
    ]);
  });
});
