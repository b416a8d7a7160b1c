import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { IssuedToken, LocalIssuer } from '@finsam/api';
import { FinsamError } from '@finsam/domain';
import { principalOf, type UserDirectory } from '@finsam/store';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { SignInLimiter, signInRequests, swedishWait } from './login-limiter.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

/** Local tokens live as long as Cognito's default ID token: one hour. */
export const token_lifetime_seconds = 60 * 60;
export const local_audience = 'finsam-local';

/** The one answer to a wrong password and to an unknown user alike. */
const wrong_credentials = 'Fel användarnamn eller lösenord.';

/**
 * The embedded issuer: signs Cognito-shaped ID tokens (RS256, `cognito:groups`, `custom:*`)
 * with a key kept under the data directory, so tokens stay valid across restarts. The API
 * verifies them through its JWKS endpoint with the same verifier it uses against Cognito.
 */
export async function createLocalIssuer(options: {
  issuer: string;
  users: UserDirectory;
  keyFile?: string | undefined;
  now: () => Date;
  /** Password guessing limits; by default on `now`. */
  limiter?: SignInLimiter;
}): Promise<LocalIssuer> {
  const { privateJwk, publicJwk } = await loadOrCreateKey(options.keyFile);
  const privateKey = await importJWK(privateJwk, 'RS256');
  const limiter = options.limiter ?? new SignInLimiter(() => options.now().getTime());
  // Checked against when the user does not exist, so the answer takes as long as for a real one.
  const absentUserHash = hashPassword(randomBytes(16).toString('base64'));

  return {
    jwks: () => ({ keys: [publicJwk as Record<string, unknown>] }),
    async login(username, password): Promise<IssuedToken> {
      const request = signInRequests.getStore();
      // Without the HTTP server (a direct call) every caller shares one address.
      const address = request?.address ?? 'in-process';
      const waitMs = limiter.admit(address, username);
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000);
        if (request) request.retryAfterSeconds = seconds;
        throw new FinsamError(
          'throttled',
          `För många misslyckade inloggningar. Försök igen om ${swedishWait(seconds)}.`,
        );
      }
      let user: Awaited<ReturnType<UserDirectory['find']>>;
      let passwordMatches = false;
      try {
        user = await options.users.find(username);
        passwordMatches = await verifyPassword(password, user?.passwordHash ?? (await absentUserHash));
      } finally {
        limiter.settle(address, username, user !== undefined && passwordMatches);
      }
      if (!user || !passwordMatches) throw new FinsamError('unauthenticated', wrong_credentials);
      const issuedAt = Math.floor(options.now().getTime() / 1000);
      const expiresAt = issuedAt + token_lifetime_seconds;
      const token = await new SignJWT({
        token_use: 'id',
        'cognito:username': user.username,
        name: user.name,
        'cognito:groups': user.roles,
        ...(user.forbundId ? { 'custom:forbund_id': user.forbundId } : {}),
        ...(user.memberId ? { 'custom:member_id': user.memberId } : {}),
      })
        .setProtectedHeader({ alg: 'RS256', kid: publicJwk.kid as string })
        .setSubject(user.username)
        .setIssuer(options.issuer)
        .setAudience(local_audience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .sign(privateKey);
      return { token, expiresAt: new Date(expiresAt * 1000).toISOString(), principal: principalOf(user) };
    },
  };
}

async function loadOrCreateKey(keyFile: string | undefined): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  if (keyFile && existsSync(keyFile)) return JSON.parse(readFileSync(keyFile, 'utf8'));
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `local-${Date.now().toString(36)}`;
  const pair = {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
  if (keyFile) writeFileSync(keyFile, JSON.stringify(pair), { mode: 0o600 });
  return pair;
}
