import { createHmac, randomBytes } from 'node:crypto';

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): the signed content is
 * `${webhook-id}.${webhook-timestamp}.${body}`, signed with HMAC-SHA256 under the secret's bytes,
 * sent as `v1,<base64>`. Several signatures are separated by spaces, which is how a rotation's
 * overlap window works: both the new and the previous secret sign, and a receiver holding either
 * verifies.
 */
export const secret_prefix = 'whsec_';
/** 32 random bytes: the spec asks for 24 to 64; HMAC-SHA256's block-sized keys stop at 64. */
export const secret_bytes = 32;
const secret_pattern = /^whsec_[A-Za-z0-9+/]{40,88}={0,2}$/;

export function generateSecret(random: (bytes: number) => Buffer = randomBytes): string {
  return `${secret_prefix}${random(secret_bytes).toString('base64')}`;
}

export function isSecret(value: string): boolean {
  return secret_pattern.test(value);
}

function secretKey(secret: string): Buffer {
  if (!isSecret(secret)) throw new Error('not a webhook secret');
  return Buffer.from(secret.slice(secret_prefix.length), 'base64');
}

/** One `v1,<base64>` signature. `timestampSeconds` is Unix time in whole seconds. */
export function signature(secret: string, messageId: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secretKey(secret)).update(`${messageId}.${timestampSeconds}.${body}`).digest();
  return `v1,${mac.toString('base64')}`;
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** The three Standard Webhooks headers, signed by every secret given (current first). */
export function signedHeaders(secrets: readonly string[], messageId: string, at: Date, body: string): SignedHeaders {
  if (secrets.length === 0) throw new Error('a webhook needs at least one secret to sign with');
  const timestampSeconds = Math.floor(at.getTime() / 1000);
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': secrets.map((secret) => signature(secret, messageId, timestampSeconds, body)).join(' '),
  };
}
