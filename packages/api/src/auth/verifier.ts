import { FinsamError, type Principal, type Role, roles } from '@finsam/domain';
import { createRemoteJWKSet, type JWTPayload, errors as joseErrors, jwtVerify } from 'jose';

export type VerifyToken = (token: string) => Promise<Principal>;

export interface JwksVerifierConfig {
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** The clock expiry is checked against; the local runtime passes its virtual clock. */
  now?: () => Date;
}

/** How long a fetched key set is trusted before it is fetched again (key rotation). */
const jwks_cache_max_age_ms = 10 * 60 * 1000;

/**
 * The one token verifier, used in AWS against Cognito's JWKS and locally against the embedded
 * issuer's JWKS: same claims (Cognito ID-token names), same checks, no weaker local path.
 */
export function createJwksVerifier(config: JwksVerifierConfig): VerifyToken {
  const keySet = createRemoteJWKSet(new URL(config.jwksUrl), { cacheMaxAge: jwks_cache_max_age_ms });
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keySet, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'iat', 'sub'],
        ...(config.now ? { currentDate: config.now() } : {}),
      });
      if (payload.token_use !== 'id') throw unauthenticated('Fel sorts token.');
      return principalFromClaims(payload);
    } catch (error) {
      if (error instanceof FinsamError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('Inloggningen har gått ut. Logga in igen.');
      if (error instanceof joseErrors.JOSEError) throw unauthenticated('Ogiltig token.');
      throw error;
    }
  };
}

const unauthenticated = (message: string) => new FinsamError('unauthenticated', message);

export function principalFromClaims(claims: JWTPayload): Principal {
  const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as unknown[]) : [];
  const granted = groups.filter((group): group is Role => roles.includes(group as Role));
  if (granted.length === 0) throw unauthenticated('Användaren har ingen roll.');
  const text = (name: string) => (typeof claims[name] === 'string' ? (claims[name] as string) : undefined);
  const forbundId = text('custom:forbund_id');
  const memberId = text('custom:member_id');
  const email = text('email');
  return {
    subject: text('cognito:username') ?? (claims.sub as string),
    // Without a name (an invitation that gave none) the address is shown, never the id Cognito makes the username.
    name: text('name') ?? email ?? text('cognito:username') ?? (claims.sub as string),
    roles: granted,
    ...(email ? { email } : {}),
    ...(forbundId ? { forbundId } : {}),
    ...(memberId ? { memberId } : {}),
  };
}
