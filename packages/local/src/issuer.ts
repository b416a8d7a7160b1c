import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { IssuedToken, LocalIssuer } from '@finsam/api';
import { FinsamError } from '@finsam/domain';
import { principalOf, type UserDirectory } from '@finsam/store';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { hashPassword, verifyPassword } from './passwords.ts';

/** Local tokens live as long as Cognito's default ID token: one hour. */
export const token_lifetime_seconds = 60 * 60;
export const local_audience = 'finsam-local';

/** A dummy hash compared against when the user does not exist, so timing does not reveal who does. */
const absent_user_hash = hashPassword('absent-user');

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
}): Promise<LocalIssuer> {
  const { privateJwk, publicJwk } = await loadOrCreateKey(options.keyFile);
  const privateKey = await importJWK(privateJwk, 'RS256');

  return {
    jwks: () => ({ keys: [publicJwk as Record<string, unknown>] }),
    async login(username, password): Promise<IssuedToken> {
      const user = await options.users.find(username);
      const passwordMatches = verifyPassword(password, user?.passwordHash ?? absent_user_hash);
      if (!user || !passwordMatches) throw new FinsamError('unauthenticated', 'Fel användarnamn eller lösenord.');
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
