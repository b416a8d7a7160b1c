import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { envelopeSealer, localKeyProvider, type SecretSealer } from '@finsam/webhooks';

/** AES-256: the local master key of webhook signing secrets, as KMS holds it in AWS. */
const key_bytes = 32;

/**
 * The local runtime's webhook-secret key: 32 random bytes in a file under the data directory,
 * made on first use and readable by its owner only (0600). Losing it makes the stored secrets
 * unopenable, as losing the KMS key would in AWS: members then rotate their secrets.
 */
export async function loadOrCreateKeyFile(path: string): Promise<Uint8Array> {
  try {
    // 'wx': never overwrite a key another process has just made.
    await writeFile(path, randomBytes(key_bytes), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = await readFile(path);
  if (key.length !== key_bytes) throw new Error(`${path} is not a ${key_bytes}-byte key`);
  return new Uint8Array(key);
}

/** The sealer over the key file; in memory (no data directory) a key that lives as long as the process. */
export function localSecretSealer(keyFile: string | undefined): SecretSealer {
  const memoryKey = randomBytes(key_bytes);
  return envelopeSealer(
    localKeyProvider(async () => (keyFile ? loadOrCreateKeyFile(keyFile) : new Uint8Array(memoryKey))),
  );
}
