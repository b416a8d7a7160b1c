import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  delivery_attempts_max,
  nextAttemptAt,
  retry_delay_ms_max,
  retry_delay_ms_min,
  retry_window_ms,
  retryCeilingMs,
} from './retry-schedule.ts';

const start = new Date('2027-03-01T08:00:00Z');
const hour = 60 * 60_000;

describe('retry schedule', () => {
  it('grows the ceiling exponentially up to the maximum', () => {
    expect(retryCeilingMs(1)).toBe(10_000);
    expect(retryCeilingMs(2)).toBe(20_000);
    expect(retryCeilingMs(5)).toBe(160_000);
    expect(retryCeilingMs(20)).toBe(retry_delay_ms_max);
  });

  it('keeps every delay between the floor and the ceiling (full jitter)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (n, r) => {
        const failedAt = new Date(start.getTime() + hour);
        const next = nextAttemptAt({ failedAttempts: n, windowStartedAt: start, failedAt, random: () => r });
        if (!next) return false;
        const delay = next.getTime() - failedAt.getTime();
        return delay >= retry_delay_ms_min && delay <= retryCeilingMs(n);
      }),
    );
  });

  it('retries for the whole 72 hours, the last attempt at the end of the window', () => {
    const failedAt = new Date(start.getTime() + retry_window_ms - 1000);
    const last = nextAttemptAt({ failedAttempts: 100, windowStartedAt: start, failedAt, random: () => 0.99 });
    expect(last?.getTime()).toBe(start.getTime() + retry_window_ms);
    const after = nextAttemptAt({ failedAttempts: 101, windowStartedAt: start, failedAt: last!, random: () => 0.5 });
    expect(after).toBeUndefined();
  });

  it('gives up at the attempt bound and refuses a count below one', () => {
    const failedAt = new Date(start.getTime() + hour);
    expect(
      nextAttemptAt({ failedAttempts: delivery_attempts_max, windowStartedAt: start, failedAt, random: () => 0 }),
    ).toBeUndefined();
    expect(() => nextAttemptAt({ failedAttempts: 0, windowStartedAt: start, failedAt, random: () => 0 })).toThrow();
  });

  it('reaches the end of the window with typical randomness long before the attempt bound', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let at = start;
    let attempts = 0;
    for (;;) {
      attempts += 1;
      const next = nextAttemptAt({ failedAttempts: attempts, windowStartedAt: start, failedAt: at, random });
      if (!next) break;
      at = next;
    }
    expect(at.getTime() - start.getTime()).toBe(retry_window_ms);
    expect(attempts).toBeLessThan(delivery_attempts_max / 2);
  });
});
