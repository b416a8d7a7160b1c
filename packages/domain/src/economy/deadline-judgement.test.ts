import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFinalVerdict, isMissedVerdict, judgeDeadline } from './deadline-judgement.ts';

// 30 November 2027 ends at 22:59:59.999 UTC (CET); an independent constant, not the product's.
const due = '2027-11-30';
const lastInstant = Date.parse('2027-11-30T22:59:59.999Z');

describe('a deadline is judged by the decision’s decidedAt; until a decision exists, by today', () => {
  it('is pending without a decision until the deadline day has ended in Stockholm', () => {
    expect(judgeDeadline(due, undefined, new Date('2027-11-30T22:59:59.999Z'))).toEqual({
      dueDate: due,
      verdict: 'pending',
    });
    expect(judgeDeadline(due, undefined, new Date('2027-11-30T23:00:00.000Z')).verdict).toBe('missed-open');
  });

  it('is met by a decision taken on the deadline day, however late it is recorded', () => {
    const decision = { decidedAt: '2027-11-30T20:00:00.000Z' };
    for (const today of ['2027-11-30T21:00:00Z', '2027-12-15T09:00:00Z', '2028-06-01T09:00:00Z'])
      expect(judgeDeadline(due, decision, today)).toEqual({
        dueDate: due,
        verdict: 'met',
        decidedAt: decision.decidedAt,
      });
  });

  it('is missed by a decision taken after the deadline day, recorded at once or later', () => {
    const decision = { decidedAt: '2027-12-01T00:00:00+01:00' };
    expect(judgeDeadline(due, decision, '2027-12-01T08:00:00Z').verdict).toBe('missed');
    expect(judgeDeadline(due, decision, '2028-01-10T08:00:00Z').verdict).toBe('missed');
  });

  it('decides by the decision alone once there is one, and by today alone before', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: lastInstant - 90 * 86_400_000, max: lastInstant + 90 * 86_400_000 }),
        fc.integer({ min: 0, max: 200 * 86_400_000 }),
        fc.boolean(),
        (decidedMs, laterMs, decided) => {
          const decision = decided ? { decidedAt: new Date(decidedMs).toISOString() } : undefined;
          // Recorded (today) at or after the decision.
          const today = new Date(decidedMs + laterMs);
          const { verdict } = judgeDeadline(due, decision, today);
          const expected = decided
            ? decidedMs <= lastInstant
              ? 'met'
              : 'missed'
            : today.getTime() <= lastInstant
              ? 'pending'
              : 'missed-open';
          expect(verdict).toBe(expected);
          // Never both ways: a verdict is missed or met or neither.
          expect(isMissedVerdict(verdict) && verdict === 'met').toBe(false);
          expect(isFinalVerdict(verdict)).toBe(decided);
        },
      ),
    );
  });

  it('turns a provisional miss into met only through a decision dated on time', () => {
    const before = judgeDeadline(due, undefined, '2027-12-02T08:00:00Z');
    const after = judgeDeadline(due, { decidedAt: '2027-11-28T10:00:00Z' }, '2027-12-02T09:00:00Z');
    expect([before.verdict, isFinalVerdict(before.verdict)]).toEqual(['missed-open', false]);
    expect([after.verdict, isFinalVerdict(after.verdict)]).toEqual(['met', true]);
  });
});
