import { forbidden, hasRole, notFound, type Principal } from '@finsam/domain';
import type { PlatformPartition, TenantPartition } from './keys.ts';

/** Förbund ids are ULIDs (or the demo's readable id): no '#' can smuggle in another key. */
const forbund_id_pattern = /^[A-Za-z0-9-]{1,64}$/;

/**
 * The tenant key for a förbund, built only when the authenticated principal may see it: the
 * platform administrator may see every förbund; every other user only their own. Anything else
 * is answered as not found, so another tenant's ids reveal nothing.
 */
export function tenantPartition(principal: Principal, forbundId: string): TenantPartition {
  if (!forbund_id_pattern.test(forbundId)) throw notFound('Förbundet finns inte.');
  const own = principal.forbundId === forbundId && !hasRole(principal, 'national');
  if (!own && !hasRole(principal, 'platform-admin')) throw notFound('Förbundet finns inte.');
  return `T#${forbundId}` as TenantPartition;
}

/** The platform's own partition: only its administrators reach it. */
export function platformPartition(principal: Principal): PlatformPartition {
  if (!hasRole(principal, 'platform-admin')) throw forbidden();
  return 'PLATFORM' as PlatformPartition;
}
