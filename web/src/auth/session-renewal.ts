import { useEffect } from 'react';
import { getSession, type Session, setSession, useSession } from '../api/session.ts';
import { signInProvider } from './active-provider.ts';
import { refreshDelayMs } from './token-refresh.ts';

let inFlight: Promise<boolean> | null = null;

/**
 * Renews the session once, however many calls ask at the same moment (several 401s at once must
 * not spend the refresh token several times). True when there is a new token to send.
 */
export function renewSession(): Promise<boolean> {
  if (inFlight) return inFlight;
  const session = getSession();
  if (!session?.renewal?.refreshToken) return Promise.resolve(false);
  inFlight = signInProvider()
    .refresh(session)
    .then((renewed) => {
      // A sign-out or another sign-in while renewing wins: the renewal is dropped.
      if (!renewed || getSession()?.token !== session.token) return false;
      setSession(renewed);
      return true;
    })
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

/**
 * Renews a Cognito session before its token runs out, planned from the token's lifetime. A failed
 * renewal does nothing here: the next call's 401 tries once more and then signs out.
 */
export function useSessionRenewal() {
  const session = useSession();
  useEffect(() => {
    const timing = planOf(session);
    if (timing === null) return;
    const timer = setTimeout(() => void renewSession(), timing);
    return () => clearTimeout(timer);
  }, [session]);
}

function planOf(session: Session | null): number | null {
  const renewal = session?.renewal;
  if (!renewal?.refreshToken) return null;
  return refreshDelayMs(renewal, Date.now());
}
