import { describe, expect, it } from 'vitest';
import { FinsamError } from '../errors.ts';
import { opening_balance_accounts_max } from './balances.ts';
import { importSie4 } from './sie-import.ts';
import { type SieOpeningTarget, sieOpeningBalances } from './sie-opening.ts';

const target: SieOpeningTarget = { year: 2027, organisationsnummer: '222000-0026' };

/** A file from a previous system; `rest` replaces the lines from line 5 on (the first #RAR is line 5). */
const file = (...rest: string[]) =>
  [
    '#FLAGGA 0',
    '#PROGRAM "Visma Administration" 2000',
    '#SIETYP 4',
    '#FNAMN "Samordningsförbundet Andra"',
    ...rest,
  ].join('\r\n');
const header = ['#ORGNR 222000-0026', '#RAR 0 20270101 20271231', '#RAR -1 20260101 20261231'];
const accounts = ['#KONTO 1930 "Bank"', '#KONTO 2050 "Balanserat kapital"', '#KONTO 2440 "Leverantörsskulder"'];
const balances = ['#IB 0 1930 850000.00', '#IB 0 2440 -50000', '#IB 0 2050 -800000.00', '#IB -1 1930 10.00'];

function issuesOf(text: string, to: SieOpeningTarget = target) {
  try {
    sieOpeningBalances(importSie4(text), to);
  } catch (error) {
    expect(error).toBeInstanceOf(FinsamError);
    expect((error as FinsamError).kind).toBe('invalid');
    return (error as FinsamError).issues.map((issue) => [issue.field, issue.message]);
  }
  throw new Error('expected the file to be refused');
}

describe('ingående balanser from a SIE 4 file', () => {
  it('reads the #IB 0 lines, with the line of each, and names the file in the source', () => {
    const document = importSie4(file(...header, ...accounts, ...balances));
    expect(document.lines).toEqual({
      organisationsnummer: 5,
      fiscalYear: 6,
      openingBalances: { '1930': 11, '2440': 12, '2050': 13 },
      vouchers: [],
    });
    expect(sieOpeningBalances(document, target)).toEqual({
      balances: { '1930': '850000.00', '2440': '-50000.00', '2050': '-800000.00' },
      source: 'SIE-import: Samordningsförbundet Andra 222000-0026, Visma Administration 2000, IB 2027',
      organisationsnummerMismatch: false,
    });
  });

  it('leaves the program out of the source when the file does not name one, and takes #ORGNR without a dash', () => {
    const text = file(...header, ...accounts, ...balances)
      .replace('#PROGRAM "Visma Administration" 2000\r\n', '')
      .replace('222000-0026', '2220000026');
    expect(sieOpeningBalances(importSie4(text), target).source).toBe(
      'SIE-import: Samordningsförbundet Andra 2220000026, IB 2027',
    );
  });

  it('refuses a file whose year 0 is not the calendar year being opened, naming the #RAR line', () => {
    const text = file('#ORGNR 222000-0026', '#RAR 0 20260101 20261231', ...accounts, ...balances);
    expect(issuesOf(text)).toEqual([['line 6', expect.stringContaining('#RAR 0 börjar 2026-01-01')]]);
    const broken = file('#ORGNR 222000-0026', '#RAR 0 20270701 20280630', ...accounts, ...balances);
    expect(issuesOf(broken)).toEqual([['line 6', expect.stringContaining('2027-01-01')]]);
  });

  it('refuses a file with no #RAR 0 at all', () => {
    expect(issuesOf(file('#ORGNR 222000-0026', ...accounts, ...balances))).toEqual([
      ['file', expect.stringContaining('#RAR 0 saknas')],
    ]);
  });

  it("refuses another förbund's #ORGNR, or none, unless a person confirms the mismatch", () => {
    const other = file('#ORGNR 222000-0018', ...header.slice(1), ...accounts, ...balances);
    expect(issuesOf(other)).toEqual([['line 5', expect.stringContaining('#ORGNR 222000-0018 är inte förbundets')]]);
    expect(issuesOf(other, { ...target, mismatchConfirmedBy: '  ' })).toHaveLength(1);
    const confirmed = sieOpeningBalances(importSie4(other), { ...target, mismatchConfirmedBy: 'Elin Ekonom' });
    expect(confirmed.organisationsnummerMismatch).toBe(true);
    expect(confirmed.source).toBe(
      'SIE-import: Samordningsförbundet Andra 222000-0018, Visma Administration 2000, IB 2027; #ORGNR 222000-0018 är inte förbundets 222000-0026, bekräftat av Elin Ekonom',
    );

    const none = file(...header.slice(1), ...accounts, ...balances);
    expect(issuesOf(none)).toEqual([['file', expect.stringContaining('#ORGNR saknas')]]);
    expect(sieOpeningBalances(importSie4(none), { ...target, mismatchConfirmedBy: 'Elin Ekonom' }).source).toContain(
      '; filen saknar #ORGNR, bekräftad som förbundets av Elin Ekonom',
    );
  });

  it('refuses a file with no #IB 0 line, or only zero ones; #IB of earlier years do not count', () => {
    const message = expect.stringContaining('inga ingående balanser');
    expect(issuesOf(file(...header, ...accounts, '#IB -1 1930 10.00'))).toEqual([['file', message]]);
    expect(issuesOf(file(...header, ...accounts, '#IB 0 1930 0.00', '#IB 0 2050 -0.00'))).toEqual([['file', message]]);
  });

  it('reports every problem at once', () => {
    const text = file('#ORGNR 222000-0018', '#RAR 0 20260101 20261231', ...accounts);
    expect(issuesOf(text).map(([field]) => field)).toEqual(['line 6', 'line 5', 'file']);
  });

  it(`takes at most ${opening_balance_accounts_max} accounts`, () => {
    const many = Array.from({ length: opening_balance_accounts_max + 1 }, (_, index) => String(1000 + index));
    const text = file(
      ...header,
      ...many.map((number) => `#KONTO ${number} "Konto"`),
      ...many.map((number) => `#IB 0 ${number} 1.00`),
    );
    expect(issuesOf(text)).toEqual([['file', expect.stringContaining(`Högst ${opening_balance_accounts_max}`)]]);
  });

  it('keeps a long company name from swelling the source', () => {
    const text = file(...header, ...accounts, ...balances).replace('Samordningsförbundet Andra', 'Å'.repeat(300));
    const { source } = sieOpeningBalances(importSie4(text), target);
    expect(source).toContain(`${'Å'.repeat(59)}… 222000-0026`);
    expect(source.length).toBeLessThan(200);
  });
});
