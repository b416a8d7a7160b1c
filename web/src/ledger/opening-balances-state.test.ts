import { describe, expect, it } from 'vitest';
import type { Account } from '../api/ledger-types.ts';
import {
  addOpeningLine,
  balanceAccounts,
  initialOpeningForm,
  issuesForForm,
  type OpeningFormState,
  opening_lines_max,
  openingTotals,
  removeOpeningLine,
  sourceText,
  toOpeningBalances,
  updateOpeningLine,
} from './opening-balances-state.ts';

const filled = (): OpeningFormState => {
  let state = { ...initialOpeningForm(), source: 'Utgående balanser 2025 enligt Visma' };
  state = updateOpeningLine(state, 0, { account: '1930', debit: '850 000' });
  return updateOpeningLine(state, 1, { account: '2050', credit: '850 000,00' });
};

describe('opening balances form', () => {
  it('sends each account once, credit as a negative amount, and the source trimmed', () => {
    expect(toOpeningBalances({ ...filled(), source: '  Visma 2025  ' })).toEqual({
      body: { balances: { '1930': '850000.00', '2050': '-850000.00' }, source: 'Visma 2025' },
    });
  });

  it('shows the running sum in öre exactly, zero when the sides agree', () => {
    expect(openingTotals(filled().lines)).toEqual({ debit: '850000.00', credit: '850000.00', sum: '0.00' });
    const off = updateOpeningLine(filled(), 1, { credit: '849 999,99' });
    expect(openingTotals(off.lines).sum).toBe('0.01');
    // The sum is the API's rule: an unbalanced entry is sent, and the API says by how much.
    expect('body' in toOpeningBalances(off)).toBe(true);
  });

  it('names the rows to fix: no account, no amount, an account twice, no source', () => {
    let state = addOpeningLine(filled());
    state = updateOpeningLine(state, 2, { account: '1930', debit: '1,00' });
    state = addOpeningLine({ ...state, source: 'ab' });
    const result = toOpeningBalances(state);
    expect('issues' in result && result.issues.map((issue) => issue.field)).toEqual([
      'lines.2.account',
      'lines.3.account',
      'lines.3.amount',
      'source',
    ]);
  });

  it('keeps at least one row and at most the API’s limit', () => {
    const one = removeOpeningLine(initialOpeningForm(), 0);
    expect(removeOpeningLine(one, 1).lines).toHaveLength(1);
    let many = initialOpeningForm();
    for (let row = 0; row < opening_lines_max + 5; row++) many = addOpeningLine(many);
    expect(many.lines).toHaveLength(opening_lines_max);
  });

  it('puts the API’s issue for an account at the row that holds it, the sum at the rows', () => {
    const issues = [
      { field: 'balances.2050', message: 'Konto 2050 …' },
      { field: 'balances.9999', message: 'Okänt' },
      { field: 'balances', message: 'Summa' },
    ];
    expect(issuesForForm(issues, filled()).map((issue) => issue.field)).toEqual([
      'lines.1.account',
      'balances.9999',
      'balances',
    ]);
  });

  it('offers balance accounts only, and says where the bokslut’s balances come from', () => {
    const accounts: Account[] = [
      { number: '1930', name: 'Bank', kind: 'asset' },
      { number: '2050', name: 'Balanserat eget kapital', kind: 'equity' },
      { number: '2440', name: 'Leverantörsskulder', kind: 'liability' },
      { number: '5410', name: 'Förbrukningsinventarier', kind: 'cost' },
      { number: '3010', name: 'Medlemsbidrag', kind: 'income' },
    ];
    expect(balanceAccounts(accounts).map((account) => account.number)).toEqual(['1930', '2050', '2440']);
    expect(sourceText('bokslut 2026')).toBe('Förda över från bokslutet 2026');
    expect(sourceText('Utgående balanser 2025 enligt Visma')).toBe('Utgående balanser 2025 enligt Visma');
  });
});
