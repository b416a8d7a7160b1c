import { localSignInProvider } from './local-provider.ts';
import type { PortalConfig } from './portal-config.ts';
import type { SignInProvider } from './sign-in-provider.ts';

/**
 * The provider chosen from /config.json at start. Until then (and in unit tests) it is the local
 * one; main.tsx sets it before the first render, so no page sees the switch.
 */
let active: SignInProvider = localSignInProvider;

export function signInProvider(): SignInProvider {
  return active;
}

/** The Cognito client (and the AWS SDK) is loaded only where config.json names a pool. */
export async function chooseSignInProvider(config: PortalConfig): Promise<SignInProvider> {
  if (config.signIn === 'local') active = localSignInProvider;
  else active = (await import('./cognito-provider.ts')).createCognitoSignInProvider(config);
  return active;
}
