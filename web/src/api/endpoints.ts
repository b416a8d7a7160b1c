import { request } from './client.ts';
import type {
  CharterUpdate,
  CharterVersion,
  Contributions,
  Forbund,
  ForbundCreate,
  ItemList,
  LoginResponse,
  Member,
  Principal,
} from './types.ts';

/** One function per API operation, so pages never build URLs by hand. */

const forbundPath = (forbundId: string) => `/forbund/${encodeURIComponent(forbundId)}`;

/** The API's page size limit; one page is then all förbund in Sweden (about 83). */
export const pageItemsMax = 100;

const pageQuery = (cursor: string | undefined) =>
  `?limit=${pageItemsMax}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;

export const login = (username: string, password: string) =>
  request<LoginResponse>('POST', '/auth/login', { username, password }, { redirectOnUnauthorized: false });

export const getMe = (signal?: AbortSignal) => request<Principal>('GET', '/me', undefined, { signal });

/** Who a token just issued by Cognito belongs to, before it becomes the session's. */
export const getMeAs = (token: string) =>
  request<Principal>('GET', '/me', undefined, { token, redirectOnUnauthorized: false });

export const listForbund = (cursor: string | undefined, signal?: AbortSignal) =>
  request<ItemList<Forbund>>('GET', `/forbund${pageQuery(cursor)}`, undefined, { signal });

export const createForbund = (body: ForbundCreate) => request<Forbund>('POST', '/forbund', body);

export const getForbund = (forbundId: string, signal?: AbortSignal) =>
  request<Forbund>('GET', forbundPath(forbundId), undefined, { signal });

export const listMembers = (forbundId: string, signal?: AbortSignal) =>
  request<ItemList<Member>>('GET', `${forbundPath(forbundId)}/members`, undefined, { signal });

export const getCharter = (forbundId: string, signal?: AbortSignal) =>
  request<CharterVersion>('GET', `${forbundPath(forbundId)}/charter`, undefined, { signal });

export const listCharterVersions = (forbundId: string, cursor: string | undefined, signal?: AbortSignal) =>
  request<ItemList<CharterVersion>>(
    'GET',
    `${forbundPath(forbundId)}/charter/versions${pageQuery(cursor)}`,
    undefined,
    {
      signal,
    },
  );

export const putCharter = (forbundId: string, body: CharterUpdate) =>
  request<CharterVersion>('PUT', `${forbundPath(forbundId)}/charter`, body);

/**
 * `frame` is a decimal string with two places, e.g. "4000000.00". It is left out under the
 * own-amounts model, where each member's part is its own amount.
 */
export const getContributions = (forbundId: string, frame: string | undefined, signal?: AbortSignal) =>
  request<Contributions>(
    'GET',
    `${forbundPath(forbundId)}/contributions${frame === undefined ? '' : `?frame=${encodeURIComponent(frame)}`}`,
    undefined,
    { signal },
  );

/** Medlemsbidrag for a frame by the förbundsordning in force on `date` (a budget year's 1 January). */
export const getContributionsOn = (forbundId: string, frame: string, date: string, signal?: AbortSignal) =>
  request<Contributions>(
    'GET',
    `${forbundPath(forbundId)}/contributions?${new URLSearchParams({ frame, date })}`,
    undefined,
    { signal },
  );
