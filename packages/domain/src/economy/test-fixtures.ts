/**
 * Shared data for the economy tests (not exported from the package): a small förbund and a
 * runner that plays one year of its economy the way the shell would, month by month, on plain
 * voucher drafts, then checks that every voucher is bookable and ties to the statements.
 */
import { expect } from 'vitest';
import { computeContributions } from '../charter/contributions.ts';
import { type CharterSettings, type Member, memberSchema } from '../charter/schema.ts';
import type { Chart } from '../ledger/account.ts';
import { accountBalances, type Balances, resultOf } from '../ledger/balances.ts';
import { checkVoucher } from '../ledger/booking.ts';
import { buildChart } from '../ledger/chart.ts';
import { openYear } from '../ledger/periods.ts';
import { assertBalanced, parseVoucherDraft, type VoucherDraft } from '../ledger/voucher.ts';
import { Decimal, formatMoney, parseMoney, sumMoney } from '../money.ts';
import { type Avrakning, avrakning, type CostLine } from './avrakning.ts';
import { dateOf, yearOf } from './dates.ts';
import { flowOf } from './frame-schedule.ts';
import {
  type Likvidavrakning,
  likvidavrakning,
  likvidavrakningMembers,
  likvidInterest,
  settlementTiming,
} from './likvidavrakning.ts';
import { memberPosition } from './member-position.ts';
import { type PresetName, presetSettings } from './presets.ts';
import { distributeResult, type ResultDistribution } from './result-distribution.ts';
import { chainStatements } from './statement-chain.ts';
import { type EconomyVoucher, memberBalanceAccounts, memberEffect, memberPaymentVoucher } from './vouchers.ts';

const member = (input: unknown) => memberSchema.parse(input);
/** FK, AF, a region and two kommuner: A with 30 000 inhabitants, B with 10 000 (DOMAIN.md §3). */
export const members: Member[] = [
  member({ id: 'fk', type: 'fk', name: 'Försäkringskassan', organisationsnummer: '202100-5521' }),
  member({ id: 'af', type: 'af', name: 'Arbetsförmedlingen', organisationsnummer: '202100-2114' }),
  member({ id: 'region', type: 'region', name: 'Region Östergötland', organisationsnummer: '232100-0016' }),
  member({
    id: 'a',
    type: 'kommun',
    name: 'Åby kommun',
    organisationsnummer: '212000-0019',
    population: { count: 30_000, referenceDate: '2026-12-31' },
  }),
  member({
    id: 'b',
    type: 'kommun',
    name: 'Bälinge kommun',
    organisationsnummer: '212000-0027',
    population: { count: 10_000, referenceDate: '2026-12-31' },
  }),
];
export const memberNames = new Map(members.map((m) => [m.id, m.name]));

/** Accounts in member order: fk 3010/1510/2510, af 3011/1511/2511, region …12, a …13, b …14; insats 4100. */
export const chart: Chart = buildChart(members, [{ id: 'steget', name: 'Steget vidare' }]);
export const insatsAccount = '4100';

export const kr = (amount: string | number) => new Decimal(amount);

/** The test förbund splits the kommun quarter by population (A 3/4, B 1/4). */
export const withPopulationKey = (settings: CharterSettings): CharterSettings => ({
  ...settings,
  contributionKey: { ...settings.contributionKey, kommunKey: { method: 'population' } },
});

export interface YearScript {
  preset: PresetName;
  year: number;
  frame: Decimal;
  /** Overrides on the preset (the test förbund's kommun key, for one). */
  adjust?: (settings: CharterSettings) => CharterSettings;
  /** A claim-72 or set-off member's actual costs for the förbund's activities in a month. */
  memberCosts: (memberId: string, month: number) => Decimal;
  /** What the förbund pays itself from the bank each month: kansli, supplier invoices. */
  ownCosts: (month: number) => { account: string; amount: Decimal }[];
  egetKapitalBefore: Decimal;
  /** The likvidavräkning date of members settled after ansvarsfrihet. */
  dischargeDate: string;
}

export interface YearRun {
  settings: CharterSettings;
  contributions: Map<string, Decimal>;
  opening: Balances;
  months: Avrakning[];
  payments: EconomyVoucher[];
  /** Every draft of the year itself, in booking order (likvidavräkning of the next year aside). */
  drafts: VoucherDraft[];
  result: Decimal;
  ownResults: Map<string, Decimal>;
  distribution: ResultDistribution;
  likvid: Likvidavrakning[];
}

const costsOf = (script: YearScript, memberId: string, month: number): CostLine[] => {
  const amount = script.memberCosts(memberId, month);
  return amount.isZero() ? [] : [{ account: insatsAccount, amount, insatsId: 'steget' }];
};

