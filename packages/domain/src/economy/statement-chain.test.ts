import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charterSettingsSchema, type FundingFlow } from '../charter/schema.ts';
import type { Balances } from '../ledger/balances.ts';
import type { VoucherDraft } from '../ledger/voucher.ts';
import { Decimal, formatMoney } from '../money.ts';
import { type AvrakningStatement, avrakning, type CostLine } from './avrakning.ts';
import { chainStatements } from './statement-chain.ts';
import { chart, members } from './test-fixtures.ts';
import { memberPaymentVoucher } from './vouchers.ts';

/**
 * The statements chain however the costs arrive (issue 10 point 2). The test plays the shell:
 * month after month (and four months into the next year) it runs every month that is due, books
 * each voucher once by its key, re-runs months at random, lets costs arrive up to three months
 * late, pays cash statements when due and books corrections on members' accounts. The oracle is
 * the drafts themselves summed in BigInt öre; the product's chain must agree with it.
 */

const year = 2027;
const ore = (amount: string) => BigInt(amount.replace('.', ''));
const kronor = (value: bigint) => new Decimal(value.toString()).div(100);
const memberAccountNumbers = (memberId: string) =>
  chart
    .filter((account) => account.memberId === memberId && /^(15|25)\d\d$/.test(account.number))
    .map((account) => account.number);
const lastDay = (month: number) =>
  `${year}-${String(month).padStart(2, '0')}-${new Date(Date.UTC(year, month, 0)).getUTCDate()}`;

const scenario = fc.record({
  flows: fc.array(fc.constantFrom<FundingFlow>('claim-72', 'set-off', 'liquid-monthly', 'liquid-quarterly'), {
    minLength: members.length,
    maxLength: members.length,
  }),
  framesOre: fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: members.length, maxLength: members.length }),
  openingOre: fc.array(fc.bigInt({ min: -(10n ** 7n), max: 10n ** 7n }), {
    minLength: members.length,
    maxLength: members.length,
  }),
  costsOre: fc.array(
    fc.array(fc.bigInt({ min: 0n, max: 10n ** 8n }), { minLength: members.length, maxLength: members.length }),
    { minLength: 12, maxLength: 12 },
  ),
  /** How many months after its month the last member's costs come in (0 = on time, next month). */
  delays: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 12, maxLength: 12 }),
  /** Extra runs: [step, month], a month may be re-run twice or more. */
  reruns: fc.array(fc.tuple(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 12 })), { maxLength: 6 }),
  corrections: fc.array(
    fc.record({
      month: fc.integer({ min: 1, max: 12 }),
      member: fc.integer({ min: 0, max: members.length - 1 }),
      amountOre: fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }).filter((value) => value !== 0n),
    }),
    { maxLength: 4 },
  ),
  paid: fc.boolean(),
});

