import { hasRole, notFound, type Principal } from '@finsam/domain';
import { type TenantPartition, tenantPartition } from '@finsam/store';

/**
 * Who may manage a member's webhooks and read its events: the förbund's administrator for every
 * member, a member's representative for its own member only. Another member answers 404, as
 * another förbund does, so ids reveal nothing. Checked in the routes and again here, where the
 * key is built.
 */
export function memberPartition(principal: Principal, forbundId: string, memberId: string): TenantPartition {
  const partition = tenantPartition(principal, forbundId);
  if (hasRole(principal, 'forbund-admin', 'platform-admin')) return partition;
  if (hasRole(principal, 'member-rep') && principal.memberId === memberId) return partition;
  throw notFound('Medlemmen finns inte.');
}

/**
 * The delivery worker acts for the platform, not for a user: it reads events and subscriptions
 * of whichever förbund has work due, through the same repositories, under this principal.
 */
export const webhookSystemPrincipal: Principal = {
  subject: 'system:webhooks',
  name: 'Webhookleveransen',
  roles: ['platform-admin'],
};
