import type { Principal } from '@finsam/domain';
import { type TenantPartition, tenantPartition } from '@finsam/store';

/**
 * The annual cycle acts inside one förbund at a time, as that förbund's bookkeeper: it can reach
 * only that tenant, like any user of it, and never another.
 */
export function cyclePrincipal(forbundId: string): Principal {
  return { subject: 'arscykeln', name: 'Årscykeln', roles: ['ekonom'], forbundId };
}

export function cyclePartition(forbundId: string): TenantPartition {
  return tenantPartition(cyclePrincipal(forbundId), forbundId);
}