export function runYear(script: YearScript): YearRun {
  const base = presetSettings(script.preset, members);
  const settings = script.adjust ? script.adjust(base) : base;
  const { year, frame } = script;
  const contributions = computeContributions(frame, members, settings.contributionKey);
  const opening: Balances = {
    '1930': formatMoney(script.egetKapitalBefore),
    '2050': formatMoney(script.egetKapitalBefore.neg()),
  };
  const reckoned = members.filter((m) => ['claim-72', 'set-off'].includes(flowOf(m.id, settings.funding)));
  const drafts: VoucherDraft[] = [];
  const months: Avrakning[] = [];
  const payments: EconomyVoucher[] = [];
  const yearCosts = new Map(members.map((m) => [m.id, new Decimal(0)]));

  for (let month = 1; month <= 12; month++) {
    const actualCosts = new Map(reckoned.map((m) => [m.id, costsOf(script, m.id, month)]));
    for (const [id, lines] of actualCosts)
      yearCosts.set(id, (yearCosts.get(id) as Decimal).plus(sumMoney(lines.map((line) => line.amount))));
    const result = avrakning({
      year,
      month,
      members,
      contributions,
      funding: settings.funding,
      chart,
      actualCosts,
    });
    months.push(result);
    drafts.push(...result.vouchers.map((voucher) => voucher.draft));
    for (const own of script.ownCosts(month))
      drafts.push({
        series: 'A',
        year,
        date: dateOf(year, month, 15),
        text: 'Kansli och leverantörsfakturor',
        lines: [
          { account: own.account, amount: formatMoney(own.amount) },
          { account: '1930', amount: formatMoney(own.amount.neg()) },
        ],
      });
    // Cash statements are paid on their due date; December's set-off falls due next year.
    for (const statement of result.statements) {
      const amount = parseMoney(statement.amountToPay).minus(parseMoney(statement.amountToReceive));
      const due = statement.paymentDueDate;
      if (amount.isZero() || due === undefined || yearOf(due) !== year) continue;
      const payment = memberPaymentVoucher(chart, {
        key: `${statement.key}-betalning`,
        memberId: statement.memberId,
        date: due,
        amount,
        text: `Betalning avräkning ${statement.key}`,
      });
      payments.push(payment);
      drafts.push(payment.draft);
    }
  }

  // Interest first (likvidavrakning.ts): the year's interest is booked before the result is taken.
  const carrying = likvidavrakningMembers(members, settings.funding);
  const interest = likvidInterest({
    year,
    positions: carrying.map((m) => memberPosition(chart, drafts, m.id, year, opening)),
    settings: settings.likvidavrakning,
    chart,
    memberNames,
  });
  drafts.push(...interest.vouchers.map((voucher) => voucher.draft));

  const result = resultOf(accountBalances(chart, drafts, opening));
  const ownResults = new Map(
    members.map((m) => [m.id, (contributions.get(m.id) as Decimal).minus(yearCosts.get(m.id) as Decimal)]),
  );
  const distribution = distributeResult({
    year,
    result,
    members,
    finalFrame: contributions,
    settings: settings.resultDistribution,
    funding: settings.funding,
    chart,
    ownResults,
    egetKapitalBefore: script.egetKapitalBefore,
    revenue: frame,
    equityWarningPercent: settings.equityWarningPercent,
  });
  if (distribution.voucher) drafts.push(distribution.voucher.draft);

  const likvid = (['at-bokslut', 'after-discharge'] as const)
    .map((timing) => ({ timing, group: carrying.filter((m) => settlementTiming(m.id, settings) === timing) }))
    .filter(({ group }) => group.length > 0)
    .map(({ timing, group }) =>
      likvidavrakning({
        year,
        settlementDate: timing === 'at-bokslut' ? dateOf(year, 12, 31) : script.dischargeDate,
        positions: group.map((m) => memberPosition(chart, drafts, m.id, year, opening)),
        settings: settings.likvidavrakning,
        chart,
        memberNames,
      }),
    );
  return { settings, contributions, opening, months, payments, drafts, result, ownResults, distribution, likvid };
}

/**
 * What must hold for any year: every voucher is bookable (balanced, known accounts, inside its
 * fiscal year), every statement's vouchers move the member's accounts by exactly its net, the
 * trial balance sums to zero, and after the likvidavräkning the carried balances are zero.
 */
