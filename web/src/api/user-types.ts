import type { Role } from './types.ts';

/**
 * The people who may sign in, as the API sends them (packages/api routes/users.ts): a förbund's
 * own, and the platform's. Platform administrators and Nationella rådet work across all förbund,
 * so no förbund hands out those roles; only the platform does.
 */
export const forbundRoles = ['forbund-admin', 'ekonom', 'styrelse', 'revisor', 'member-rep'] as const;
export type ForbundRole = (typeof forbundRoles)[number];

/** The roles the platform hands out to its own people (packages/domain invitation.ts, platformRoles). */
export const platformRoles = ['platform-admin', 'national'] as const;
export type PlatformRole = (typeof platformRoles)[number];

/** A role an invitation can carry; which of them a form offers depends on whose people it is. */
export type InvitableRole = ForbundRole | PlatformRole;

export interface InvitedUser {
  /** The login: Cognito's pool signs in by email, and so does the local directory. */
  email: string;
  name: string;
  roles: Role[];
  /** The member a member representative acts for. */
  memberId?: string;
  invitedAt: string;
  /** The name of who invited. */
  invitedBy: string;
}

export interface NewUser {
  email: string;
  name: string;
  /** A förbund takes only ForbundRole, the platform only PlatformRole; the API refuses the others (400). */
  roles: InvitableRole[];
  /** Required exactly when `roles` holds member-rep. */
  memberId?: string;
}

/**
 * How the invited person gets the temporary password: Cognito emails it in AWS; the local
 * runtime sends no mail and hands it back once, for the inviter to pass on.
 */
export type InvitationResult =
  | { user: InvitedUser; delivery: 'email' }
  | { user: InvitedUser; delivery: 'response'; temporaryPassword: string };
