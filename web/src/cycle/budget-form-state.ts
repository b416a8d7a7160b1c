import type { BudgetDraft, BudgetVersion } from '../api/cycle-types.ts';
import type { FieldIssue } from '../api/types.ts';
import { readAmount } from '../input.ts';
import { sumAmounts } from '../money.ts';

/**
 * The budget editor holds what the user types: amounts as Swedish text. `toBudgetDraft` turns it
 * into the API's draft (decimal strings, never a float) or names the fields it cannot read, by
 * the API's own paths, so a local message and a problem+json message land at the same field.
 */

export interface InsatsRow {
  /** Stable React key: rows are added and removed in the middle. */
  key: number;
  /** The insats id the ledger knows it by; empty for a new row until it is saved. */
  id: string;
  name: string;
  amount: string;
  ownerMemberId: string;
}

export interface BudgetFormState {
  frame: string;
  plannedEquityUse: string;
  styrelse: string;
  administration: string;
  revision: string;
  insatser: InsatsRow[];
  plan: string;
  nextKey: number;
}

/** The API's budget_insatser_max. */
export const budget_insatser_max = 200;
/** The API's identifier: 1–40 of A–Z, a–z, 0–9, _ and -. */
const insats_id_length_max = 40;

export const areaFields = [
  ['styrelse', 'Styrelse'],
  ['administration', 'Administration'],
  ['revision', 'Revision'],
] as const;

/** "4000000.00" → "4 000 000,00": an amount as a Swedish user reads and types it. */
export function amountForInput(value: string): string {
  const match = /^(\d+)\.(\d{2})$/.exec(value);
  if (!match) return value;
  return `${match[1]!.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${match[2]}`;
}

const emptyRow = (key: number): InsatsRow => ({ key, id: '', name: '', amount: '', ownerMemberId: '' });

/** The form for a new version: the current version's figures, or an empty draft for a year's first. */
export function budgetFormFrom(version: BudgetVersion | null): BudgetFormState {
  if (!version)
    return {
      frame: '',
      plannedEquityUse: '',
      styrelse: '',
      administration: '',
      revision: '',
      insatser: [emptyRow(0)],
      plan: '',
      nextKey: 1,
    };
  return {
    frame: amountForInput(version.frame),
    plannedEquityUse: amountForInput(version.plannedEquityUse),
    styrelse: amountForInput(version.areas.styrelse),
    administration: amountForInput(version.areas.administration),
    revision: amountForInput(version.areas.revision),
    insatser: version.insatser.map((insats, index) => ({
      key: index,
      id: insats.id,
      name: insats.name,
      amount: amountForInput(insats.amount),
      ownerMemberId: insats.ownerMemberId ?? '',
    })),
    plan: version.plan,
    nextKey: version.insatser.length,
  };
}

export function addInsats(state: BudgetFormState): BudgetFormState {
  if (state.insatser.length >= budget_insatser_max) return state;
  return { ...state, insatser: [...state.insatser, emptyRow(state.nextKey)], nextKey: state.nextKey + 1 };
}

export function removeInsats(state: BudgetFormState, key: number): BudgetFormState {
  return { ...state, insatser: state.insatser.filter((row) => row.key !== key) };
}

export function updateInsats(state: BudgetFormState, key: number, change: Partial<InsatsRow>): BudgetFormState {
  return { ...state, insatser: state.insatser.map((row) => (row.key === key ? { ...row, ...change } : row)) };
}

/** "Steget vidare – Åland" → "steget-vidare-aland": an id the ledger can use, from the name. */
export function insatsIdFrom(name: string): string {
  const id = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, insats_id_length_max)
    .replace(/-+$/, '');
  return id || 'insats';
}

/** Ids for new rows, from their names, never the same as another row's. */
function withIds(rows: InsatsRow[]): string[] {
  const taken = new Set(rows.map((row) => row.id).filter(Boolean));
  return rows.map((row) => {
    if (row.id) return row.id;
    const base = insatsIdFrom(row.name);
    let id = base;
    for (let suffix = 2; taken.has(id); suffix++) id = `${base.slice(0, insats_id_length_max - 4)}-${suffix}`;
    taken.add(id);
    return id;
  });
}

/** A row the user left wholly blank is no insats; it is dropped rather than reported. */
const isBlank = (row: InsatsRow) => row.name.trim() === '' && row.amount.trim() === '';

export function toBudgetDraft(state: BudgetFormState): { body: BudgetDraft } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const amount = (text: string, path: string, label: string, optional = false): string => {
    if (optional && text.trim() === '') return '0.00';
    const value = readAmount(text);
    if (value === null)
      issues.push({
        field: path,
        message:
          text.trim() === ''
            ? `${label}: ange ett belopp i kronor.`
            : `${label}: ange ett belopp i kronor som inte är negativt, till exempel 180 000.`,
      });
    return value ?? '0.00';
  };
  const frame = amount(state.frame, 'frame', 'Finansiell ram');
  const plannedEquityUse = amount(state.plannedEquityUse, 'plannedEquityUse', 'Användning av eget kapital', true);
  const areas = {
    styrelse: amount(state.styrelse, 'areas.styrelse', 'Styrelse'),
    administration: amount(state.administration, 'areas.administration', 'Administration'),
    revision: amount(state.revision, 'areas.revision', 'Revision'),
  };
  const rows = state.insatser.filter((row) => !isBlank(row));
  const ids = withIds(rows);
  const insatser = rows.map((row, index) => {
    const original = state.insatser.indexOf(row);
    if (row.name.trim() === '')
      issues.push({ field: `insatser.${original}.name`, message: `Insats ${original + 1}: ange insatsens namn.` });
    return {
      id: ids[index] as string,
      name: row.name.trim(),
      amount: amount(row.amount, `insatser.${original}.amount`, `Insats ${original + 1}`),
      ...(row.ownerMemberId ? { ownerMemberId: row.ownerMemberId } : {}),
    };
  });
  if (issues.length > 0) return { issues };
  return { body: { frame, plannedEquityUse, areas, insatser, plan: state.plan.trim() } };
}

/**
 * Where an API issue belongs in the form. The API numbers insatser among those sent; the form
 * drops blank rows before sending, so its index is mapped back to the row on screen.
 */
export function issueToForm(state: BudgetFormState, issue: FieldIssue): FieldIssue {
  const match = /^insatser\.(\d+)(\..*)?$/.exec(issue.field);
  if (!match) return issue;
  const sent = state.insatser.filter((row) => !isBlank(row));
  const row = sent[Number(match[1])];
  return row ? { ...issue, field: `insatser.${state.insatser.indexOf(row)}${match[2] ?? ''}` } : issue;
}

export interface BudgetTotals {
  /** Frame plus planned use of eget kapital. */
  resources: string;
  /** The areas plus every insats. */
  use: string;
  /** Resources minus use: zero when the budget balances. */
  difference: string;
}

/** The balance as the user types; a field that cannot be read counts as nothing until it can. */
export function budgetTotals(state: BudgetFormState): BudgetTotals {
  const read = (text: string) => readAmount(text) ?? '0.00';
  const resources = sumAmounts([read(state.frame), read(state.plannedEquityUse)]) ?? '0.00';
  const use =
    sumAmounts([
      read(state.styrelse),
      read(state.administration),
      read(state.revision),
      ...state.insatser.map((row) => read(row.amount)),
    ]) ?? '0.00';
  const negativeUse = use.startsWith('-') ? use.slice(1) : `-${use}`;
  return { resources, use, difference: sumAmounts([resources, negativeUse]) ?? '0.00' };
}
