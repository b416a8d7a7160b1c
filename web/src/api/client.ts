import { signInProvider } from '../auth/active-provider.ts';
import { renewSession } from '../auth/session-renewal.ts';
import { filenameFromDisposition } from '../download.ts';
import { type ProgressListener, readBody } from '../download-progress.ts';
import { navigate } from '../router.tsx';
import { clearSession, getSession, rememberReturnTo } from './session.ts';
import type { FieldIssue, Problem } from './types.ts';

/**
 * The one HTTP client. The API lives under /api on the portal's own origin (packages/api
 * `api_base_path`), so portal paths such as /forbund never collide with it; VITE_API_BASE lets a
 * deployment serve it from elsewhere.
 */
const apiBase: string = import.meta.env.VITE_API_BASE ?? '/api';

/** A request that has not answered in this long is abandoned; the user gets a message and can retry. */
const requestTimeoutMs = 30_000;

/** Where the login page lives; a 401 on any other call sends the user there. */
export const loginPath = '/logga-in';

/** A failed call: the API's problem document, or one made up here for network failures. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get issues(): FieldIssue[] {
    return this.problem.errors ?? [];
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** The login call answers 401 for a wrong password; that must not bounce to the login page. */
  redirectOnUnauthorized?: boolean;
  /** Sends this token instead of the session's: a Cognito sign-in asks /me before it has a session. */
  token?: string;
}

export async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}) {
  const response = await send(method, path, body, options, 'application/json, application/problem+json');
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** A file the API sends (SIE, hledger): its bytes untouched, and the name the server suggests. */
export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition; absent when the server names no file. */
  filename?: string;
}

/**
 * Fetches a file; `onProgress` hears "creating" while the server makes the document, then how
 * many bytes of it have arrived.
 */
export async function requestFile(path: string, onProgress?: ProgressListener): Promise<DownloadedFile> {
  onProgress?.({ phase: 'creating' });
  const response = await send('GET', path, undefined, {}, '*/*');
  // A Blob keeps the bytes as sent: a SIE file is CP437 and must not be decoded as text.
  const blob = await readBody(response, onProgress);
  const filename = filenameFromDisposition(response.headers.get('Content-Disposition'));
  return filename ? { blob, filename } : { blob };
}

/** Sends one call with the session's token; an answer that is not 2xx is thrown as an ApiError. */
async function send(
  method: string,
  path: string,
  body: unknown,
  options: RequestOptions,
  accept: string,
  renewed = false,
): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = options.token ?? getSession()?.token;
  if (token) headers.Authorization = `Bearer ${token}`;

  const timeout = AbortSignal.timeout(requestTimeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(apiBase + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    // The caller's own abort (a page left) is not a failure to report; a timeout or network error is.
    if (options.signal?.aborted) throw error;
    const timedOut = timeout.aborted;
    throw new ApiError({
      title: timedOut ? 'Servern svarade inte i tid.' : 'Kunde inte nå servern.',
      detail: 'Kontrollera nätverksanslutningen och försök igen.',
      status: 0,
    });
  }

  if (response.ok) return response;
  const problem = await readProblem(response);
  if (response.status === 401 && options.redirectOnUnauthorized !== false) {
    // Once per call: a token the API refuses is renewed (Cognito) and the call sent again.
    if (!renewed && (await renewSession())) return send(method, path, body, options, accept, true);
    signOut('expired');
  }
  throw new ApiError(problem);
}

async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = { title: statusTitles[response.status] ?? 'Något gick fel.', status: response.status };
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return fallback;
  try {
    const parsed = (await response.json()) as Partial<Problem>;
    return {
      ...fallback,
      ...parsed,
      title: parsed.title || fallback.title,
      status: response.status,
      errors: Array.isArray(parsed.errors) ? parsed.errors : undefined,
    };
  } catch {
    return fallback;
  }
}

const statusTitles: Record<number, string> = {
  400: 'Uppgifterna kunde inte sparas.',
  401: 'Du behöver logga in.',
  403: 'Du saknar behörighet för detta.',
  404: 'Sidan finns inte.',
  409: 'Uppgifterna har ändrats av någon annan.',
  500: 'Ett fel uppstod på servern.',
  503: 'Tjänsten är inte tillgänglig just nu.',
};

/** Why the user landed on the login page; the page shows a matching message. */
export type SignOutReason = 'expired' | 'signed-out';

/** How long signing out waits for Cognito to revoke the refresh token before going on regardless. */
const revoke_wait_ms_max = 5_000;

export async function signOut(reason: SignOutReason) {
  const here = window.location.pathname + window.location.search;
  if (reason === 'expired' && !here.startsWith(loginPath)) rememberReturnTo(here);
  const session = getSession();
  // A chosen sign-out ends the session where it was issued too, so a copied refresh token is worthless.
  if (reason === 'signed-out' && session) {
    const waited = new Promise<void>((resolve) => setTimeout(resolve, revoke_wait_ms_max));
    await Promise.race([signInProvider().revoke(session), waited]);
  }
  clearSession();
  navigate(loginPath, { replace: reason === 'expired', state: { reason } });
}
