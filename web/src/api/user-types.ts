import type { Role } from './types.ts';

/**
 * The förbund's people as the API sends them (packages/api routes/users.ts). Platform
 * administrators and Nationella rådet work across all förbund, so no förbund hands out those roles.
 */
export const forbundRoles = ['forbund-admin', 'ekonom', 'styrelse', 'revisor', 'member-rep'] as const;
export type ForbundRole = (typeof forbundRoles)[number];

export interface ForbundUser {
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

export interface NewForbundUser {
  email: string;
  name: string;
  roles: ForbundRole[];
  /** Required exactly when `roles` holds member-rep. */
  memberId?: string;
}

/**
 * How the invited person gets the temporary password: Cognito emails it in AWS; the local
 * runtime sends no mail and hands it back once, for the inviter to pass on.
 */
export type InvitationResult =
  | { user: ForbundUser; delivery: 'email' }
  | { user: ForbundUser; delivery: 'response'; temporaryPassword: string };
