import { describe, expect, it } from 'vitest';
import { addressKey, type BackoffPolicy, FailureLimiter, SignInLimiter, swedishWait } from './login-limiter.ts';

const policy: BackoffPolicy = {
  failuresAllowed: 5,
  firstBlockMs: 1000,
  blockMsMax: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
  entriesMax: 3,
};

/** A clock the test moves: nothing here sleeps. */
function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const fail = (limiter: FailureLimiter, key: string) => {
  limiter.begin(key);
  limiter.settle(key, true);
};

describe('the failure limiter', () => {
  it('allows five failures, then waits 1 s, doubling with each failure after a wait, up to 15 minutes', () => {
    const time = clock();
    const limiter = new FailureLimiter(policy, time.now);
    for (let index = 0; index < 4; index++) fail(limiter, 'anna');
    expect(limiter.retryAfterMs('anna')).toBe(0);
    fail(limiter, 'anna');
    const waits: number[] = [];
    for (let index = 0; index < 14; index++) {
      const wait = limiter.retryAfterMs('anna');
      waits.push(wait);
      time.advance(wait);
      expect(limiter.retryAfterMs('anna')).toBe(0);
      fail(limiter, 'anna');
    }
    expect(waits).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 128_000, 256_000, 512_000, 900_000, 900_000, 900_000, 900_000,
    ]);
  });

  it('refuses during the wait without counting, and a reset clears the key', () => {
    const time = clock();
    const limiter = new FailureLimiter(policy, time.now);
    for (let index = 0; index < 5; index++) fail(limiter, 'anna');
    time.advance(500);
    expect(limiter.retryAfterMs('anna')).toBe(500);
    time.advance(500);
    expect(limiter.retryAfterMs('anna')).toBe(0);
    limiter.reset('anna');
    for (let index = 0; index < 4; index++) fail(limiter, 'anna');
    expect(limiter.retryAfterMs('anna')).toBe(0);
  });

  it('counts attempts still being checked, so a burst gets no more tries than a sequence', () => {
    const limiter = new FailureLimiter(policy, clock().now);
    for (let index = 0; index < 5; index++) {
      expect(limiter.retryAfterMs('anna')).toBe(0);
      limiter.begin('anna');
    }
    expect(limiter.retryAfterMs('anna')).toBe(1000);
    limiter.settle('anna', false);
    expect(limiter.retryAfterMs('anna')).toBe(0);
  });

  it('forgets a key after an hour without failures', () => {
    const time = clock();
    const limiter = new FailureLimiter(policy, time.now);
    for (let index = 0; index < 5; index++) fail(limiter, 'anna');
    time.advance(60 * 60_000 + 1000);
    expect(limiter.retryAfterMs('anna')).toBe(0);
    expect(limiter.size).toBe(0);
  });

  it('keeps at most entriesMax keys, dropping the one whose last failure is oldest', () => {
    const time = clock();
    const limiter = new FailureLimiter(policy, time.now);
    for (const key of ['a', 'b', 'c']) {
      for (let index = 0; index < 5; index++) fail(limiter, key);
      time.advance(10);
    }
    fail(limiter, 'a'); // a is now the newest
    fail(limiter, 'd');
    expect(limiter.size).toBe(3);
    expect(limiter.retryAfterMs('b')).toBe(0);
    expect(limiter.retryAfterMs('a')).toBeGreaterThan(0);
    expect(limiter.retryAfterMs('c')).toBeGreaterThan(0);
  });

  it('keeps nothing for successes', () => {
    const limiter = new FailureLimiter(policy, clock().now);
    for (let index = 0; index < 100; index++) {
      limiter.begin(`user${index}`);
      limiter.settle(`user${index}`, false);
    }
    expect(limiter.size).toBe(0);
  });
});

describe('sign-in limits', () => {
  it("a user's success clears the user's count but not the address's", () => {
    const time = clock();
    const limiter = new SignInLimiter(time.now, {
      address: { ...policy, failuresAllowed: 8, entriesMax: 100 },
      user: { ...policy, entriesMax: 100 },
    });
    const attempt = (address: string, user: string, ok: boolean) => {
      const wait = limiter.admit(address, user);
      if (wait === 0) limiter.settle(address, user, ok);
      return wait;
    };
    for (let index = 0; index < 4; index++) attempt('10.0.0.1', 'Anna', false);
    attempt('10.0.0.1', 'anna ', true);
    for (let index = 0; index < 3; index++) attempt('10.0.0.1', 'ANNA', false);
    expect(limiter.admit('10.0.0.2', 'anna')).toBe(0); // 3 of 5 for anna
    limiter.settle('10.0.0.2', 'anna', true);
    // 10.0.0.1 has 7 failures of 8, whoever they were for.
    attempt('10.0.0.1', 'bertil', false);
    expect(limiter.admit('10.0.0.1', 'cecilia')).toBe(1000);
    expect(limiter.admit('::ffff:10.0.0.1', 'cecilia')).toBe(1000);
  });
});

describe('address keys', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:DB8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['unknown', 'unknown'],
  ])('%s counts as %s', (address, key) => expect(addressKey(address)).toBe(key));
});

describe('the wait in Swedish', () => {
  it.each([
    [1, '1 sekund'],
    [30, '30 sekunder'],
    [60, '1 minut'],
    [61, '2 minuter'],
    [900, '15 minuter'],
  ])('%i s reads %s', (seconds, text) => expect(swedishWait(seconds)).toBe(text));
});
