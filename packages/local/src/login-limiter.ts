import { AsyncLocalStorage } from 'node:async_hooks';
import { isIP } from 'node:net';

/**
 * Limits on the local issuer's sign-in: password guessing, per client address and per user
 * name. After `failuresAllowed` wrong passwords a key must wait, first `firstBlockMs`, doubling
 * with each further failure up to `blockMsMax`; while it waits every attempt is refused before
 * any password is checked, also the right one. Only failures count, never successes, and a
 * success clears the user's count (not the address's: one valid account must not reset the
 * count of an address that guesses others). Memory is bounded: at most `entriesMax` keys, the
 * one with the oldest failure is dropped first, and a key quiet for `forgetAfterMs` is forgotten.
 */
export interface BackoffPolicy {
  failuresAllowed: number;
  firstBlockMs: number;
  blockMsMax: number;
  forgetAfterMs: number;
  entriesMax: number;
}

const minute_ms = 60_000;
const common = { firstBlockMs: 1000, blockMsMax: 15 * minute_ms, forgetAfterMs: 60 * minute_ms, entriesMax: 10_000 };
/** A person who mistypes a few times is not stopped; a guesser is, after five. */
export const user_backoff: BackoffPolicy = { ...common, failuresAllowed: 5 };
/** An address may be an office behind one NAT, with many people signing in from it. */
export const address_backoff: BackoffPolicy = { ...common, failuresAllowed: 20 };

interface Entry {
  failures: number;
  /** Attempts admitted and not yet settled: they count as failures until they settle. */
  inFlight: number;
  blockedUntil: number;
  lastFailureAt: number;
}

/** Failures per key with exponential backoff; `now` is injectable so tests move time instead of sleeping. */
export class FailureLimiter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly now: () => number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * Milliseconds until `key` may try again, 0 when it may now. Attempts still being checked
   * count as failures here: a burst of concurrent guesses gets no more tries than a sequence.
   */
  retryAfterMs(key: string): number {
    const entry = this.current(key);
    if (!entry) return 0;
    const now = this.now();
    if (entry.blockedUntil > now) return entry.blockedUntil - now;
    // Past the allowance, once a wait is over, one attempt at a time.
    const tries = Math.max(1, this.policy.failuresAllowed - entry.failures);
    return entry.inFlight >= tries ? this.policy.firstBlockMs : 0;
  }

  /** An attempt for `key` starts; `settle` ends it. */
  begin(key: string): void {
    const entry = this.current(key) ?? this.create(key);
    entry.inFlight += 1;
  }

  /** An attempt for `key` ended; a failure counts, and may block the key. */
  settle(key: string, failed: boolean): void {
    const existing = this.current(key);
    if (existing) existing.inFlight = Math.max(0, existing.inFlight - 1);
    if (!failed) {
      if (existing && existing.failures === 0 && existing.inFlight === 0) this.entries.delete(key);
      return;
    }
    const entry = existing ?? this.create(key);
    const now = this.now();
    entry.failures += 1;
    entry.lastFailureAt = now;
    const beyond = entry.failures - this.policy.failuresAllowed;
    if (beyond >= 0)
      entry.blockedUntil = now + Math.min(this.policy.firstBlockMs * 2 ** beyond, this.policy.blockMsMax);
    // Newest failure last: eviction takes the key that failed longest ago.
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.evict();
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  private create(key: string): Entry {
    const entry: Entry = { failures: 0, inFlight: 0, blockedUntil: 0, lastFailureAt: this.now() };
    this.entries.set(key, entry);
    this.evict();
    return entry;
  }

  private evict() {
    while (this.entries.size > this.policy.entriesMax) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  private current(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const quietSince = Math.max(entry.lastFailureAt, entry.blockedUntil);
    if (entry.inFlight === 0 && this.now() - quietSince >= this.policy.forgetAfterMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

/**
 * The key of a client address. IPv4-mapped IPv6 is the IPv4 address; other IPv6 addresses count
 * by their /64, the block one host is usually given, so a host cannot step through its own
 * addresses to get new tries.
 */
export function addressKey(address: string): string {
  const bare = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  if (mapped) return mapped[1] as string;
  if (isIP(bare) !== 6) return bare;
  const [head = '', tail] = bare.toLowerCase().split('::');
  const groups = (part: string) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const first = groups(head);
  const last = tail === undefined ? [] : groups(tail);
  const full = [...first, ...Array(Math.max(0, 8 - first.length - last.length)).fill('0'), ...last];
  return `${full
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

/** User names are looked up as given, but counted without case or surrounding space. */
export const userKey = (username: string) => username.trim().toLowerCase();

/** Both limits of a sign-in: the client address's and the user name's. */
export class SignInLimiter {
  readonly addresses: FailureLimiter;
  readonly users: FailureLimiter;

  constructor(now: () => number, policies = { address: address_backoff, user: user_backoff }) {
    this.addresses = new FailureLimiter(policies.address, now);
    this.users = new FailureLimiter(policies.user, now);
  }

  /** Admits an attempt (0) or says how many milliseconds it must wait. */
  admit(address: string, username: string): number {
    const [a, u] = [addressKey(address), userKey(username)];
    const wait = Math.max(this.addresses.retryAfterMs(a), this.users.retryAfterMs(u));
    if (wait > 0) return wait;
    this.addresses.begin(a);
    this.users.begin(u);
    return 0;
  }

  settle(address: string, username: string, succeeded: boolean): void {
    this.addresses.settle(addressKey(address), !succeeded);
    if (succeeded) this.users.reset(userKey(username));
    else this.users.settle(userKey(username), true);
  }
}

/**
 * The sign-in request being answered: the runtime's HTTP server puts the client's address here,
 * and the issuer the wait it refused with, which the server sends as `Retry-After`.
 */
export interface SignInRequest {
  address: string;
  retryAfterSeconds?: number;
}
export const signInRequests = new AsyncLocalStorage<SignInRequest>();

/** "30 sekunder", "1 sekund", "15 minuter": the wait, rounded up, as a person reads it. */
export function swedishWait(seconds: number): string {
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? 'minut' : 'minuter'}`;
}
