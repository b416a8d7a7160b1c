import type { VoucherBasisKind, VoucherDraft, VoucherLine } from '../api/ledger-types.ts';
import type { FieldIssue } from '../api/types.ts';
import { readAmount } from '../input.ts';
import { negateAmount, sumAmounts } from '../money.ts';

/**
 * The booking form holds what the user types: amounts as Swedish text in a debit or a credit
 * column. `toVoucherDraft` turns it into the API's draft, credit as a negative decimal string,
 * never through a float. Whether the voucher balances is the API's rule; the form only shows the
 * difference as the user types.
 */
export interface LineState {
  /** Stable React key: lines are added and removed in the middle. */
  key: number;
  account: string;
  debit: string;
  credit: string;
}

export interface VoucherFormState {
  series: string;
  date: string;
  text: string;
  basisKind: VoucherBasisKind | '';
  basisReference: string;
  lines: LineState[];
  nextKey: number;
}

/** The API's voucher_lines_max: one voucher is one stored item. */
export const voucher_lines_max = 500;
/** Double entry: a debit and a credit. */
export const voucher_lines_min = 2;
export const default_series = 'A';

const emptyLine = (key: number): LineState => ({ key, account: '', debit: '', credit: '' });

export function initialVoucherForm(today: string): VoucherFormState {
  return {
    series: default_series,
    date: today,
    text: '',
    basisKind: '',
    basisReference: '',
    lines: [emptyLine(0), emptyLine(1)],
    nextKey: 2,
  };
}

export function addLine(state: VoucherFormState): VoucherFormState {
  if (state.lines.length >= voucher_lines_max) return state;
  return { ...state, lines: [...state.lines, emptyLine(state.nextKey)], nextKey: state.nextKey + 1 };
}

export function removeLine(state: VoucherFormState, key: number): VoucherFormState {
  if (state.lines.length <= voucher_lines_min) return state;
  return { ...state, lines: state.lines.filter((line) => line.key !== key) };
}

export function updateLine(state: VoucherFormState, key: number, change: Partial<LineState>): VoucherFormState {
  return { ...state, lines: state.lines.map((line) => (line.key === key ? { ...line, ...change } : line)) };
}

/** The column that holds a line's amount, so a message about the amount shows where it was typed. */
export function amountColumn(line: LineState): 'debit' | 'credit' {
  return line.credit.trim() !== '' && line.debit.trim() === '' ? 'credit' : 'debit';
}

/** A line's signed amount ("1250.00" debit, "-1250.00" credit); null when blank, both or not a number. */
export function lineAmount(line: LineState): string | null {
  const debit = line.debit.trim();
  const credit = line.credit.trim();
  if ((debit === '') === (credit === '')) return null;
  const amount = readAmount(debit || credit);
  if (amount === null) return null;
  return debit ? amount : negateAmount(amount);
}

export interface Totals {
  debit: string;
  credit: string;
  /** Debit minus credit over the lines that hold a valid amount; "0.00" when balanced. */
  difference: string;
}

export function totals(state: VoucherFormState): Totals {
  const amounts = state.lines.map(lineAmount).filter((amount): amount is string => amount !== null);
  const debit = sumAmounts(amounts.filter((amount) => !amount.startsWith('-'))) ?? '0.00';
  const credit = sumAmounts(amounts.filter((amount) => amount.startsWith('-')).map(negateAmount)) ?? '0.00';
  return { debit, credit, difference: sumAmounts([debit, negateAmount(credit)]) ?? '0.00' };
}

const seriesPattern = /^[A-Z0-9]{1,10}$/;
const datePattern = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Reads the series as typed: "a" is series A. */
export const readSeries = (text: string) => text.trim().toUpperCase();

/** What is wrong with one line as typed: no account, no amount, both columns, not a number, zero. */
export function lineIssues(line: LineState, index: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!line.account) issues.push({ field: `lines.${index}.account`, message: 'Konto: välj ett konto.' });
  const field = `lines.${index}.amount`;
  const debit = line.debit.trim();
  const credit = line.credit.trim();
  if (!debit && !credit) issues.push({ field, message: 'Belopp: ange ett belopp i debet eller i kredit.' });
  else if (debit && credit) issues.push({ field, message: 'Belopp: ange beloppet i debet eller i kredit, inte båda.' });
  else {
    const amount = readAmount(debit || credit);
    if (amount === null) issues.push({ field, message: 'Belopp: ange ett belopp i kronor, till exempel 1 250,00.' });
    else if (/^0+\.00$/.test(amount)) issues.push({ field, message: 'Belopp: får inte vara noll.' });
  }
  return issues;
}

/** The draft to book, or what the user must fix first; the fields are the API's paths. */
export function toVoucherDraft(state: VoucherFormState): { body: VoucherDraft } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const series = readSeries(state.series);
  if (!seriesPattern.test(series))
    issues.push({ field: 'series', message: 'Serie: ange 1–10 tecken A–Z eller 0–9, till exempel A.' });
  const date = state.date.trim();
  const dateMatch = datePattern.exec(date);
  if (!dateMatch) issues.push({ field: 'date', message: 'Datum: ange datumet som ÅÅÅÅ-MM-DD.' });
  const text = state.text.trim();
  if (!text) issues.push({ field: 'text', message: 'Text: ange vad verifikationen gäller.' });
  const reference = state.basisReference.trim();
  if (state.basisKind && !reference)
    issues.push({ field: 'basis.reference', message: 'Underlag: ange en referens, till exempel fakturans nummer.' });
  if (!state.basisKind && reference)
    issues.push({ field: 'basis.kind', message: 'Underlag: välj vilket slags underlag referensen gäller.' });
  state.lines.forEach((line, index) => {
    issues.push(...lineIssues(line, index));
  });
  if (issues.length > 0 || !dateMatch) return { issues };

  const lines: VoucherLine[] = state.lines.map((line) => ({
    account: line.account,
    amount: lineAmount(line) as string,
  }));
  return {
    body: {
      series,
      // Fiscal year is the calendar year (packages/domain fiscalYearOf), so the date decides it.
      year: Number(dateMatch[1]),
      date,
      text,
      lines,
      ...(state.basisKind ? { basis: { kind: state.basisKind, reference } } : {}),
    },
  };
}
