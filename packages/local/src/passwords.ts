import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt parameters: Node's defaults (N=16384, r=8, p=1), 64-byte key, 16-byte salt. */
const key_bytes = 64;
const salt_bytes = 16;

/**
 * scrypt on libuv's thread pool. The synchronous form held the event loop for each sign-in
 * (tens of milliseconds of CPU), so every tenant's requests waited behind each password check.
 */
const scryptAsync = (password: string, salt: Buffer, length: number, options: ScryptOptions = {}) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(salt_bytes);
  return `scrypt$${salt.toString('base64')}$${(await scryptAsync(password, salt, key_bytes)).toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  if (expected.length === 0) return false;
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}
