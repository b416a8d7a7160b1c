import { login } from '../api/endpoints.ts';
import type { SignInProvider } from './sign-in-provider.ts';

/**
 * The local runtime's issuer (POST /api/auth/login): one step, no refresh (a session lasts an
 * hour of the runtime's session clock), nothing to revoke. Passwords are reset by an admin.
 */
export const localSignInProvider: SignInProvider = {
  kind: 'local',
  usernameLabel: 'Användarnamn',
  usernameHint: 'Den som har bjudits in till ett förbund loggar in med sin e-postadress.',
  async signIn(username, password) {
    const answer = await login(username, password);
    return {
      kind: 'signed-in',
      session: { token: answer.token, expiresAt: answer.expiresAt, principal: answer.principal },
    };
  },
  refresh: async () => null,
  revoke: async () => {},
};
