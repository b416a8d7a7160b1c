import { FinsamError, forbidden, hasRole, type Role } from '@finsam/domain';
import { tenantPartition } from '@finsam/store';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/env.ts';
import type { VerifyToken } from './verifier.ts';

/** Tokens longer than this are refused before any parsing (a JWT of ours is ~1 KB). */
const token_length_max = 8192;

export function authenticate(verifyToken: VerifyToken): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
    if (!match?.[1] || match[1].length > token_length_max)
      throw new FinsamError('unauthenticated', 'Logga in för att fortsätta.');
    c.set('principal', await verifyToken(match[1]));
    await next();
  };
}

/** Route middleware: the caller must hold one of these roles (checked after the tenant guard). */
export function requireRole(...allowed: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!hasRole(c.get('principal'), ...allowed)) throw forbidden();
    await next();
  };
}

/**
 * Runs before any validation on every `/forbund/{forbundId}` route: another förbund's resources
 * answer 404 whatever the body says, so a caller learns nothing about them. The store checks
 * again when it builds the key.
 */
export const tenantGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  tenantPartition(c.get('principal'), c.req.param('forbundId') ?? '');
  await next();
};

/** Roles that work inside a förbund (everyone but the national council). */
export const tenantRoles: Role[] = ['platform-admin', 'forbund-admin', 'ekonom', 'styrelse', 'revisor', 'member-rep'];
