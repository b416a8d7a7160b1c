import type { Account, AccountKind } from '../api/ledger-types.ts';
import type { FieldIssue } from '../api/types.ts';
import { negateAmount, sumAmounts } from '../money.ts';
import { type LineState, lineAmount, lineIssues } from './voucher-form-state.ts';

/**
 * The form for a first year's ingående balanser holds what the user types: one row per balance
 * account, its amount in a debit or a credit column, as in the booking form. `toOpeningBalances`
 * turns it into the API's body, credit as a negative decimal string. That the balances sum to
 * zero is the API's rule; the form shows the difference as the user types.
 */
export interface OpeningFormState {
  lines: LineState[];
  source: string;
  nextKey: number;
}

/** The API's opening_accounts_max (routes/ledger-openings.ts). */
export const opening_lines_max = 500;
/** A balance sheet has two sides: a form starts with a row for each. */
const opening_lines_initial = 2;
/** The API's bounds on where the balances come from. */
export const source_length_min = 3;
export const source_length_max = 200;

/** Balansräkningens kontoklasser 1–2: the only accounts that carry a balance into a year. */
const balanceKinds: readonly AccountKind[] = ['asset', 'liability', 'equity'];
export const balanceAccounts = (accounts: readonly Account[]) =>
  accounts.filter((account) => balanceKinds.includes(account.kind));

const emptyLine = (key: number): LineState => ({ key, account: '', debit: '', credit: '' });

export function initialOpeningForm(): OpeningFormState {
  return {
    lines: Array.from({ length: opening_lines_initial }, (_, key) => emptyLine(key)),
    source: '',
    nextKey: opening_lines_initial,
  };
}

export function addOpeningLine(state: OpeningFormState): OpeningFormState {
  if (state.lines.length >= opening_lines_max) return state;
  return { ...state, lines: [...state.lines, emptyLine(state.nextKey)], nextKey: state.nextKey + 1 };
}

export function removeOpeningLine(state: OpeningFormState, key: number): OpeningFormState {
  if (state.lines.length <= 1) return state;
  return { ...state, lines: state.lines.filter((line) => line.key !== key) };
}

export function updateOpeningLine(state: OpeningFormState, key: number, change: Partial<LineState>): OpeningFormState {
  return { ...state, lines: state.lines.map((line) => (line.key === key ? { ...line, ...change } : line)) };
}

export interface OpeningTotals {
  debit: string;
  credit: string;
  /** Debit minus credit over the rows with a valid amount: "0.00" when the balances sum to zero. */
  sum: string;
}

export function openingTotals(lines: readonly LineState[]): OpeningTotals {
  const amounts = lines.map(lineAmount).filter((amount): amount is string => amount !== null);
  const debit = sumAmounts(amounts.filter((amount) => !amount.startsWith('-'))) ?? '0.00';
  const credit = sumAmounts(amounts.filter((amount) => amount.startsWith('-')).map(negateAmount)) ?? '0.00';
  return { debit, credit, sum: sumAmounts([debit, negateAmount(credit)]) ?? '0.00' };
}

export interface OpeningBody {
  balances: Record<string, string>;
  source: string;
}

/** The body to send, or what the user must fix first; rows are "lines.N", as in the booking form. */
export function toOpeningBalances(state: OpeningFormState): { body: OpeningBody } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const firstRow = new Map<string, number>();
  state.lines.forEach((line, index) => {
    issues.push(...lineIssues(line, index));
    if (!line.account) return;
    const earlier = firstRow.get(line.account);
    // One balance per account: the API takes an object keyed by account.
    if (earlier !== undefined)
      issues.push({
        field: `lines.${index}.account`,
        message: `Konto: ${line.account} finns redan på rad ${earlier + 1}; ange kontots hela balans på en rad.`,
      });
    else firstRow.set(line.account, index);
  });
  const source = state.source.trim();
  if (source.length < source_length_min)
    issues.push({
      field: 'source',
      message: 'Källa: ange varifrån balanserna kommer, till exempel ”Utgående balanser 2025 enligt Visma”.',
    });
  if (issues.length > 0) return { issues };
  const balances: Record<string, string> = {};
  for (const line of state.lines) balances[line.account] = lineAmount(line) as string;
  return { body: { balances, source } };
}

/**
 * The API names an account's problem "balances.1930" and the sum's "balances"; the form shows
 * the first at the row that holds the account, the second at the rows' group.
 */
export function issuesForForm(issues: readonly FieldIssue[], state: OpeningFormState): FieldIssue[] {
  return issues.map((issue) => {
    const account = /^balances\.(\d{4})$/.exec(issue.field)?.[1];
    const row = account === undefined ? -1 : state.lines.findIndex((line) => line.account === account);
    return row === -1 ? issue : { ...issue, field: `lines.${row}.account` };
  });
}

/** "bokslut 2026", as the bokslut writes its source, in words; what a person typed stays as typed. */
export function sourceText(source: string): string {
  const year = /^bokslut (\d{4})$/.exec(source)?.[1];
  return year ? `Förda över från bokslutet ${year}` : source;
}
