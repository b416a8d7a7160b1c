import type { Principal, Role } from '../api/types.ts';

/**
 * What the portal offers to whom. The API decides (packages/api: PUT charter needs forbund-admin
 * or platform-admin; ledger-schemas.ts names the ledger's readers and writers); this only hides
 * actions the user would be refused.
 */
const hasAny = (principal: Principal | undefined, roles: readonly Role[]) =>
  principal?.roles.some((role) => roles.includes(role)) ?? false;

export const canEditCharter = (principal: Principal | undefined) =>
  hasAny(principal, ['forbund-admin', 'platform-admin']);

/** Everybody in the förbund but member representatives reads the ledger. */
export const canReadLedger = (principal: Principal | undefined) =>
  hasAny(principal, ['ekonom', 'forbund-admin', 'revisor', 'styrelse', 'platform-admin']);

/** The ekonom and the förbund's administrator book and correct vouchers. */
export const canBook = (principal: Principal | undefined) => hasAny(principal, ['ekonom', 'forbund-admin']);

/** Only the ekonom locks periods: a lock can never be lifted. */
export const canLockPeriods = (principal: Principal | undefined) => hasAny(principal, ['ekonom']);