export function verifyYear(run: YearRun): void {
  const likvidDrafts = run.likvid.flatMap((settlement) => settlement.vouchers.map((voucher) => voucher.draft));
  for (const draft of [...run.drafts, ...likvidDrafts]) {
    assertBalanced(draft);
    expect(parseVoucherDraft(draft)).toEqual(draft);
    expect(checkVoucher(draft, chart, openYear(draft.year))).toEqual([]);
  }
  for (const month of run.months)
    for (const statement of month.statements) {
      const own = month.vouchers.filter((voucher) => voucher.key.startsWith(`${statement.key}-`));
      const effect = memberEffect(
        chart,
        own.map((voucher) => voucher.draft),
        statement.memberId,
      );
      expect(formatMoney(effect)).toBe(statement.net);
    }
  expectStatementsChain(run);
  // The whole result is distributed (issue 10 point 3): what the members got and what stayed
  // make up the year's result, interest included, in whole öre.
  const ore = (amount: string) => BigInt(amount.replace('.', ''));
  const sharesOre = run.distribution.shares.reduce((sum, share) => sum + ore(share.share), 0n);
  expect(sharesOre + ore(run.distribution.retained)).toBe(
    ore(formatMoney(resultOf(accountBalances(chart, run.drafts, run.opening)))),
  );
  // The likvidavräkning leaves one receivable or payable per member, of exactly the amount…
  const statements = run.likvid.flatMap((settlement) => settlement.statements);
  const settled = accountBalances(chart, [...run.drafts, ...likvidDrafts], run.opening);
  for (const statement of statements) {
    const net = memberBalanceAccounts(chart, statement.memberId).reduce(
      (sum, account) => sum.plus(settled.get(account) ?? 0),
      new Decimal(0),
    );
    expect(formatMoney(net), statement.memberId).toBe(statement.amount);
    expect(ore(statement.closingBalance) + ore(statement.interest)).toBe(ore(statement.amount));
  }
  // …which the payment on the due date clears, like any payment.
  const paid = statements
    .filter((statement) => statement.amount !== '0.00')
    .map(
      (statement) =>
        memberPaymentVoucher(chart, {
          key: `${statement.key}-betalning`,
          memberId: statement.memberId,
          date: statement.dueDate,
          amount: parseMoney(statement.amount),
          text: 'Betalning likvidavräkning',
        }).draft,
    );
  const cleared = accountBalances(chart, [...run.drafts, ...likvidDrafts, ...paid], run.opening);
  for (const statement of statements)
    for (const account of memberBalanceAccounts(chart, statement.memberId))
      expect(formatMoney(cleared.get(account) ?? new Decimal(0)), `${statement.memberId} ${account}`).toBe('0.00');
}

/**
 * The statements chain (issue 10 point 2), checked against the drafts themselves: January opens
 * at the ingående balans, each month opens where the one before closed, and December closes at
 * the member's balance before the bokslut, summed here line by line in whole öre.
 */
export function expectStatementsChain(run: YearRun): void {
  const year = run.months[0]?.year as number;
  const chained = chainStatements({
    year,
    chart,
    vouchers: run.drafts,
    opening: run.opening,
    statements: run.months.flatMap((month) => month.statements),
  });
  for (const member of members) {
    const own = chained.filter((statement) => statement.memberId === member.id).sort((a, b) => a.month - b.month);
    const accounts = new Set(memberBalanceAccounts(chart, member.id));
    const ore = (amount: string) => BigInt(amount.replace('.', ''));
    let opening = 0n;
    for (const account of accounts) opening += ore(run.opening[account] ?? '0.00');
    let beforeBokslut = opening;
    for (const draft of run.drafts)
      if (
        draft.series !== 'B' &&
        draft.basis?.reference !== `${year}-resultat` &&
        !(draft.basis?.reference ?? '').startsWith(`${year}-likvid-`)
      )
        for (const line of draft.lines) if (accounts.has(line.account)) beforeBokslut += ore(line.amount);
    expect(ore(own[0]?.balanceBefore as string), member.id).toBe(opening);
    for (let index = 1; index < own.length; index++)
      expect(own[index]?.balanceBefore, `${member.id} ${index + 1}`).toBe(own[index - 1]?.balanceAfter);
    expect(ore(own.at(-1)?.balanceAfter as string), member.id).toBe(beforeBokslut);
  }
}

/** The amounts of one month's statements by member, for compact expectations. */
export function nets(run: YearRun, month: number): Record<string, string> {
  const statements = run.months[month - 1]?.statements ?? [];
  return Object.fromEntries(statements.map((statement) => [statement.memberId, statement.net]));
}

export function likvidAmounts(
  run: YearRun,
): Record<string, { interest: string; amount: string; date: string; due: string }> {
  return Object.fromEntries(
    run.likvid.flatMap((settlement) =>
      settlement.statements.map((s) => [
        s.memberId,
        { interest: s.interest, amount: s.amount, date: s.settlementDate, due: s.dueDate },
      ]),
    ),
  );
}

export function shares(run: YearRun): Record<string, string> {
  return Object.fromEntries(run.distribution.shares.map((share) => [share.memberId, share.share]));
}
