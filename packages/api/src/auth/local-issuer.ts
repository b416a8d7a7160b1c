import type { Principal } from '@finsam/domain';

export interface IssuedToken {
  token: string;
  expiresAt: string;
  principal: Principal;
}

/**
 * The embedded token issuer of the local runtime (packages/local implements it). In AWS, Cognito
 * issues tokens and these routes do not exist.
 */
export interface LocalIssuer {
  login(username: string, password: string): Promise<IssuedToken>;
  jwks(): { keys: Record<string, unknown>[] };
}
