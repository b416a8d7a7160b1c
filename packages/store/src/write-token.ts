import { randomUUID } from 'node:crypto';

/**
 * Idempotent writes under client retry. In AWS a conditional write can commit on the server while
 * its response is lost (a timeout, a dropped connection); the SDK then sends the same request
 * again, and the retry fails its own condition: the item it meets is the one the first attempt
 * wrote. Every conditional write therefore stores a write token, a random id made once per
 * logical operation before the first attempt, and a failed condition is read back: an item that
 * carries our token is our own earlier success, not a lost race.
 */
export const write_token_attribute = 'writeToken';

export const newWriteToken = (): string => randomUUID();

/** The token as the SDK returns it in a failed condition's `Item` (ALL_OLD, not unmarshalled). */
export function rawToken(rawItem: unknown): string | undefined {
  const attribute = (rawItem as Record<string, { S?: unknown }> | undefined)?.[write_token_attribute];
  return typeof attribute?.S === 'string' ? attribute.S : undefined;
}

/** How many attempts the SDK made; one means no earlier attempt could have written anything. */
export function sdkAttempts(error: unknown): number {
  const attempts = (error as { $metadata?: { attempts?: unknown } } | undefined)?.$metadata?.attempts;
  return typeof attempts === 'number' ? attempts : 1;
}

const token_name = '#writeToken';
export const token_value = ':writeToken';

/**
 * Adds `writeToken = :writeToken` to an update expression: into its SET clause when it has one
 * (DynamoDB allows each clause once), otherwise as a SET clause of its own.
 */
export function withTokenAssignment(expression: string): string {
  // The keyword stands at the start or after white space, so a name like `#set` is not taken for it.
  const set = /(^|\s)SET\s/i.exec(expression);
  if (!set) return `SET ${token_name} = ${token_value} ${expression}`;
  const at = set.index + set[0].length;
  return `${expression.slice(0, at)}${token_name} = ${token_value}, ${expression.slice(at)}`;
}

export const tokenNames = { [token_name]: write_token_attribute } as const;
