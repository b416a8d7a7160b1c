import type { Member } from '../charter/schema.ts';
import { assert, conflict, invalid } from '../errors.ts';
import { parseMoney } from '../money.ts';
import {
  type Account,
  type AccountRange,
  account_name_length_max,
  accountIssues,
  accountRanges,
  type Chart,
  inRange,
  konto,
} from './account.ts';
import type { Balances } from './balances.ts';
import type { Voucher } from './voucher.ts';

export type ChartMember = Pick<Member, 'id' | 'name'>;
export interface ChartInsats {
  id: string;
  name: string;
}

/** Upper bound on accounts in one kontoplan: the ranges above hold about 1 100; room to add. */
export const chart_accounts_max = 2_000;

/** The accounts every förbund has, whoever its members are. */
export function baseAccounts(): Account[] {
  return [
    { number: konto.bank, name: 'Bank', kind: 'asset' },
    { number: konto.aretsResultat, name: 'Årets resultat', kind: 'equity' },
    { number: konto.balanseratEgetKapital, name: 'Eget kapital', kind: 'equity' },
    { number: konto.styrelse, name: 'Styrelsens kostnader', kind: 'cost', area: 'styrelse' },
    { number: konto.administration, name: 'Administration och kansli', kind: 'cost', area: 'administration' },
    { number: konto.revision, name: 'Revision', kind: 'cost', area: 'revision' },
    { number: konto.ranteintakter, name: 'Ränteintäkter', kind: 'income' },
    { number: konto.rantekostnader, name: 'Räntekostnader', kind: 'cost' },
    { number: konto.aretsResultatRr, name: 'Årets resultat', kind: 'cost' },
  ];
}

/** The kontoplan of a new förbund: the base accounts plus accounts per member and per insats. */
export function buildChart(members: readonly ChartMember[], insatser: readonly ChartInsats[]): Account[] {
  return extendChart(baseAccounts(), members, insatser);
}

/**
 * Adds the accounts a member or insats does not have yet, each at the next free number of its
 * range. Existing accounts keep their numbers: a kommun that joins later gets new accounts and
 * nothing already booked moves.
 */
export function extendChart(
  chart: Chart,
  members: readonly ChartMember[],
  insatser: readonly ChartInsats[],
): Account[] {
  const accounts = [...chart];
  const ensure = (range: AccountRange, has: (account: Account) => boolean, make: (number: string) => Account) => {
    if (accounts.some((account) => has(account) && inRange(account.number, range))) return;
    const number = nextFreeNumber(accounts, range);
    if (number === undefined)
      throw invalid('Kontoplanen är full.', [
        { field: 'accounts', message: `Kontoplanen har inget ledigt nummer ${range.first}–${range.last}.` },
      ]);
    accounts.push(make(number));
  };
  for (const member of members) {
    const mine = (account: Account) => account.memberId === member.id;
    ensure(accountRanges.memberContribution, mine, (number) => ({
      number,
      name: accountName(`Medlemsbidrag ${member.name}`),
      kind: 'income',
      memberId: member.id,
    }));
    ensure(accountRanges.memberReceivable, mine, (number) => ({
      number,
      name: accountName(`Fordran ${member.name}`),
      kind: 'asset',
      memberId: member.id,
    }));
    ensure(accountRanges.memberPayable, mine, (number) => ({
      number,
      name: accountName(`Skuld till ${member.name}`),
      kind: 'liability',
      memberId: member.id,
    }));
  }
  for (const insats of insatser)
    ensure(
      accountRanges.insatsCost,
      (account) => account.insatsId === insats.id,
      (number) => ({
        number,
        name: accountName(`Insats ${insats.name}`),
        kind: 'cost',
        area: 'insatser',
        insatsId: insats.id,
      }),
    );
  return checkedChart(accounts);
}

/** Adds one account chosen by the user; refuses a taken number or a kind its class does not allow. */
export function addAccount(chart: Chart, account: Account): Account[] {
  const issues = accountIssues(account).map((issue) => ({ ...issue, field: `account.${issue.field}` }));
  if (chart.some((existing) => existing.number === account.number))
    issues.push({ field: 'account.number', message: `Kontonummer: konto ${account.number} finns redan.` });
  if (issues.length > 0) throw invalid('Kontot kan inte läggas till.', issues);
  return checkedChart([...chart, account]);
}

/**
 * An account may be removed only while nothing refers to it: never once a voucher line or an
 * opening balance uses it (a booked voucher must stay readable), and never one the closing needs.
 */
export function canRemoveAccount(account: Account, vouchers: readonly Voucher[], opening: Balances = {}): boolean {
  if (Object.values(konto).includes(account.number as (typeof konto)[keyof typeof konto])) return false;
  const opened = opening[account.number];
  if (opened !== undefined && !parseMoney(opened).isZero()) return false;
  return !vouchers.some((voucher) => voucher.lines.some((line) => line.account === account.number));
}

export function removeAccount(
  chart: Chart,
  number: string,
  vouchers: readonly Voucher[],
  opening?: Balances,
): Account[] {
  const account = chart.find((existing) => existing.number === number);
  if (account === undefined)
    throw invalid('Kontot finns inte.', [{ field: 'number', message: `Konto ${number} finns inte.` }]);
  if (!canRemoveAccount(account, vouchers, opening))
    throw conflict(`Konto ${number} används och kan inte tas bort; byt namn eller sluta använda det.`);
  return chart.filter((existing) => existing.number !== number);
}

/** Account lookup by number; reports assert through it that every booked account is in the plan. */
export function accountIndex(chart: Chart): ReadonlyMap<string, Account> {
  return new Map(chart.map((account) => [account.number, account]));
}

function nextFreeNumber(accounts: readonly Account[], range: AccountRange): string | undefined {
  const taken = new Set(accounts.map((account) => account.number));
  for (let number = range.first; number <= range.last; number++) if (!taken.has(String(number))) return String(number);
  return undefined;
}

function accountName(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, account_name_length_max).trim();
}

function checkedChart(accounts: Account[]): Account[] {
  assert(accounts.length <= chart_accounts_max, 'a kontoplan stays within chart_accounts_max');
  const sorted = [...accounts].sort((a, b) => a.number.localeCompare(b.number));
  for (const [index, account] of sorted.entries()) {
    assert(accountIssues(account).length === 0, `account ${account.number} is well-formed`);
    assert(index === 0 || sorted[index - 1]?.number !== account.number, `account ${account.number} is unique`);
  }
  return sorted;
}
