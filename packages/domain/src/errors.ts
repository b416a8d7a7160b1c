/**
 * The one error type. The domain says what kind of failure it is; the API turns the kind into an
 * HTTP status and an RFC 9457 problem document.
 */
export type FailureKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'locked'
  /** A service we depend on refused for now (a rate or quota); the same request may work later. */
  | 'throttled'
  /** A service we depend on failed to do its part (e.g. mail not delivered); nothing was kept. */
  | 'upstream';

export interface FieldIssue {
  /** Dotted path of the field in the request, e.g. "members.2.organisationsnummer". */
  field: string;
  message: string;
}

export class FinsamError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'FinsamError';
  }
}

export const invalid = (message: string, issues: FieldIssue[] = []) => new FinsamError('invalid', message, issues);
export const notFound = (message = 'Resursen finns inte.') => new FinsamError('not-found', message);
export const conflict = (message: string) => new FinsamError('conflict', message);
export const forbidden = (message = 'Du saknar behörighet för detta.') => new FinsamError('forbidden', message);

/** Invariant check (TIGER_STYLE): a broken invariant is a bug, never user input. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`invariant broken: ${message}`);
}
