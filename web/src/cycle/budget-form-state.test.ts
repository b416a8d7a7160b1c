import { describe, expect, it } from 'vitest';
import type { BudgetVersion } from '../api/cycle-types.ts';
import {
  addInsats,
  amountForInput,
  budgetFormFrom,
  budgetTotals,
  insatsIdFrom,
  issueToForm,
  toBudgetDraft,
  updateInsats,
} from './budget-form-state.ts';

const version: BudgetVersion = {
  year: 2027,
  version: 1,
  frame: '4000000.00',
  plannedEquityUse: '0.00',
  areas: { styrelse: '180000.00', administration: '1400000.00', revision: '95000.00' },
  insatser: [{ id: 'steget', name: 'Steget vidare', amount: '2325000.00' }],
  plan: 'Plan',
  createdAt: '2026-09-01T08:00:00Z',
  createdBy: 'ekonom',
};

describe('the budget editor', () => {
  it('starts a new version from the current one, amounts as a Swedish user types them', () => {
    const state = budgetFormFrom(version);
    expect(state.frame).toBe('4 000 000,00');
    expect(state.insatser[0]).toMatchObject({ id: 'steget', amount: '2 325 000,00' });
    expect(toBudgetDraft(state)).toEqual({
      body: {
        frame: '4000000.00',
        plannedEquityUse: '0.00',
        areas: version.areas,
        insatser: version.insatser,
        plan: 'Plan',
      },
    });
  });

  it('shows the balance to the öre as the user types', () => {
    const state = { ...budgetFormFrom(version), revision: '95 000,01' };
    expect(budgetTotals(state)).toEqual({ resources: '4000000.00', use: '4000000.01', difference: '-0.01' });
    expect(budgetTotals(budgetFormFrom(version)).difference).toBe('0.00');
  });

  it('names every field it cannot read by the API path, and drops a wholly blank insats row', () => {
    let state = addInsats(budgetFormFrom(null));
    state = updateInsats(state, 1, { amount: '12' });
    const result = toBudgetDraft({ ...state, frame: '4 000 000', styrelse: '-5' });
    expect(result).toEqual({
      issues: [
        { field: 'areas.styrelse', message: expect.stringContaining('Styrelse') },
        { field: 'areas.administration', message: 'Administration: ange ett belopp i kronor.' },
        { field: 'areas.revision', message: 'Revision: ange ett belopp i kronor.' },
        { field: 'insatser.1.name', message: 'Insats 2: ange insatsens namn.' },
      ],
    });
  });

  it('gives a new insats an id from its name, unlike every other', () => {
    expect(insatsIdFrom('Steget vidare – Åland')).toBe('steget-vidare-aland');
    expect(insatsIdFrom('???')).toBe('insats');
    let state = addInsats(budgetFormFrom(version));
    state = updateInsats(state, 1, { name: 'Steget', amount: '1' });
    const result = toBudgetDraft(state);
    expect('body' in result && result.body.insatser.map((insats) => insats.id)).toEqual(['steget', 'steget-2']);
  });

  it('maps the API’s insats index back to the row on screen', () => {
    let state = addInsats(addInsats(budgetFormFrom(null)));
    state = updateInsats(state, 2, { name: 'Tredje', amount: '5' });
    expect(issueToForm(state, { field: 'insatser.0.id', message: 'x' }).field).toBe('insatser.2.id');
    expect(issueToForm(state, { field: 'frame', message: 'x' }).field).toBe('frame');
  });

  it('formats stored amounts for input', () => {
    expect(amountForInput('95000.00')).toBe('95 000,00');
    expect(amountForInput('0.50')).toBe('0,50');
  });
});
