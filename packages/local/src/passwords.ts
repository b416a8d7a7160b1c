import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** scrypt parameters: Node's defaults (N=16384, r=8, p=1), 64-byte key, 16-byte salt. */
const key_bytes = 64;
const salt_bytes = 16;

export function hashPassword(password: string): string {
  const salt = randomBytes(salt_bytes);
  return `scrypt$${salt.toString('base64')}$${scryptSync(password, salt, key_bytes).toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(password, Buffer.from(salt, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}
