import type { Principal } from '../api/types.ts';

/**
 * What the portal offers to whom. The API decides (packages/api: PUT charter needs forbund-admin
 * or platform-admin); this only hides actions the user would be refused.
 */
export const canEditCharter = (principal: Principal | undefined) =>
  principal?.roles.some((role) => role === 'forbund-admin' || role === 'platform-admin') ?? false;
