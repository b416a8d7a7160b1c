import type { CharterSettings } from '../charter/schema.ts';
import { assert, invalid } from '../errors.ts';
import { type Chart, konto } from '../ledger/account.ts';
import { Decimal, formatMoney, sumMoney } from '../money.ts';
import { onOrNextBankDay } from './bank-days.ts';
import { addDays, checkYear, dateOf, parseIsoDate } from './dates.ts';
import { carriesBalance, type Funding, settlesAtYearEndOnly } from './frame-schedule.ts';
import { type InterestReckoning, type LikvidavrakningSettings, reckonInterest } from './interest.ts';
import { checkPosition, closingByAccount, type MemberPosition, netBalanceAt, openingNet } from './member-position.ts';
import { type DraftLine, type EconomyVoucher, economyVoucher, memberAccounts } from './vouchers.ts';

/**
 * The likvidavräkning (DOMAIN.md §3; 000 L352, L395): once a year each member's accumulated
 * balance with the förbund is settled in cash, with interest. The balance settled is the one at
 * year end, as the approved årsredovisning shows it; movements of the following year belong to
 * the next likvidavräkning. Signs as everywhere in the economy: positive, the member owes the
 * förbund and pays; negative, the förbund owes the member and pays it.
 *
 * Two steps, in this order:
 * 1. At bokslut, *interest first* (issue 10 point 3): the interest of year Y on each member's
 *    balance is reckoned on the year's running balances, before the result is distributed, and
 *    booked on 31 December Y (`likvidInterest`). The result the bokslut distributes is then the
 *    final one, interest included, so distributed + retained = årets resultat to the öre whatever
 *    the likvidavräkning's timing. The share a member gets at bokslut bears no interest: it did
 *    not exist during the year (and counting it would make interest and result depend on each other).
 * 2. The settlement (`likvidavrakning`), at bokslut or after ansvarsfrihet per the charter: the
 *    member's 15xx and 25xx for the year are netted into one receivable (the member pays) or one
 *    payable (the förbund pays) that falls due after the charter's payment term on a bank day,
 *    and is cleared by the payment when it is registered, like any other payment; no bank entry
 *    is made on the settlement date.
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

/** The key of a member's likvidavräkning for a year; its vouchers and document derive from it. */
export const likvidKey = (year: number, memberId: string) => `${year}-likvid-${memberId}`;
const interestKey = (year: number, memberId: string) => `${likvidKey(year, memberId)}-ranta`;
/** The bokslut's result distribution voucher (result-distribution.ts names it so). */
const distributionKey = (year: number) => `${year}-resultat`;

/**
 * The balance the interest is reckoned on: the year's running movements, without the bokslut's
 * own entries on the member's accounts (the result share and the interest itself). Reading it
 * this way gives the same interest before and after the bokslut, so a re-run never disagrees.
 */
export function interestBase(position: MemberPosition): MemberPosition {
  const excluded = new Set([distributionKey(position.year), interestKey(position.year, position.memberId)]);
  return {
    ...position,
    movements: position.movements.filter((movement) => !excluded.has(movement.reference ?? '')),
  };
}

/**
 * The due date of a likvidavräkning issued on `settlementDate`: the charter's payment term in
 * days, moved to the next Swedish bank day when it falls on a weekend or holiday.
 */
export function likvidDueDate(settlementDate: string, settings: Pick<LikvidavrakningSettings, 'paymentTermDays'>) {
  parseIsoDate(settlementDate, 'settlementDate');
  return onOrNextBankDay(addDays(settlementDate, settings.paymentTermDays));
}

export interface LikvidInterestInput {
  year: number;
  /** The members' positions for the year, read from the ledger (bokslut entries are left out). */
  positions: readonly MemberPosition[];
  settings: LikvidavrakningSettings;
  chart: Chart;
  memberNames?: ReadonlyMap<string, string>;
}

/**
 * Interest first (issue 10 point 3): the interest of the year for every member the
 * likvidavräkning is for, booked on 31 December so that it is part of the result the bokslut
 * distributes. Interest the member owes joins its receivable (ränteintäkt); interest owed to it,
 * its payable (räntekostnad).
 */
