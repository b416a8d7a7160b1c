import { useSyncExternalStore } from 'react';
import type { Principal } from './types.ts';

/**
 * The signed-in session. The token lives in sessionStorage (per tab, gone when the tab closes),
 * as the brief asks; the rest of the app reads it through this one small store.
 */
export interface Session {
  /** Sent to the API: the local issuer's token, or Cognito's ID token. */
  token: string;
  expiresAt: string;
  principal: Principal;
  /** Cognito only: what renews the session (auth/token-refresh.ts plans when). */
  renewal?: SessionRenewal;
}

export interface SessionRenewal {
  /** For the user's own Cognito calls (MFA enrolment); the API never sees it. */
  accessToken: string;
  refreshToken?: string;
  /** The browser's Date.now() when the token arrived, and exp − iat of the token. */
  receivedAtMs: number;
  lifetimeMs: number;
}

const storageKey = 'finsam.session';
const returnToKey = 'finsam.returnTo';
const listeners = new Set<() => void>();
let current: Session | null = read();

function read(): Session | null {
  try {
    const text = sessionStorage.getItem(storageKey);
    if (!text) return null;
    // Expiry is judged by the API (a 401), not here: the browser's clock and the runtime's
    // (a virtual clock locally) need not agree.
    const session = JSON.parse(text) as Partial<Session> | null;
    return typeof session?.token === 'string' && session.principal ? (session as Session) : null;
  } catch {
    // Storage can be disabled or hold garbage from an older build; either way, sign in again.
    return null;
  }
}

function emit() {
  for (const listener of listeners) listener();
}

/** Pure, as useSyncExternalStore needs. */
export function getSession(): Session | null {
  return current;
}

export function setSession(session: Session) {
  current = session;
  sessionStorage.setItem(storageKey, JSON.stringify(session));
  emit();
}

export function updatePrincipal(principal: Principal) {
  if (current) setSession({ ...current, principal });
}

export function clearSession() {
  current = null;
  sessionStorage.removeItem(storageKey);
  emit();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession);
}

/**
 * Remembers where a user whose session ran out was headed, so logging in again takes them back.
 * The path is tied to that user: someone else signing in next in the same tab starts at "/".
 */
export function rememberReturnTo(path: string) {
  const subject = current?.principal.subject;
  sessionStorage.setItem(returnToKey, JSON.stringify({ path, subject }));
}

/** Only a same-origin path is accepted, so a crafted value cannot send the user off-site. */
export function takeReturnTo(subject: string): string {
  const text = sessionStorage.getItem(returnToKey);
  sessionStorage.removeItem(returnToKey);
  let saved: { path?: unknown; subject?: unknown } = {};
  try {
    saved = JSON.parse(text ?? '{}') ?? {};
  } catch {
    return '/';
  }
  const { path } = saved;
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/logga-in'))
    return '/';
  return saved.subject === undefined || saved.subject === subject ? path : '/';
}
