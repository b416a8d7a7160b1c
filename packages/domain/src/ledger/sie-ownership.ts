import type { FieldIssue } from '../errors.ts';
import type { SieDocument } from './sie-import.ts';

/** A problem's field when it stands on a line of the file ("line 42"), else the file as a whole. */
export const sieLineField = (line: number | undefined) => (line === undefined ? 'file' : `line ${line}`);

const digitsOf = (text: string) => text.replace(/\D/g, '');

/**
 * Whose books a SIE file is: its #ORGNR against the förbund's (dash or not). A missing or other
 * number is a mismatch; unless a person confirmed it, the issue to refuse the file with, at the
 * #ORGNR line. Both imports (vouchers and ingående balanser) ask this one question.
 */
export function sieOrganisationsnummerCheck(
  document: SieDocument,
  organisationsnummer: string,
  confirmed: boolean,
): { mismatch: boolean; issue?: FieldIssue } {
  const fileNumber = document.organisationsnummer?.trim() ?? '';
  const mismatch = digitsOf(fileNumber) !== digitsOf(organisationsnummer);
  if (!mismatch || confirmed) return { mismatch };
  return {
    mismatch,
    issue: {
      field: sieLineField(document.lines.organisationsnummer),
      message:
        fileNumber === ''
          ? `#ORGNR saknas, så filen kan inte visas vara förbundets (${organisationsnummer}). Är den förbundets, bekräfta det uttryckligen.`
          : `#ORGNR ${fileNumber} är inte förbundets organisationsnummer ${organisationsnummer}. Är filen ändå förbundets, bekräfta avvikelsen uttryckligen.`,
    },
  };
}
