import type { FieldIssue } from '../errors.ts';

/**
 * One account in a förbund's kontoplan. The plan is inspired by Kommun-Bas: the first digit is the
 * class (1 tillgångar, 2 eget kapital och skulder, 3 intäkter, 4–7 kostnader, 8 finansiella poster
 * and årets resultat), and the reports group accounts by class and by the fields below.
 */
export const accountKinds = ['asset', 'liability', 'equity', 'income', 'cost'] as const;
export type AccountKind = (typeof accountKinds)[number];

export const accountKindNames: Record<AccountKind, string> = {
  asset: 'tillgång',
  liability: 'skuld',
  equity: 'eget kapital',
  income: 'intäkt',
  cost: 'kostnad',
};

/** The budget areas of a verksamhetsplan (DOMAIN.md glossary); every cost account belongs to one. */
export const costAreas = ['styrelse', 'administration', 'revision', 'insatser'] as const;
export type CostArea = (typeof costAreas)[number];

export const costAreaNames: Record<CostArea, string> = {
  styrelse: 'Styrelse',
  administration: 'Administration',
  revision: 'Revision',
  insatser: 'Insatser',
};

export interface Account {
  /** Four digits, e.g. "1930". A string so that leading zeros and SIE files keep their form. */
  number: string;
  /** Swedish name as shown in reports and SIE files. */
  name: string;
  kind: AccountKind;
  /** Accounts per member make avräkning and likvidavräkning visible in the ledger (DOMAIN.md §4). */
  memberId?: string;
  insatsId?: string;
  area?: CostArea;
}

/** A kontoplan: every account the förbund has ever had, ordered by number. */
export type Chart = readonly Account[];

export const ACCOUNT_NUMBER_PATTERN = /^[1-8]\d{3}$/;
export const account_name_length_max = 100;

/**
 * The accounts the bookkeeping itself relies on. Year-end closing follows the BAS convention that
 * auditors know: the result is booked from an RR account (8990) to a BR account (2010), so the
 * RR accounts keep their balances for the report and the BR shows årets resultat in eget kapital.
 */
export const konto = {
  bank: '1930',
  aretsResultat: '2010',
  balanseratEgetKapital: '2050',
  styrelse: '5010',
  administration: '5410',
  revision: '7010',
  ranteintakter: '8310',
  rantekostnader: '8410',
  aretsResultatRr: '8990',
} as const;

/** Accounts generated per member or per insats take the next free number in their range. */
export const accountRanges = {
  memberReceivable: { first: 1510, last: 1599 },
  memberPayable: { first: 2510, last: 2599 },
  memberContribution: { first: 3010, last: 3099 },
  insatsCost: { first: 4100, last: 4999 },
} as const;
export type AccountRange = (typeof accountRanges)[keyof typeof accountRanges];

export const inRange = (number: string, range: AccountRange) =>
  Number(number) >= range.first && Number(number) <= range.last;

const accountClass = (number: string) => Number(number[0]);
const accountGroup = (number: string) => Number(number.slice(0, 2));

/** Balance accounts (class 1–2) carry over to next year; result accounts (3–8) start from zero. */
export const isBalanceAccount = (number: string) => accountClass(number) <= 2;
export const isResultAccount = (number: string) => accountClass(number) >= 3;

/** Kommun-Bas 19: kassa och bank. The kassaflödesanalys explains the change in these. */
export const isLikvidaMedel = (number: string) => accountGroup(number) === 19;
/** Kommun-Bas 10–13: anläggningstillgångar, whose change is investeringsverksamhet. */
export const isAnlaggningstillgang = (number: string) => accountGroup(number) <= 13;
/** Kommun-Bas 22–23: avsättningar and långfristiga skulder, whose change is finansieringsverksamhet. */
export const isLongTermLiability = (number: string) => accountGroup(number) === 22 || accountGroup(number) === 23;
/** Class 3–7: verksamhetens intäkter och kostnader. */
export const isOperatingAccount = (number: string) => accountClass(number) >= 3 && accountClass(number) <= 7;
/** Class 8 except the closing account: finansiella intäkter and kostnader, below the operating result. */
export const isFinancialPost = (number: string) => accountClass(number) === 8 && number !== konto.aretsResultatRr;

/** The kinds an account number may have, by its class (Kommun-Bas: 20 is eget kapital). */
export function allowedKinds(number: string): readonly AccountKind[] {
  const accountType = accountClass(number);
  if (accountType === 1) return ['asset'];
  if (accountType === 2) return accountGroup(number) === 20 ? ['equity'] : ['liability'];
  if (accountType === 3) return ['income'];
  if (accountType <= 7) return ['cost'];
  return ['income', 'cost'];
}

/** Everything wrong with one account on its own; `field` is relative to the account. */
export function accountIssues(account: Account): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!ACCOUNT_NUMBER_PATTERN.test(account.number)) {
    issues.push({ field: 'number', message: 'Kontonummer: ange fyra siffror, 1000–8999.' });
    return issues;
  }
  const name = account.name.trim();
  if (name.length === 0 || name.length > account_name_length_max || name !== account.name)
    issues.push({
      field: 'name',
      message: `Kontonamn: ange 1–${account_name_length_max} tecken utan inledande blanksteg.`,
    });
  if (!allowedKinds(account.number).includes(account.kind))
    issues.push({
      field: 'kind',
      message: `Kontotyp: konto ${account.number} kan bara vara ${allowedKinds(account.number)
        .map((kind) => accountKindNames[kind])
        .join(' eller ')}.`,
    });
  if (account.area !== undefined && account.kind !== 'cost')
    issues.push({ field: 'area', message: 'Område: bara kostnadskonton hör till ett område.' });
  if (account.kind === 'cost' && account.area === undefined && accountClass(account.number) <= 7)
    issues.push({
      field: 'area',
      message: 'Område: ett kostnadskonto ska höra till styrelse, administration, revision eller insatser.',
    });
  if (account.insatsId !== undefined && account.area !== 'insatser')
    issues.push({ field: 'area', message: 'Område: ett konto för en insats hör till området insatser.' });
  return issues;
}
