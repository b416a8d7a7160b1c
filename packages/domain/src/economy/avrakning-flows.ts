import type { FundingFlow } from '../charter/schema.ts';
import { invalid } from '../errors.ts';
import { type Chart, isOperatingAccount } from '../ledger/account.ts';
import { accountIndex } from '../ledger/chart.ts';
import { type Decimal, isWholeOre, sumMoney } from '../money.ts';
import { dayOfMonthAfter, firstDayOfMonth, lastDayOfMonth, swedishMonthNames } from './dates.ts';
import { type Funding, frameSchedule, periodIsQuarter, quarterNumber } from './frame-schedule.ts';
import { type DraftLine, type EconomyVoucher, economyVoucher, memberAccounts } from './vouchers.ts';

/** One line of a member's cost invoice: the förbund's cost account it lands on, and the insats. */
export interface CostLine {
  account: string;
  amount: Decimal;
  insatsId?: string;
}

/** A member's monthly cost invoice fits in one voucher with room to spare (voucher_lines_max 500). */
export const avrakning_cost_lines_max = 200;

const isLiquid = (flow: FundingFlow) => flow.startsWith('liquid-');

/**
 * The suffixes of a statement's own vouchers (`${statementKey}-${suffix}`): the frame part of a
 * liquid member, the claim-72 advance and cost invoice, and the set-off. Payments and other
 * movements on the member's accounts carry other keys.
 */
export const avrakning_voucher_suffixes = ['bidrag', 'ram', 'kostnader', 'kvittning'] as const;

/**
 * Cost lines are the member's invoice for the förbund's activities, so they land on operating
 * cost accounts (class 4–7). A liquid member's activity costs are ordinary supplier invoices paid
 * by the förbund, not part of its avräkning, so costs given for it are refused, never ignored.
 */
export function checkCostLines(
  chart: Chart,
  member: { id: string; name: string },
  flow: FundingFlow,
  costs: readonly CostLine[],
): void {
  const field = `actualCosts.${member.id}`;
  if (isLiquid(flow) && costs.length > 0)
    throw invalid('Kostnader hör inte till avräkningen för en medlem som betalar likvid.', [
      { field, message: `${member.name} betalar sitt bidrag likvid; dess kostnader bokförs som leverantörsfakturor.` },
    ]);
  if (costs.length > avrakning_cost_lines_max)
    throw invalid('För många kostnadsrader.', [{ field, message: `Högst ${avrakning_cost_lines_max} rader.` }]);
  const accounts = accountIndex(chart);
  costs.forEach((line, index) => {
    const account = accounts.get(line.account);
    if (account === undefined || account.kind !== 'cost' || !isOperatingAccount(line.account))
      throw invalid('Kostnaden har inget kostnadskonto.', [
        { field: `${field}.${index}.account`, message: `Konto ${line.account} är inget kostnadskonto (klass 4–7).` },
      ]);
    if (!isWholeOre(line.amount) || line.amount.isZero())
      throw invalid('Kostnadens belopp är ogiltigt.', [
        { field: `${field}.${index}.amount`, message: 'Belopp: ange ett belopp i hela ören, skilt från noll.' },
      ]);
  });
}

export interface FlowInput {
  key: string;
  year: number;
  month: number;
  member: { id: string; name: string };
  flow: FundingFlow;
  funding: Funding;
  chart: Chart;
  contribution: Decimal;
  costs: readonly CostLine[];
  costsReported: boolean;
  settlement: 'cash' | 'carried';
}

export interface ReckonedLine {
  text: string;
  amount: Decimal;
  dueDate?: string;
}

export interface Reckoned {
  lines: ReckonedLine[];
  vouchers: EconomyVoucher[];
  paymentDueDate?: string;
  complete: boolean;
}

function periodText(input: FlowInput): string {
  if (input.flow === 'liquid-at-start') return `år ${input.year}`;
  if (periodIsQuarter(input.flow, input.funding)) return `kvartal ${quarterNumber(input.month)} ${input.year}`;
  return `${swedishMonthNames[input.month - 1]} ${input.year}`;
}

/**
 * The lines and vouchers of one member's month. Voucher dates: a frame part invoiced in advance is
 * dated the 1st of its month, when the claim arises (its due date is on the statement); costs and
 * set-offs reckoned in arrears are dated the last day of the month they belong to, so every cost
 * lands in its own period and December's costs in the year they were spent, although the invoice
 * arrives in January. Dating by the due date would push December into the next fiscal year.
 */
