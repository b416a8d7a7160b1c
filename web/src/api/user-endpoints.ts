import { request } from './client.ts';
import type { ItemList } from './types.ts';
import type { InvitationResult, InvitedUser, NewUser } from './user-types.ts';

/** One function per user operation, so pages never build URLs by hand. */

/** Whose people: one förbund's, or the platform's own (its administrators and Nationella rådet). */
export type UserScope = { kind: 'forbund'; forbundId: string } | { kind: 'platform' };

export const forbundScope = (forbundId: string): UserScope => ({ kind: 'forbund', forbundId });
export const platformScope: UserScope = { kind: 'platform' };

/** A key for useApi, so two scopes never share a cached list. */
export const scopeKey = (scope: UserScope) => (scope.kind === 'platform' ? 'platform' : `forbund:${scope.forbundId}`);

const usersPath = (scope: UserScope) =>
  scope.kind === 'platform' ? '/platform/users' : `/forbund/${encodeURIComponent(scope.forbundId)}/users`;

export const listUsers = (scope: UserScope, signal?: AbortSignal) =>
  request<ItemList<InvitedUser>>('GET', usersPath(scope), undefined, { signal });

/** 409 when the address already has a login anywhere on the platform. */
export const inviteUser = (scope: UserScope, body: NewUser) =>
  request<InvitationResult>('POST', usersPath(scope), body);

/** 409 for the caller's own login: nobody locks themselves out by mistake. */
export const removeUser = (scope: UserScope, email: string) =>
  request<undefined>('DELETE', `${usersPath(scope)}/${encodeURIComponent(email)}`);
