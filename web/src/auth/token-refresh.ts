/**
 * When to renew a Cognito session. The plan is made from the token's own lifetime (exp − iat)
 * counted from when this tab received it, not from exp against the browser's clock: a PC's clock
 * may be off by minutes (and the browser tests fix it to a date in the demo year), while the
 * lifetime is exact.
 */

/** Renew this long before the token runs out, so a call in flight never carries an expired one. */
export const refresh_margin_ms_max = 5 * 60_000;
/** Never plan sooner than this: a token that is already due is renewed at once, but not in a tight loop. */
export const refresh_delay_ms_min = 1_000;

export interface TokenTiming {
  /** The browser's Date.now() when the token arrived. */
  receivedAtMs: number;
  /** exp − iat of the token. */
  lifetimeMs: number;
}

export function refreshDelayMs(timing: TokenTiming, nowMs: number): number {
  // A short-lived token (tests, or a pool set to minutes) is renewed halfway through its life.
  const margin = Math.min(refresh_margin_ms_max, timing.lifetimeMs / 2);
  return Math.max(refresh_delay_ms_min, timing.receivedAtMs + timing.lifetimeMs - margin - nowMs);
}

export interface TokenClaims {
  exp: number;
  iat: number;
}

/** Reads exp and iat from a JWT without verifying it; the API verifies, the portal only plans. */
export function readTokenClaims(token: string): TokenClaims {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (character) => character.charCodeAt(0)));
  const claims = JSON.parse(json) as Partial<TokenClaims>;
  if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number' || claims.exp <= claims.iat)
    throw new Error('JWT without a usable exp and iat');
  return { exp: claims.exp, iat: claims.iat };
}

export function tokenTiming(token: string, receivedAtMs: number): TokenTiming {
  const { exp, iat } = readTokenClaims(token);
  return { receivedAtMs, lifetimeMs: (exp - iat) * 1000 };
}
