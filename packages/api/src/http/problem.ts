import type { FailureKind, FieldIssue } from '@finsam/domain';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

/** RFC 9457 problem details; every error the API gives has this shape. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Field-level issues: `field` is the dotted path in the request, e.g. "members.2.organisationsnummer". */
  errors?: FieldIssue[];
}

export const statusOfKind: Record<FailureKind, ContentfulStatusCode> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  locked: 409,
  throttled: 429,
  upstream: 502,
};

const titles: Record<number, string> = {
  400: 'Ogiltig begäran',
  401: 'Inloggning krävs',
  403: 'Behörighet saknas',
  404: 'Finns inte',
  405: 'Metoden stöds inte',
  409: 'Konflikt',
  413: 'Begäran är för stor',
  415: 'Innehållstypen stöds inte',
  429: 'För många begäranden',
  500: 'Internt fel',
  502: 'En tjänst vi använder svarade med fel',
};

const slugs: Record<number, string> = {
  400: 'invalid-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
  500: 'internal-error',
  502: 'bad-gateway',
};

/** Limits of an error reply: at most this many field issues, each field and message cut to length. */
export const error_items_max = 50;
const error_field_chars_max = 200;
const error_message_chars_max = 500;

const capped = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function problemResponse(
  c: Context,
  status: ContentfulStatusCode,
  detail?: string,
  errors?: FieldIssue[],
): Response {
  // Capped, so that a request with thousands of bad items cannot make a reply many times its size.
  const shown = (errors ?? []).slice(0, error_items_max).map((issue) => ({
    field: capped(issue.field, error_field_chars_max),
    message: capped(issue.message, error_message_chars_max),
  }));
  const hidden = (errors?.length ?? 0) - shown.length;
  const summary =
    hidden > 0 ? `${detail ?? ''} De första ${shown.length} av ${errors!.length} fel visas.`.trim() : detail;
  const problem: Problem = {
    type: `urn:finsam:problem:${slugs[status] ?? 'error'}`,
    title: titles[status] ?? 'Fel',
    status,
    ...(summary ? { detail: capped(summary, error_message_chars_max) } : {}),
    instance: capped(c.req.path, error_field_chars_max),
    ...(shown.length > 0 ? { errors: shown } : {}),
  };
  return c.body(JSON.stringify(problem), status, { 'content-type': 'application/problem+json; charset=utf-8' });
}

/** Zod issues as field issues; `location` names where the input came from when it is not the body. */
export function fieldIssues(error: z.ZodError, location: string): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const field = location === 'json' ? path || 'body' : [location, path].filter(Boolean).join('.');
    return { field, message: swedishMessage(issue) };
  });
}

/** Zod's own messages are English; the built-in issue kinds get Swedish text here. */
function swedishMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Fältet saknas.' : `Fel typ: väntade ${issue.expected}.`;
    case 'too_small':
      return issue.origin === 'string'
        ? `För kort: minst ${issue.minimum} tecken.`
        : issue.origin === 'array'
          ? `För få: minst ${issue.minimum}.`
          : `För litet: minst ${issue.minimum}.`;
    case 'too_big':
      return issue.origin === 'string'
        ? `För långt: högst ${issue.maximum} tecken.`
        : issue.origin === 'array'
          ? `För många: högst ${issue.maximum}.`
          : `För stort: högst ${issue.maximum}.`;
    case 'invalid_value':
      return `Ogiltigt värde. Tillåtna: ${issue.values.map(String).join(', ')}.`;
    case 'unrecognized_keys':
      return `Okända fält: ${issue.keys.join(', ')}.`;
    case 'invalid_format':
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : 'Ogiltigt format.';
    default:
      return issue.message;
  }
}
