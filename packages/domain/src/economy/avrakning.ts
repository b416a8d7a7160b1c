import type { FundingFlow, Member } from '../charter/schema.ts';
import { assert, invalid } from '../errors.ts';
import type { Chart } from '../ledger/account.ts';
import { Decimal, formatMoney } from '../money.ts';
import { type CostLine, checkCostLines, reckonFlow } from './avrakning-flows.ts';
import { checkMonth, checkYear } from './dates.ts';
import { carriesBalance, type Funding, flowOf } from './frame-schedule.ts';
import { type EconomyVoucher, memberEffect } from './vouchers.ts';

/**
 * The monthly avräkning between the förbund and each member (DOMAIN.md §3, 000 L234, L277,
 * L311–313, L350, L386, L426). The avräkning of month M reckons period M: the member's frame part
 * for M and, for claim-72 and set-off, its actual costs of M, which it reports in arrears (by
 * costInvoiceDueDay of M+1). So the twelve avräkningar of a year hold exactly that year's frame
 * and costs, December's costs included, and the bokslut needs no thirteenth run.
 *
 * Sign convention everywhere in the economy: an amount is seen from the förbund's books, positive
 * when the member owes the förbund (its 15xx receivable grows), negative when the förbund owes
 * the member (its 25xx payable grows). This is the `net` of ledger/follow-up.ts memberLedgers.
 *
 * A statement's opening and closing balances are not part of it: they are the ledger's, read
 * when the statement is shown (statement-chain.ts), so a month re-run later keeps the chain.
 */

export type { CostLine } from './avrakning-flows.ts';

/** Each member's cost lines for the month; a member with no costs may be left out. */
export type MemberCosts = ReadonlyMap<string, readonly CostLine[]>;
export type AvrakningMember = Pick<Member, 'id' | 'name'>;

export interface AvrakningInput {
  year: number;
  /** 1–12. */
  month: number;
  members: readonly AvrakningMember[];
  /** Each member's medlemsbidrag for the year, from computeContributions. */
  contributions: ReadonlyMap<string, Decimal>;
  funding: Funding;
  chart: Chart;
  /**
   * The members' actual costs for the förbund's activities in `month` (claim-72 and set-off).
   * Leave it out to produce only what is due before the costs are in: the claim-72 advance
   * invoices by advanceInvoiceDueDay. A later run with the costs gives the same voucher keys.
   */
  actualCosts?: MemberCosts;
}

export interface StatementLine {
  text: string;
  /** Positive: the member owes the förbund; negative: the förbund owes the member. */
  amount: string;
  /** When the invoice behind the line is due, where one is sent. */
  dueDate?: string;
}

/** cash: the net is paid as it falls due. carried: it stays on the member's account until the likvidavräkning. */
export type SettlementKind = 'cash' | 'carried';

export interface AvrakningStatement {
  /** `${year}-${MM}-${memberId}`: one statement per member and month. */
  key: string;
  memberId: string;
  flow: FundingFlow;
  year: number;
  month: number;
  lines: StatementLine[];
  /** The sum of the lines: what this avräkning adds to the member's balance. */
  net: string;
  settlement: SettlementKind;
  amountToPay: string;
  amountToReceive: string;
  /** The part of net carried on the member's account (signed); net = toPay − toReceive + carried. */
  carried: string;
  paymentDueDate?: string;
  /** False while a claim-72 or set-off member's costs for the month are not yet in. */
  complete: boolean;
}

export interface Avrakning {
  year: number;
  month: number;
  statements: AvrakningStatement[];
  vouchers: EconomyVoucher[];
}

export const statementKey = (year: number, month: number, memberId: string) =>
  `${year}-${String(month).padStart(2, '0')}-${memberId}`;

export function avrakning(input: AvrakningInput): Avrakning {
  checkYear(input.year);
  checkMonth(input.month);
  const known = new Set(input.members.map((member) => member.id));
  for (const memberId of input.actualCosts?.keys() ?? [])
    if (!known.has(memberId))
      throw invalid('Kostnader för okänd medlem.', [
        { field: `actualCosts.${memberId}`, message: `Okänd medlem ${memberId}.` },
      ]);

  const statements: AvrakningStatement[] = [];
  const vouchers: EconomyVoucher[] = [];
  for (const member of input.members) {
    const { statement, memberVouchers } = reckonMember(input, member);
    statements.push(statement);
    vouchers.push(...memberVouchers);
  }
  return { year: input.year, month: input.month, statements, vouchers };
}

function reckonMember(input: AvrakningInput, member: AvrakningMember) {
  const { year, month, funding, chart } = input;
  const contribution = input.contributions.get(member.id);
  if (contribution === undefined)
    throw invalid('Medlemsbidrag saknas.', [
      { field: `contributions.${member.id}`, message: `Medlemsbidrag saknas för ${member.name}.` },
    ]);
  const flow = flowOf(member.id, funding);
  const costs = input.actualCosts?.get(member.id) ?? [];
  checkCostLines(chart, member, flow, costs);
  const settlement: SettlementKind = carriesBalance(member.id, funding) ? 'carried' : 'cash';
  const key = statementKey(year, month, member.id);
  const reckoned = reckonFlow({
    key,
    year,
    month,
    member,
    flow,
    funding,
    chart,
    contribution,
    costs,
    costsReported: input.actualCosts !== undefined,
    settlement,
  });

  const net = reckoned.lines.reduce((sum, line) => sum.plus(line.amount), new Decimal(0));
  const cash = settlement === 'cash';
  const zero = new Decimal(0);
  const statement: AvrakningStatement = {
    key,
    memberId: member.id,
    flow,
    year,
    month,
    lines: reckoned.lines.map((line) => ({
      text: line.text,
      amount: formatMoney(line.amount),
      ...(line.dueDate === undefined ? {} : { dueDate: line.dueDate }),
    })),
    net: formatMoney(net),
    settlement,
    amountToPay: formatMoney(cash && net.isPositive() ? net : zero),
    amountToReceive: formatMoney(cash && net.isNegative() ? net.neg() : zero),
    carried: formatMoney(cash ? zero : net),
    complete: reckoned.complete,
  };
  if (cash && !net.isZero() && reckoned.paymentDueDate !== undefined)
    statement.paymentDueDate = reckoned.paymentDueDate;
  // The statement and the ledger tell the same story: the vouchers move the member's accounts by net.
  assert(
    memberEffect(
      chart,
      reckoned.vouchers.map((voucher) => voucher.draft),
      member.id,
    ).eq(net),
    `avräkning ${key} ties to the member's accounts`,
  );
  return { statement, memberVouchers: reckoned.vouchers };
}
