import type { CharterSettings } from '../charter/schema.ts';
import { assert, invalid } from '../errors.ts';
import { type Chart, konto } from '../ledger/account.ts';
import { Decimal, formatMoney, sumMoney } from '../money.ts';
import { checkYear, dateOf, parseIsoDate } from './dates.ts';
import { carriesBalance, type Funding, settlesAtYearEndOnly } from './frame-schedule.ts';
import { type LikvidavrakningSettings, reckonInterest } from './interest.ts';
import { checkPosition, closingByAccount, type MemberPosition, netBalanceAt, openingNet } from './member-position.ts';
import { type DraftLine, type EconomyVoucher, economyVoucher, memberAccounts } from './vouchers.ts';

/**
 * The likvidavräkning (DOMAIN.md §3; 000 L352, L395): once a year each member's accumulated
 * balance with the förbund is settled in cash, with interest. The balance settled is the one at
 * year end, as the approved årsredovisning shows it; movements of the following year belong to
 * the next likvidavräkning. Signs as everywhere in the economy: positive, the member owes the
 * förbund and pays; negative, the förbund owes the member and pays it.
 */

export type SettlementTiming = LikvidavrakningSettings['timing'];

/** A year-end-only member (FK) settles at bokslut; the others when the charter says. */
export function settlementTiming(
  memberId: string,
  settings: { funding: Funding; likvidavrakning: LikvidavrakningSettings },
): SettlementTiming {
  return settlesAtYearEndOnly(memberId, settings.funding) ? 'at-bokslut' : settings.likvidavrakning.timing;
}

/**
 * The members the likvidavräkning is for: those whose balance is carried (claim-72, or settled
 * at year end only). A member paying cash settles each statement when it falls due, so its
 * open invoices are not settled a second time here.
 */
export function likvidavrakningMembers<M extends { id: string }>(members: readonly M[], funding: Funding): M[] {
  return members.filter((member) => carriesBalance(member.id, funding));
}

export interface LikvidavrakningInput {
  year: number;
  /** The payment date: 31 December at bokslut, or a day after ansvarsfrihet in the next year. */
  settlementDate: string;
  positions: readonly MemberPosition[];
  settings: LikvidavrakningSettings;
  chart: Chart;
  /** Member names for the voucher texts; the id stands in for a name left out. */
  memberNames?: ReadonlyMap<string, string>;
}

export interface LikvidavrakningStatement {
  /** `${year}-likvid-${memberId}`. */
  key: string;
  memberId: string;
  year: number;
  settlementDate: string;
  openingBalance: string;
  movements: { date: string; text: string; amount: string }[];
  closingBalance: string;
  interestMethod: CharterSettings['likvidavrakning']['interestMethod'];
  annualInterestRatePercent: string;
  dayCount?: CharterSettings['likvidavrakning']['dayCount'];
  /** The balance the interest was reckoned on: average month-end balance, or balance-days / days in year. */
  averageBalance?: string;
  interest: string;
  /** closingBalance + interest: positive, the member pays; negative, it receives. */
  amount: string;
  amountToPay: string;
  amountToReceive: string;
}

export interface Likvidavrakning {
  year: number;
  settlementDate: string;
  statements: LikvidavrakningStatement[];
  vouchers: EconomyVoucher[];
}

export function likvidavrakning(input: LikvidavrakningInput): Likvidavrakning {
  checkYear(input.year);
  const yearEnd = dateOf(input.year, 12, 31);
  parseIsoDate(input.settlementDate, 'settlementDate');
  if (input.settlementDate < yearEnd)
    throw invalid('Likvidavräkningen kan inte göras före årets slut.', [
      { field: 'settlementDate', message: `Ange ett datum från ${yearEnd}: året ska vara slut.` },
    ]);
  const seen = new Set<string>();
  const statements: LikvidavrakningStatement[] = [];
  const vouchers: EconomyVoucher[] = [];
  for (const position of input.positions) {
    assert(position.year === input.year, 'a position belongs to the year being settled');
    assert(!seen.has(position.memberId), 'one position per member');
    seen.add(position.memberId);
    checkPosition(position);
    const settled = settleMember(input, position);
    statements.push(settled.statement);
    vouchers.push(...settled.vouchers);
  }
  return { year: input.year, settlementDate: input.settlementDate, statements, vouchers };
}

