import { describe, expect, it } from 'vitest';
import {
  readTokenClaims,
  refresh_delay_ms_min,
  refresh_margin_ms_max,
  refreshDelayMs,
  tokenTiming,
} from './token-refresh.ts';

const hour_ms = 60 * 60_000;

/** An unsigned JWT with these claims: the portal only reads them, the API verifies. */
function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'RS256' })}.${part(claims)}.signature`;
}

describe('refreshDelayMs', () => {
  it('renews an hour-long token five minutes before it runs out', () => {
    expect(refreshDelayMs({ receivedAtMs: 0, lifetimeMs: hour_ms }, 0)).toBe(hour_ms - refresh_margin_ms_max);
  });

  it('counts from when the token arrived, so a reloaded tab keeps the plan', () => {
    expect(refreshDelayMs({ receivedAtMs: 1_000_000, lifetimeMs: hour_ms }, 1_000_000 + 20 * 60_000)).toBe(35 * 60_000);
  });

  it('renews a short-lived token halfway through its life', () => {
    expect(refreshDelayMs({ receivedAtMs: 0, lifetimeMs: 4 * 60_000 }, 0)).toBe(2 * 60_000);
  });

  it('renews a token already due at once, but never in a tight loop', () => {
    expect(refreshDelayMs({ receivedAtMs: 0, lifetimeMs: hour_ms }, 2 * hour_ms)).toBe(refresh_delay_ms_min);
    expect(refreshDelayMs({ receivedAtMs: 0, lifetimeMs: hour_ms }, hour_ms - refresh_margin_ms_max)).toBe(
      refresh_delay_ms_min,
    );
  });
});

describe('reading a token', () => {
  it('takes the lifetime from exp − iat, whatever the browser’s clock says', () => {
    const token = jwt({ iat: 1_700_000_000, exp: 1_700_003_600, sub: 'å-ä-ö' });
    expect(readTokenClaims(token)).toEqual({ iat: 1_700_000_000, exp: 1_700_003_600 });
    expect(tokenTiming(token, 42)).toEqual({ receivedAtMs: 42, lifetimeMs: hour_ms });
  });

  it.each([
    ['no payload', 'abc'],
    ['no exp', jwt({ iat: 1 })],
    ['exp before iat', jwt({ iat: 10, exp: 5 })],
    ['exp as text', jwt({ iat: 1, exp: '2' })],
  ])('refuses a token with %s', (_, token) => {
    expect(() => readTokenClaims(token)).toThrow();
  });
});