export function likvidInterest(input: LikvidInterestInput): {
  reckonings: Map<string, InterestReckoning>;
  vouchers: EconomyVoucher[];
} {
  checkYear(input.year);
  const reckonings = new Map<string, InterestReckoning>();
  const vouchers: EconomyVoucher[] = [];
  for (const position of input.positions) {
    assert(position.year === input.year, 'a position belongs to the year being settled');
    assert(!reckonings.has(position.memberId), 'one position per member');
    checkPosition(position);
    const { memberId } = position;
    const reckoning = reckonInterest(interestBase(position), input.settings);
    reckonings.set(memberId, reckoning);
    const accounts = memberAccounts(input.chart, memberId);
    const name = input.memberNames?.get(memberId) ?? memberId;
    const interest = reckoning.interest;
    const voucher = economyVoucher(
      interestKey(input.year, memberId),
      dateOf(input.year, 12, 31),
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
    if (voucher !== null) vouchers.push(voucher);
  }
  return { reckonings, vouchers };
}

export interface LikvidavrakningInput {
  year: number;
  /** The day it is issued: 31 December at bokslut, or the day it runs after ansvarsfrihet. */
  settlementDate: string;
  /**
   * The members' positions for the year as the ledger holds them after the bokslut: the result
   * share and the year's interest (booked first, by `likvidInterest`) included.
   */
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
  /** The day the amount is to be paid (by the member, or by the förbund when negative). */
  dueDate: string;
  openingBalance: string;
  /** The year's movements on the member's accounts, the result share included, the interest not. */
  movements: { date: string; text: string; amount: string }[];
  /** The balance at year end before interest: openingBalance + movements. */
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
  dueDate: string;
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
  const dueDate = likvidDueDate(input.settlementDate, input.settings);
  const seen = new Set<string>();
  const statements: LikvidavrakningStatement[] = [];
  const vouchers: EconomyVoucher[] = [];
  for (const position of input.positions) {
    assert(position.year === input.year, 'a position belongs to the year being settled');
    assert(!seen.has(position.memberId), 'one position per member');
    seen.add(position.memberId);
    checkPosition(position);
    const settled = settleMember(input, position, dueDate);
    statements.push(settled.statement);
    if (settled.voucher !== null) vouchers.push(settled.voucher);
  }
  return { year: input.year, settlementDate: input.settlementDate, dueDate, statements, vouchers };
}

function settleMember(input: LikvidavrakningInput, position: MemberPosition, dueDate: string) {
  const { memberId } = position;
  const key = likvidKey(input.year, memberId);
  const accounts = memberAccounts(input.chart, memberId);
  const name = input.memberNames?.get(memberId) ?? memberId;
  const reckoning = reckonInterest(interestBase(position), input.settings);
  const interestMovements = position.movements.filter((m) => m.reference === interestKey(input.year, memberId));
  const booked = sumMoney(interestMovements.map((movement) => movement.amount));
  // Interest first: the bokslut booked the year's interest before distributing the result; the
  // settlement only shows it. A difference means the ledger and the charter disagree.
  if (!booked.eq(reckoning.interest))
    throw invalid('Årets ränta är inte bokförd som likvidavräkningen räknar den.', [
      {
        field: `positions.${memberId}`,
        message: `Bokförd ränta ${formatMoney(booked)} kr, beräknad ${formatMoney(reckoning.interest)} kr: räntan bokförs vid bokslutet.`,
      },
    ]);
  const interest = reckoning.interest;
  const amount = netBalanceAt(position, dateOf(input.year, 12, 31));
  const closing = amount.minus(interest);

  // The year's balance on the member's 15xx and 25xx becomes one receivable (the member pays)
  // or one payable (the förbund pays), due on dueDate; the payment clears it.
  const target = amount.isNegative() ? accounts.payable : accounts.receivable;
  const byAccount = closingByAccount(position);
  const netted = new Map<string, Decimal>([...byAccount].map(([account, balance]) => [account, balance.neg()]));
  netted.set(target, (netted.get(target) ?? new Decimal(0)).plus(amount));
  assert(sumMoney(byAccount.values()).eq(amount), 'the accounts netted add up to the amount settled');
  const lines: DraftLine[] = [...netted].map(([account, value]) => ({ account, amount: value }));
  const voucher = economyVoucher(
    `${key}-likvid`,
    input.settlementDate,
    amount.isNegative()
      ? `Likvidavräkning ${input.year}: skuld till ${name}, ${formatMoney(amount.neg())} kr förfaller ${dueDate}`
      : `Likvidavräkning ${input.year}: fordran på ${name}, ${formatMoney(amount)} kr förfaller ${dueDate}`,
    lines,
    memberId,
  );

  const zero = new Decimal(0);
  const statement: LikvidavrakningStatement = {
    key,
    memberId,
    year: input.year,
    settlementDate: input.settlementDate,
    dueDate,
    openingBalance: formatMoney(openingNet(position)),
    movements: position.movements
      .filter((movement) => !interestMovements.includes(movement))
      .map((movement) => ({ date: movement.date, text: movement.text, amount: formatMoney(movement.amount) })),
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
  return { statement, voucher };
}

const daysInYear = (year: number) => (new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1 ? 366 : 365);
