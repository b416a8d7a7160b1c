/**
 * Swedish organisationsnummer: ten digits (NNNNNN-NNNN), the last a Luhn check digit, and the
 * third digit at least 2 so it cannot be a personnummer (legal persons only; DOMAIN.md §6 says
 * personal identity numbers never belong in these fields).
 */
export const ORGANISATIONSNUMMER_PATTERN = /^\d{6}-?\d{4}$/;

export function normaliseOrganisationsnummer(text: string): string {
  const digits = text.replace('-', '');
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let index = 0; index < nineDigits.length; index++) {
    let value = Number(nineDigits[index]) * (index % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return (10 - (sum % 10)) % 10;
}

export type OrganisationsnummerProblem = 'format' | 'check-digit' | 'not-legal-person';

export function checkOrganisationsnummer(text: string): OrganisationsnummerProblem | undefined {
  if (!ORGANISATIONSNUMMER_PATTERN.test(text)) return 'format';
  const digits = text.replace('-', '');
  if (Number(digits[2]) < 2) return 'not-legal-person';
  if (luhnCheckDigit(digits.slice(0, 9)) !== Number(digits[9])) return 'check-digit';
  return undefined;
}

export const organisationsnummerMessages: Record<OrganisationsnummerProblem, string> = {
  format: 'Organisationsnumret ska ha formen NNNNNN-NNNN.',
  'check-digit': 'Organisationsnumrets kontrollsiffra stämmer inte.',
  'not-legal-person': 'Numret är inte ett organisationsnummer för en juridisk person.',
};
