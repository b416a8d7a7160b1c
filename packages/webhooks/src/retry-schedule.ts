/**
 * When to try a failed delivery again: exponential backoff with full jitter (a random delay
 * between zero and an exponentially growing ceiling), so that receivers coming back after an
 * outage are not hit by every sender at the same instant. Pure: the failure time and the
 * randomness are parameters.
 */

/** The ceiling of the first retry's delay; it doubles with each failed attempt. */
export const retry_delay_ms_base = 10_000;
/** The ceiling stops growing here, so a receiver back after a long outage waits at most an hour. */
export const retry_delay_ms_max = 60 * 60_000;
/** A floor under the jitter: never retry a failing receiver within the same second. */
export const retry_delay_ms_min = 1_000;
/** Deliveries are retried for at least this long after the first attempt (issue 5: ≥ 72 h). */
export const retry_window_ms = 72 * 60 * 60_000;
/**
 * A hard bound on attempts in one window. With a mean delay of half an hour once the ceiling is
 * reached, 72 hours take about 150 attempts; reaching 400 first is practically impossible, so
 * this bound never shortens the window and only guards against a broken random source.
 */
export const delivery_attempts_max = 400;

export interface RetryInput {
  /** Failed attempts so far in this window, counting the one that just failed (≥ 1). */
  failedAttempts: number;
  windowStartedAt: Date;
  failedAt: Date;
  /** Uniform in [0, 1), e.g. Math.random. */
  random: () => number;
}

/** The ceiling of the delay after `failedAttempts` failures, before jitter. */
export function retryCeilingMs(failedAttempts: number): number {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
  return Math.min(retry_delay_ms_max, retry_delay_ms_base * 2 ** exponent);
}

/**
 * The time of the next attempt, or undefined when the delivery is to be dead-lettered. The last
 * attempt is placed at the end of the window rather than dropped, so a receiver that is down is
 * given the whole 72 hours.
 */
export function nextAttemptAt(input: RetryInput): Date | undefined {
  if (!(input.failedAttempts >= 1)) throw new RangeError('failedAttempts must be at least 1');
  const windowEndsMs = input.windowStartedAt.getTime() + retry_window_ms;
  const failedAtMs = input.failedAt.getTime();
  if (failedAtMs >= windowEndsMs || input.failedAttempts >= delivery_attempts_max) return undefined;
  const jitter = Math.min(Math.max(input.random(), 0), 1);
  const delayMs = Math.max(retry_delay_ms_min, Math.floor(jitter * retryCeilingMs(input.failedAttempts)));
  return new Date(Math.min(failedAtMs + delayMs, windowEndsMs));
}
