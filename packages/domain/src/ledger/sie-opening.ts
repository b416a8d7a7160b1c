import { type FieldIssue, invalid } from '../errors.ts';
import { parseMoney } from '../money.ts';
import { type Balances, opening_balance_accounts_max } from './balances.ts';
import type { SieDocument } from './sie-import.ts';
import { sieLineField, sieOrganisationsnummerCheck } from './sie-ownership.ts';

/** Bounds on the texts a file puts into the recorded source, so the source stays one readable line. */
const source_company_name_length_max = 60;
const source_program_length_max = 40;
const source_person_name_length_max = 60;

export interface SieOpeningTarget {
  /** The calendar year whose ingående balanser the file is to give. */
  year: number;
  /** The förbund's own organisationsnummer, from its profile. */
  organisationsnummer: string;
  /**
   * The name of the person who has said explicitly that the file is the förbund's although its
   * #ORGNR is not the förbund's (a previous system set up with a wrong or old number); unset when
   * nobody has.
   */
  mismatchConfirmedBy?: string | undefined;
}

export interface SieOpening {
  /** The file's #IB 0 balances as read, zero balances included. */
  balances: Balances;
  /** Where the figures come from, for the auditor; says so when a #ORGNR mismatch was confirmed. */
  source: string;
  organisationsnummerMismatch: boolean;
}

function clip(text: string, length_max: number): string {
  const trimmed = text.trim();
  return trimmed.length <= length_max ? trimmed : `${trimmed.slice(0, length_max - 1)}…`;
}

/**
 * The ingående balanser a SIE 4 file from a förbund's previous system gives for `year`: its #IB 0
 * lines, when its #RAR 0 is that calendar year and its #ORGNR is the förbund's (or a person has
 * confirmed that a file with another number is the förbund's anyway). Every problem is reported
 * at once, naming the file line ("line 4") where there is one and "file" where a line is missing.
 * Whether the accounts are balance accounts of the kontoplan summing to zero is the business of
 * openingBalanceIssues, which every entry of ingående balanser goes through.
 */
export function sieOpeningBalances(document: SieDocument, target: SieOpeningTarget): SieOpening {
  const issues: FieldIssue[] = [];
  const firstDay = `${target.year}-01-01`;

  // The file's year 0 must be the year being opened: IB of another year are another year's balances.
  if (document.fiscalYear === undefined)
    issues.push({ field: 'file', message: `#RAR 0 saknas; filen ska gälla räkenskapsåret som börjar ${firstDay}.` });
  else if (document.fiscalYear.first !== firstDay)
    issues.push({
      field: sieLineField(document.lines.fiscalYear),
      message: `#RAR 0 börjar ${document.fiscalYear.first}; ingående balanser för ${target.year} ska komma från räkenskapsåret som börjar ${firstDay}.`,
    });

  const fileNumber = document.organisationsnummer?.trim() ?? '';
  const confirmedBy = target.mismatchConfirmedBy?.trim();
  const { mismatch, issue: ownership } = sieOrganisationsnummerCheck(
    document,
    target.organisationsnummer,
    Boolean(confirmedBy),
  );
  if (ownership) issues.push(ownership);

  const accounts = Object.entries(document.openingBalances);
  if (accounts.every(([, amount]) => parseMoney(amount).isZero()))
    issues.push({
      field: 'file',
      message: 'Filen innehåller inga ingående balanser: ingen #IB 0-rad med ett belopp skilt från noll.',
    });
  if (accounts.length > opening_balance_accounts_max)
    issues.push({ field: 'file', message: `Högst ${opening_balance_accounts_max} konton med #IB 0.` });

  if (issues.length > 0) throw invalid('SIE-filens ingående balanser kan inte läsas in; inget har sparats.', issues);

  const company =
    [document.companyName === undefined ? '' : clip(document.companyName, source_company_name_length_max), fileNumber]
      .filter((part) => part !== '')
      .join(' ') || 'utan #FNAMN och #ORGNR';
  const program = document.program
    ? clip(`${document.program.name} ${document.program.version}`, source_program_length_max)
    : '';
  const person = clip(confirmedBy ?? '', source_person_name_length_max);
  const confirmation = !mismatch
    ? ''
    : fileNumber === ''
      ? `; filen saknar #ORGNR, bekräftad som förbundets av ${person}`
      : `; #ORGNR ${fileNumber} är inte förbundets ${target.organisationsnummer}, bekräftat av ${person}`;
  const source = `SIE-import: ${company}, ${program === '' ? '' : `${program}, `}IB ${target.year}${confirmation}`;
  return { balances: { ...document.openingBalances }, source, organisationsnummerMismatch: mismatch };
}
