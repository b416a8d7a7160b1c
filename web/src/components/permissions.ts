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

/** The ekonom and the förbund's administrator draft the budget and send it to samråd (routes/budget.ts). */
export const canPlanBudget = (principal: Principal | undefined) => hasAny(principal, ['ekonom', 'forbund-admin']);

/** The board adopts the budget and the årsredovisning; the förbund's administrator may record it. */
export const canDecideAsBoard = (principal: Principal | undefined) => hasAny(principal, ['styrelse', 'forbund-admin']);

/** The board, the ekonom or the förbund's administrator records how a refusal of ansvarsfrihet was resolved. */
export const canResolveDischarge = (principal: Principal | undefined) =>
  hasAny(principal, ['styrelse', 'ekonom', 'forbund-admin']);

/** The first year's ingående balanser are entered by whoever books (routes/ledger-openings.ts). */
export const canEnterOpeningBalances = (principal: Principal | undefined) =>
  hasAny(principal, ['ekonom', 'forbund-admin']);

/** Only the förbund's administrator registers the auditors (routes/closing.ts). */
export const canAppointAuditors = (principal: Principal | undefined) => hasAny(principal, ['forbund-admin']);

/** A member representative answers and decides for its own member only. */
export const isMemberRep = (principal: Principal | undefined) =>
  hasAny(principal, ['member-rep']) && principal?.memberId !== undefined;

/** Nationella rådet and the platform see every förbund's published aggregates, nothing else. */
export const canReadNational = (principal: Principal | undefined) => hasAny(principal, ['national', 'platform-admin']);

/** The förbund's administrator manages every member's webhooks; a representative only its own (routes/webhooks). */
export const canManageAllIntegrations = (principal: Principal | undefined) => hasAny(principal, ['forbund-admin']);

/** The platform and the förbund's administrator invite the förbund's people and remove them (routes/users.ts). */
export const canManageUsers = (principal: Principal | undefined) =>
  hasAny(principal, ['platform-admin', 'forbund-admin']);

/** The platform's own tools: creating förbund, and locally the simulation and the virtual clock. */
export const isPlatformAdmin = (principal: Principal | undefined) => hasAny(principal, ['platform-admin']);
