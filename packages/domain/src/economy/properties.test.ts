import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charterSettingsSchema, fundingFlows } from '../charter/schema.ts';
import { accountBalances } from '../ledger/balances.ts';
import type { VoucherDraft } from '../ledger/voucher.ts';
import { Decimal, formatMoney, sumMoney } from '../money.ts';
import { avrakning } from './avrakning.ts';
import { dateOf, daysInMonth } from './dates.ts';
import { frameSchedule } from './frame-schedule.ts';
import { likvidavrakning, likvidInterest } from './likvidavrakning.ts';
import type { MemberPosition } from './member-position.ts';
import { distributeResult } from './result-distribution.ts';
import { chart, members } from './test-fixtures.ts';
import { memberEffect, memberPaymentVoucher } from './vouchers.ts';

const ore = (min: bigint, max: bigint) =>
  fc.bigInt({ min, max }).map((value) => new Decimal(value.toString()).div(100));
const fundingArbitrary = fc.record({
  default: fc.constantFrom(...fundingFlows),
  remainderMonth: fc.integer({ min: 1, max: 12 }),
  framePeriodisation: fc.constantFrom('monthly', 'quarterly'),
});
const memberIds = members.map((m) => m.id);

describe('properties of the economy', () => {
  it('every schedule sums to the year in whole öre, for every flow and setting', () => {
    fc.assert(
      fc.property(ore(0n, 10n ** 14n), fundingArbitrary, (yearly, settings) => {
        const funding = charterSettingsSchema.parse({ funding: settings }).funding;
        const schedule = frameSchedule(yearly, funding.default, funding);
        expect(schedule).toHaveLength(12);
        expect(sumMoney(schedule).eq(yearly)).toBe(true);
        for (const part of schedule) expect(part.mul(100).isInteger() && !part.isNegative()).toBe(true);
      }),
    );
  });

  it('the twelve avräkningar add up to frame minus costs for every member, and tie to the vouchers', () => {
    const costs = fc.array(fc.array(ore(-100_000n, 10_000_000n), { minLength: 5, maxLength: 5 }), {
      minLength: 12,
      maxLength: 12,
    });
    fc.assert(
      fc.property(
        fundingArbitrary,
        fc.array(ore(0n, 10n ** 10n), { minLength: 5, maxLength: 5 }),
        costs,
        (settings, frames, monthly) => {
          const funding = charterSettingsSchema.parse({ funding: settings }).funding;
          const liquid = funding.default.startsWith('liquid-');
          const contributions = new Map(memberIds.map((id, index) => [id, frames[index] as Decimal]));
          const totals = new Map(memberIds.map((id) => [id, new Decimal(0)]));
          const drafts: VoucherDraft[] = [];
          for (let month = 1; month <= 12; month++) {
            const actualCosts = new Map(
              memberIds.map((id, index) => {
                const amount = monthly[month - 1]?.[index] as Decimal;
                return [id, liquid || amount.isZero() ? [] : [{ account: '4100', amount }]];
              }),
            );
            const result = avrakning({ year: 2027, month, members, contributions, funding, chart, actualCosts });
            for (const statement of result.statements)
              totals.set(statement.memberId, (totals.get(statement.memberId) as Decimal).plus(statement.net));
            drafts.push(...result.vouchers.map((voucher) => voucher.draft));
          }
          memberIds.forEach((id, index) => {
            const spent = liquid ? new Decimal(0) : sumMoney(monthly.map((month) => month[index] as Decimal));
            const expected = (contributions.get(id) as Decimal).minus(spent);
            expect(formatMoney(totals.get(id) as Decimal)).toBe(formatMoney(expected));
            expect(formatMoney(memberEffect(chart, drafts, id))).toBe(formatMoney(expected));
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('distributed plus retained is the result to the öre, under every model', () => {
    fc.assert(
      fc.property(
        ore(-(10n ** 11n), 10n ** 11n),
        fc.array(ore(0n, 10n ** 11n), { minLength: 5, maxLength: 5 }),
        fc.array(ore(-(10n ** 10n), 10n ** 10n), { minLength: 5, maxLength: 5 }),
        fc.record({
          model: fc.constantFrom(
            'retain',
            'proportional-final-frame',
            'return-then-proportional',
            'limited-participation',
          ),
          returnRatePercent: fc.constantFrom('0', '33.3333', '50', '100'),
          participationPercent: fc.constantFrom('0', '20', '100'),
          participationCapPercent: fc.constantFrom('0', '0.5', '12.25'),
        }),
        (result, frames, own, resultDistribution) => {
          const finalFrame = new Map(memberIds.map((id, index) => [id, frames[index] as Decimal]));
          fc.pre(frames.some((frame) => frame.gt(0)));
          const parsed = charterSettingsSchema.parse({ resultDistribution });
          const distribution = distributeResult({
            year: 2027,
            result,
            members,
            finalFrame,
            settings: parsed.resultDistribution,
            funding: parsed.funding,
            chart,
            ownResults: new Map(memberIds.map((id, index) => [id, own[index] as Decimal])),
            egetKapitalBefore: new Decimal(0),
            revenue: sumMoney(frames),
            equityWarningPercent: '10',
          });
          const shares = distribution.shares.map((share) => new Decimal(share.share));
          expect(sumMoney(shares).plus(distribution.retained).eq(result)).toBe(true);
          expect(distribution.distributed).toBe(formatMoney(sumMoney(shares)));
          if (resultDistribution.model === 'proportional-final-frame') expect(distribution.retained).toBe('0.00');
          if (resultDistribution.model === 'limited-participation')
            memberIds.forEach((id, index) => {
              const cap = (frames[index] as Decimal).mul(resultDistribution.participationCapPercent).div(100);
              expect((shares[index] as Decimal).abs().lte(cap)).toBe(true);
              expect(id).toBeDefined();
            });
          const drafts = distribution.voucher ? [distribution.voucher.draft] : [];
          memberIds.forEach((id, index) => {
            expect(memberEffect(chart, drafts, id).eq((shares[index] as Decimal).neg())).toBe(true);
          });
        },
      ),
    );
  });

  it('the likvidavräkning settles every member account to zero', () => {
    const movement = fc.record({
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      account: fc.constantFrom('1513', '2513'),
      amount: ore(-(10n ** 9n), 10n ** 9n),
    });
    fc.assert(
      fc.property(
        ore(-(10n ** 9n), 10n ** 9n),
        ore(-(10n ** 9n), 10n ** 9n),
        fc.array(movement, { maxLength: 40 }),
        fc.record({
          interestMethod: fc.constantFrom('average-monthly-balance', 'daily-balance', 'none'),
          dayCount: fc.constantFrom('actual/365', '30/360'),
          annualInterestRatePercent: fc.constantFrom('0', '1.75', '2', '12.5'),
        }),
        (receivable, payable, moves, likvid) => {
          const year = 2028;
          const movements = moves
            .map((m) => ({
              date: dateOf(year, m.month, Math.min(m.day, daysInMonth(year, m.month))),
              account: m.account,
              amount: m.amount,
              text: 'Rörelse',
            }))
            .sort((a, b) => a.date.localeCompare(b.date));
          const position: MemberPosition = {
            memberId: 'a',
            year,
            opening: new Map([
              ['1513', receivable],
              ['2513', payable],
            ]),
            movements,
          };
          const settings = charterSettingsSchema.parse({ likvidavrakning: likvid }).likvidavrakning;
          // Interest first at bokslut, then the likvidavräkning on the position that includes it.
          const interest = likvidInterest({ year, positions: [position], settings, chart });
          const interestMoves = interest.vouchers.flatMap((v) =>
            v.draft.lines
              .filter((line) => ['1513', '2513'].includes(line.account))
              .map((line) => ({
                date: v.draft.date,
                account: line.account,
                amount: new Decimal(line.amount),
                text: v.draft.text,
                reference: v.key,
              })),
          );
          const settled = likvidavrakning({
            year,
            settlementDate: '2029-04-30',
            positions: [{ ...position, movements: [...movements, ...interestMoves] }],
            settings,
            chart,
          });
          const statement = settled.statements[0];
          const opening = { '1513': formatMoney(receivable), '2513': formatMoney(payable) };
          const balancing = { ...opening, '1930': formatMoney(receivable.plus(payable).neg()) };
          const lines = movements.map((m) => ({
            lines: [
              { account: m.account, amount: formatMoney(m.amount) },
              { account: '1930', amount: formatMoney(m.amount.neg()) },
            ],
          }));
          const booked = [...lines, ...interest.vouchers.map((v) => v.draft), ...settled.vouchers.map((v) => v.draft)];
          // The likvidavräkning leaves the whole amount on one account: 1513 if the member pays, 2513 if paid.
          const issued = accountBalances(chart, booked, balancing);
          const amount = new Decimal(statement?.amount ?? '0');
          const [holds, empty] = amount.isNegative() ? ['2513', '1513'] : ['1513', '2513'];
          expect(formatMoney(issued.get(holds as string) ?? new Decimal(0))).toBe(formatMoney(amount));
          expect(formatMoney(issued.get(empty as string) ?? new Decimal(0))).toBe('0.00');
          const payment = amount.isZero()
            ? []
            : [
                memberPaymentVoucher(chart, {
                  key: 'betalning',
                  memberId: 'a',
                  date: statement?.dueDate as string,
                  amount,
                  text: 'Betalning',
                }).draft,
              ];
          const after = accountBalances(chart, [...booked, ...payment], balancing);
          expect(formatMoney(after.get('1513') ?? new Decimal(0))).toBe('0.00');
          expect(formatMoney(after.get('2513') ?? new Decimal(0))).toBe('0.00');
          expect(
            new Decimal(statement?.amount ?? '0').eq(
              new Decimal(statement?.closingBalance ?? '0').plus(statement?.interest ?? '0'),
            ),
          ).toBe(true);
        },
      ),
    );
  });
});
