import { deadlineInstant } from '@finsam/domain';
import { describe, expect, it } from 'vitest';
import {
  deadline_margin_seconds,
  execution_lifetime_seconds,
  repeat_wait_seconds,
  stepTimeoutSeconds,
  undated_wait_seconds,
} from './step-timeouts.ts';

const seconds = (iso: string) => Date.parse(iso) / 1000;

describe('how long a human step may wait', () => {
  const started = new Date('2026-08-01T02:30:00Z');

  it('until its deadline’s last instant in Stockholm plus the margin', () => {
    const now = new Date('2026-10-01T08:00:00Z');
    const timeout = stepTimeoutSeconds('2026-11-30', now, started);
    expect(seconds(now.toISOString()) + timeout).toBe(
      Math.floor(deadlineInstant('2026-11-30').epochMs / 1000) + deadline_margin_seconds,
    );
  });

  it('a month more, once the deadline and margin have passed (a resumed, late step)', () => {
    expect(stepTimeoutSeconds('2026-11-30', new Date('2027-01-15T08:00:00Z'), new Date('2027-01-16T02:30:00Z'))).toBe(
      repeat_wait_seconds,
    );
  });

  it('a step without a deadline waits its fixed time', () => {
    expect(stepTimeoutSeconds(undefined, new Date('2026-09-01T00:00:00Z'), started)).toBe(undated_wait_seconds);
  });

  it('never past the execution’s year, and at least a second', () => {
    const late = new Date(started.getTime() + (execution_lifetime_seconds - 10 * 24 * 3600) * 1000);
    const timeout = stepTimeoutSeconds('2027-12-31', late, started);
    expect(seconds(late.toISOString()) + timeout).toBeLessThan(
      seconds(started.toISOString()) + execution_lifetime_seconds,
    );
    const past = new Date(started.getTime() + execution_lifetime_seconds * 1000);
    expect(stepTimeoutSeconds('2027-12-31', past, started)).toBe(1);
  });
});