describe('the avräkning statements chain to the ledger', () => {
  it('for late costs, re-runs, payments and corrections, each month opens where the last closed', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const perMember = Object.fromEntries(members.map((member, index) => [member.id, input.flows[index]]));
        const funding = charterSettingsSchema.parse({ funding: { perMember } }).funding;
        const contributions = new Map(
          members.map((member, index) => [member.id, kronor(input.framesOre[index] ?? 0n)]),
        );
        const opening: Record<string, string> = {};
        let equity = 0n;
        members.forEach((member, index) => {
          const amount = input.openingOre[index] ?? 0n;
          const [receivable, payable] = memberAccountNumbers(member.id).sort();
          opening[(amount >= 0n ? receivable : payable) as string] = formatMoney(kronor(amount));
          equity -= amount;
        });
        opening['2050'] = formatMoney(kronor(equity));

        const booked = new Map<string, VoucherDraft>();
        const bookOnce = (key: string, draft: VoucherDraft) => {
          if (!booked.has(key)) booked.set(key, draft);
        };
        const latest = new Map<number, AvrakningStatement[]>();
        const complete = new Set<number>();
        const costMembers = members.filter((m) => ['claim-72', 'set-off'].includes(perMember[m.id] as string));
        const costsOf = (month: number): Map<string, CostLine[]> =>
          new Map(
            costMembers.map((member) => {
              const amount = input.costsOre[month - 1]?.[members.indexOf(member)] ?? 0n;
              return [member.id, amount === 0n ? [] : [{ account: '4100', amount: kronor(amount) }]];
            }),
          );
        const run = (month: number, step: number) => {
          const arrived = step >= month + 1 + (input.delays[month - 1] ?? 0);
          const result = avrakning({
            year,
            month,
            members,
            contributions,
            funding,
            chart,
            ...(arrived ? { actualCosts: costsOf(month) } : {}),
          });
          for (const voucher of result.vouchers) bookOnce(voucher.key, voucher.draft);
          latest.set(month, result.statements);
          if (result.statements.every((statement) => statement.complete)) complete.add(month);
          if (!input.paid) return;
          for (const statement of result.statements) {
            const amount = new Decimal(statement.amountToPay).minus(statement.amountToReceive);
            const due = statement.paymentDueDate;
            if (!statement.complete || amount.isZero() || due === undefined || !due.startsWith(`${year}-`)) continue;
            const payment = memberPaymentVoucher(chart, {
              key: `${statement.key}-betalning-${due}`,
              memberId: statement.memberId,
              date: due,
              amount,
              text: 'Betalning',
            });
            bookOnce(payment.key, payment.draft);
          }
        };
        for (let step = 1; step <= 16; step++) {
          for (let month = 1; month <= Math.min(step, 12); month++) if (!complete.has(month)) run(month, step);
          for (const [at, month] of input.reruns) if (at === step && month <= step) run(month, step);
          input.corrections.forEach((correction, index) => {
            if (correction.month !== step) return;
            const member = members[correction.member]?.id as string;
            const [receivable] = memberAccountNumbers(member).sort();
            bookOnce(`rättelse-${index}`, {
              series: 'A',
              year,
              date: `${year}-${String(correction.month).padStart(2, '0')}-15`,
              text: 'Rättelse av mellanhavande',
              lines: [
                { account: receivable as string, amount: formatMoney(kronor(correction.amountOre)) },
                { account: '1930', amount: formatMoney(kronor(-correction.amountOre)) },
              ],
            });
          });
        }

        const vouchers = [...booked.values()];
        const statements = [...latest.values()].flat();
        const chained = chainStatements({ year, chart, vouchers, opening: opening as Balances, statements });
        for (const member of members) {
          const accounts = new Set(memberAccountNumbers(member.id));
          let openingNet = 0n;
          for (const account of accounts) openingNet += ore(opening[account] ?? '0.00');
          const balanceAt = (date: string) => {
            let balance = openingNet;
            for (const draft of vouchers)
              if (draft.date <= date && draft.date.startsWith(`${year}-`))
                for (const line of draft.lines) if (accounts.has(line.account)) balance += ore(line.amount);
            return balance;
          };
          const own = chained.filter((s) => s.memberId === member.id).sort((a, b) => a.month - b.month);
          expect(own.map((s) => s.month)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
          expect(ore(own[0]?.balanceBefore as string)).toBe(openingNet);
          own.forEach((statement, index) => {
            if (index > 0) expect(statement.balanceBefore).toBe(own[index - 1]?.balanceAfter);
            expect(ore(statement.balanceAfter)).toBe(balanceAt(lastDay(statement.month)));
            const other = statement.otherMovements.reduce((sum, m) => sum + ore(m.amount), 0n);
            expect(ore(statement.balanceBefore) + ore(statement.net) + other).toBe(ore(statement.balanceAfter));
          });
          expect(ore(own[11]?.balanceAfter as string)).toBe(balanceAt(`${year}-12-31`));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('leaves the year’s own bokslut out of December’s closing balance', () => {
    const opening = {};
    const statements = avrakning({
      year,
      month: 12,
      members,
      contributions: new Map(members.map((member) => [member.id, new Decimal('1200.00')])),
      funding: charterSettingsSchema.parse({ funding: { default: 'claim-72' } }).funding,
      chart,
      actualCosts: new Map(),
    });
    const distribution: VoucherDraft = {
      series: 'AV',
      year,
      date: `${year}-12-31`,
      text: 'Fördelning av årets resultat',
      lines: [
        { account: '2510', amount: '-50.00' },
        { account: '2010', amount: '50.00' },
      ],
      basis: { kind: 'settlement', reference: `${year}-resultat` },
    };
    const chained = chainStatements({
      year,
      chart,
      vouchers: [...statements.vouchers.map((v) => v.draft), distribution],
      opening,
      statements: statements.statements,
    });
    // FK's December: 1 200 / 12 = 100 in advance, no costs; the distribution is the bokslut's.
    expect(chained[0]).toMatchObject({ balanceBefore: '0.00', balanceAfter: '100.00', otherMovements: [] });
  });
});
