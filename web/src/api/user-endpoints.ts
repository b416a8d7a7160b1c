import { request } from './client.ts';
import type { ItemList } from './types.ts';
import type { ForbundUser, InvitationResult, NewForbundUser } from './user-types.ts';

/** One function per user operation, so pages never build URLs by hand. */

const usersPath = (forbundId: string) => `/forbund/${encodeURIComponent(forbundId)}/users`;

export const listUsers = (forbundId: string, signal?: AbortSignal) =>
  request<ItemList<ForbundUser>>('GET', usersPath(forbundId), undefined, { signal });

/** 409 when the address already has a login anywhere on the platform. */
export const inviteUser = (forbundId: string, body: NewForbundUser) =>
  request<InvitationResult>('POST', usersPath(forbundId), body);

/** 409 for the caller's own login: nobody locks themselves out by mistake. */
export const removeUser = (forbundId: string, email: string) =>
  request<undefined>('DELETE', `${usersPath(forbundId)}/${encodeURIComponent(email)}`);