export function reckonFlow(input: FlowInput): Reckoned {
  const { year, month, funding, flow } = input;
  const accounts = memberAccounts(input.chart, input.member.id);
  const part = frameSchedule(input.contribution, flow, funding)[month - 1] as Decimal;
  const costTotal = sumMoney(input.costs.map((line) => line.amount));
  const period = periodText(input);
  const monthText = `${swedishMonthNames[month - 1]} ${year}`;
  const advanceDue = dayOfMonthAfter(year, month, 0, funding.advanceInvoiceDueDay);
  const arrearsDue = dayOfMonthAfter(year, month, 1, funding.costInvoiceDueDay);
  const cash = input.settlement === 'cash';
  const name = input.member.name;
  const costLines: DraftLine[] = input.costs.map((line) => ({
    account: line.account,
    amount: line.amount,
    memberId: input.member.id,
    ...(line.insatsId === undefined ? {} : { insatsId: line.insatsId }),
  }));
  const vouchers: EconomyVoucher[] = [];
  const push = (voucher: EconomyVoucher | null) => {
    if (voucher !== null) vouchers.push(voucher);
  };
  const frameVoucher = (suffix: string, text: string) =>
    push(
      economyVoucher(
        `${input.key}-${suffix}`,
        firstDayOfMonth(year, month),
        text,
        [
          { account: accounts.receivable, amount: part },
          { account: accounts.contribution, amount: part.neg() },
        ],
        input.member.id,
      ),
    );

  if (isLiquid(flow)) {
    frameVoucher('bidrag', `Avräkning ${period}: medlemsbidrag ${name}`);
    const lines = part.isZero()
      ? []
      : [{ text: `Medlemsbidrag ${period}`, amount: part, ...(cash ? { dueDate: advanceDue } : {}) }];
    return { lines, vouchers, paymentDueDate: advanceDue, complete: true };
  }

  if (flow === 'claim-72') {
    // 72-verifikationsmodellen: the frame part is credited in advance, costs invoiced in arrears;
    // no cash moves and both stay on the member's accounts (000 L234–235, L311–313, L386).
    frameVoucher('ram', `Avräkning ${period}: finansiell ram i förskott, ${name}`);
    const lines: ReckonedLine[] = [];
    if (!part.isZero()) lines.push({ text: `Finansiell ram ${period}, i förskott`, amount: part, dueDate: advanceDue });
    if (input.costsReported) {
      push(
        economyVoucher(
          `${input.key}-kostnader`,
          lastDayOfMonth(year, month),
          `Avräkning ${monthText}: kostnader i efterskott, ${name}`,
          [...costLines, { account: accounts.payable, amount: costTotal.neg() }],
          input.member.id,
        ),
      );
      if (!costTotal.isZero())
        lines.push({ text: `Kostnader ${monthText}, i efterskott`, amount: costTotal.neg(), dueDate: arrearsDue });
    }
    return { lines, vouchers, complete: input.costsReported };
  }

  // set-off (kvittning): the frame part is reckoned in arrears against the costs and only the
  // net reaches the member's account (000 L426). Income and costs are still booked gross so the
  // resultaträkning shows both.
  if (!input.costsReported) return { lines: [], vouchers, complete: false };
  const net = part.minus(costTotal);
  push(
    economyVoucher(
      `${input.key}-kvittning`,
      lastDayOfMonth(year, month),
      `Avräkning ${monthText}: kvittning av ram mot kostnader, ${name}`,
      [
        { account: accounts.contribution, amount: part.neg() },
        ...costLines,
        { account: net.isNegative() ? accounts.payable : accounts.receivable, amount: net },
      ],
      input.member.id,
    ),
  );
  const due = cash ? { dueDate: arrearsDue } : {};
  const lines: ReckonedLine[] = [];
  if (!part.isZero()) lines.push({ text: `Finansiell ram ${period}`, amount: part, ...due });
  if (!costTotal.isZero()) lines.push({ text: `Kostnader ${monthText}`, amount: costTotal.neg(), ...due });
  return { lines, vouchers, paymentDueDate: arrearsDue, complete: true };
}