function settleMember(input: LikvidavrakningInput, position: MemberPosition) {
  const { memberId } = position;
  const key = `${input.year}-likvid-${memberId}`;
  const accounts = memberAccounts(input.chart, memberId);
  const name = input.memberNames?.get(memberId) ?? memberId;
  const closing = netBalanceAt(position, dateOf(input.year, 12, 31));
  const reckoning = reckonInterest(position, input.settings);
  const interest = reckoning.interest;
  const amount = closing.plus(interest);

  const vouchers: EconomyVoucher[] = [];
  // Interest the member owes joins its receivable (ränteintäkt); interest owed to it, its payable (räntekostnad).
  const interestVoucher = economyVoucher(
    `${key}-ranta`,
    input.settlementDate,
    `Likvidavräkning ${input.year}: ränta, ${name}`,
    interest.isNegative()
      ? [
          { account: konto.rantekostnader, amount: interest.neg(), memberId },
          { account: accounts.payable, amount: interest },
        ]
      : [
          { account: accounts.receivable, amount: interest },
          { account: konto.ranteintakter, amount: interest.neg(), memberId },
        ],
    memberId,
  );
  if (interestVoucher !== null) vouchers.push(interestVoucher);

  // Each member account is cleared of its year-end balance; only the net passes through the bank.
  const byAccount = closingByAccount(position);
  const interestAccount = interest.isNegative() ? accounts.payable : accounts.receivable;
  byAccount.set(interestAccount, (byAccount.get(interestAccount) ?? new Decimal(0)).plus(interest));
  const lines: DraftLine[] = [...byAccount].map(([account, balance]) => ({ account, amount: balance.neg() }));
  lines.push({ account: konto.bank, amount, memberId });
  assert(sumMoney(byAccount.values()).eq(amount), 'the accounts cleared add up to the amount settled');
  const settlementVoucher = economyVoucher(
    `${key}-likvid`,
    input.settlementDate,
    `Likvidavräkning ${input.year}: reglering av mellanhavande, ${name}`,
    lines,
    memberId,
  );
  if (settlementVoucher !== null) vouchers.push(settlementVoucher);

  const zero = new Decimal(0);
  const statement: LikvidavrakningStatement = {
    key,
    memberId,
    year: input.year,
    settlementDate: input.settlementDate,
    openingBalance: formatMoney(openingNet(position)),
    movements: position.movements.map((movement) => ({
      date: movement.date,
      text: movement.text,
      amount: formatMoney(movement.amount),
    })),
    closingBalance: formatMoney(closing),
    interestMethod: reckoning.method,
    annualInterestRatePercent: reckoning.annualInterestRatePercent,
    interest: formatMoney(interest),
    amount: formatMoney(amount),
    amountToPay: formatMoney(amount.gt(0) ? amount : zero),
    amountToReceive: formatMoney(amount.isNegative() ? amount.neg() : zero),
  };
  if (reckoning.dayCount !== undefined) statement.dayCount = reckoning.dayCount;
  if (reckoning.averageBalance !== undefined) statement.averageBalance = formatMoney(reckoning.averageBalance);
  if (reckoning.balanceDays !== undefined)
    statement.averageBalance = formatMoney(
      reckoning.balanceDays.div(reckoning.dayCount === '30/360' ? 360 : daysInYear(input.year)),
    );
  return { statement, vouchers };
}

const daysInYear = (year: number) => (new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1 ? 366 : 365);
