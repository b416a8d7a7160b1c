import { describe, expect, it } from 'vitest';
import {
  addLine,
  amountColumn,
  initialVoucherForm,
  lineAmount,
  removeLine,
  totals,
  toVoucherDraft,
  updateLine,
  type VoucherFormState,
  voucher_lines_max,
} from './voucher-form-state.ts';

const filled = (): VoucherFormState => {
  let state = { ...initialVoucherForm('2026-11-05'), text: 'Konferenslokal' };
  state = updateLine(state, 0, { account: '5410', debit: '1 250,00' });
  return updateLine(state, 1, { account: '1930', credit: '1250' });
};

describe('voucher form', () => {
  it('reads Swedish amounts exactly, credit as a negative amount', () => {
    const state = filled();
    expect(lineAmount(state.lines[0]!)).toBe('1250.00');
    expect(lineAmount(state.lines[1]!)).toBe('-1250.00');
    expect(toVoucherDraft(state)).toEqual({
      body: {
        series: 'A',
        year: 2026,
        date: '2026-11-05',
        text: 'Konferenslokal',
        lines: [
          { account: '5410', amount: '1250.00' },
          { account: '1930', amount: '-1250.00' },
        ],
      },
    });
  });

  it('shows the difference to the öre as the user types', () => {
    let state = filled();
    expect(totals(state)).toEqual({ debit: '1250.00', credit: '1250.00', difference: '0.00' });
    state = updateLine(state, 1, { credit: '1 249,99' });
    expect(totals(state).difference).toBe('0.01');
    state = updateLine(state, 1, { credit: '0,1' });
    state = updateLine(state, 0, { debit: '0,2' });
    expect(totals(state)).toEqual({ debit: '0.20', credit: '0.10', difference: '0.10' });
    // A line still being typed ("12,") does not count, and does not break the sum.
    state = updateLine(state, 0, { debit: '12,' });
    expect(totals(state).difference).toBe('-0.10');
  });

  it('names every field to fix with the API paths', () => {
    let state = { ...initialVoucherForm('2026-13-01'), series: 'a b' };
    state = updateLine(state, 0, { debit: '5', credit: '5' });
    state = updateLine(state, 1, { account: '1930', credit: 'tusen' });
    state = { ...state, basisKind: 'invoice' };
    const result = toVoucherDraft(state);
    expect('issues' in result && result.issues.map((issue) => issue.field)).toEqual([
      'series',
      'date',
      'text',
      'basis.reference',
      'lines.0.account',
      'lines.0.amount',
      'lines.1.amount',
    ]);
  });

  it('refuses a zero amount and a reference without a kind', () => {
    let state = updateLine(filled(), 0, { debit: '0,00' });
    state = { ...state, basisReference: 'F-1' };
    const result = toVoucherDraft(state);
    expect('issues' in result && result.issues).toEqual([
      { field: 'basis.kind', message: 'Underlag: välj vilket slags underlag referensen gäller.' },
      { field: 'lines.0.amount', message: 'Belopp: får inte vara noll.' },
    ]);
  });

  it('sends a basis and an upper-case series, and leaves the balance to the API', () => {
    let state: VoucherFormState = { ...filled(), series: ' c ', basisKind: 'invoice', basisReference: ' F-1001 ' };
    state = updateLine(state, 1, { credit: '1 000' });
    const result = toVoucherDraft(state);
    expect('body' in result && result.body).toMatchObject({
      series: 'C',
      basis: { kind: 'invoice', reference: 'F-1001' },
    });
  });

  it('keeps between two and voucher_lines_max lines, each with a stable key', () => {
    let state = initialVoucherForm('2026-01-01');
    expect(removeLine(state, 0).lines).toHaveLength(2);
    state = addLine(state);
    expect(state.lines.map((line) => line.key)).toEqual([0, 1, 2]);
    expect(removeLine(state, 1).lines.map((line) => line.key)).toEqual([0, 2]);
    for (let index = 0; index < voucher_lines_max + 5; index++) state = addLine(state);
    expect(state.lines).toHaveLength(voucher_lines_max);
  });

  it('shows an amount message in the column the amount was typed in', () => {
    expect(amountColumn({ key: 0, account: '', debit: '', credit: '5' })).toBe('credit');
    expect(amountColumn({ key: 0, account: '', debit: '5', credit: '5' })).toBe('debit');
    expect(amountColumn({ key: 0, account: '', debit: '', credit: '' })).toBe('debit');
  });
});
