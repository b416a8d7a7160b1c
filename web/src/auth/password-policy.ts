/**
 * The user pool's password policy (infra/constructs/auth.ts), explained and checked in the browser
 * so that a person learns what is missing before Cognito refuses. Cognito stays the judge.
 */
export const password_length_min = 12;

/** Cognito's list of special characters (its documentation); a space counts too. */
const password_symbols = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ';

export const password_policy_text = `Lösenordet ska ha minst ${password_length_min} tecken och innehålla stora och små bokstäver, minst en siffra och minst ett specialtecken (till exempel ! ? # eller %).`;

/** What the password lacks, one Swedish sentence per rule; empty when it meets the policy. */
export function passwordPolicyIssues(password: string): string[] {
  const issues: string[] = [];
  if ([...password].length < password_length_min)
    issues.push(`Lösenordet måste ha minst ${password_length_min} tecken.`);
  if (!/\p{Lu}/u.test(password)) issues.push('Lösenordet måste innehålla en stor bokstav.');
  if (!/\p{Ll}/u.test(password)) issues.push('Lösenordet måste innehålla en liten bokstav.');
  if (!/\d/.test(password)) issues.push('Lösenordet måste innehålla en siffra.');
  if (![...password].some((character) => password_symbols.includes(character)))
    issues.push('Lösenordet måste innehålla ett specialtecken, till exempel ! ? # eller %.');
  return issues;
}
