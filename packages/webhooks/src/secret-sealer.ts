import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * Members' webhook signing secrets are envelope-encrypted (issue 11): each secret is encrypted
 * with AES-256-GCM under a data key of its own, and only the data key's encrypted form is stored
 * beside it. Who encrypts data keys is the one thing that differs between the runtimes: KMS in
 * AWS (kms-key-provider.ts), a key file under `.data/` locally (`localKeyProvider`). So the table,
 * its stream and its backups never hold a secret a reader of them could sign with.
 *
 * The ciphertext is bound to its subscription (AES-GCM's additional data and KMS's encryption
 * context name the förbund, the member and the subscription), so a sealed secret copied into
 * another item does not open there.
 */

const aes = 'aes-256-gcm';
const data_key_bytes = 32;
const iv_bytes = 12;
const tag_bytes = 16;
/** Opened data keys kept per process, so a delivery worker asks KMS once per secret, not per attempt. */
const data_key_cache_entries_max = 1_000;

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

export const sealedSecretSchema = z.object({
  /** The data key, encrypted by the key provider (a KMS ciphertext blob, or AES-GCM locally). */
  encryptedKey: base64.max(1_024),
  iv: base64.max(24),
  tag: base64.max(24),
  ciphertext: base64.max(200),
});
export type SealedSecret = z.infer<typeof sealedSecretSchema>;

/** The subscription a secret belongs to; it is authenticated with the ciphertext. */
export interface SecretOwner {
  forbundId: string;
  memberId: string;
  subscriptionId: string;
}

export interface SecretSealer {
  seal(secret: string, owner: SecretOwner): Promise<SealedSecret>;
  open(sealed: SealedSecret, owner: SecretOwner): Promise<string>;
}

/** Makes and opens data keys; `context` must be given unchanged to open what was made with it. */
export interface DataKeyProvider {
  generate(context: Record<string, string>): Promise<{ plaintext: Uint8Array; encrypted: Uint8Array }>;
  decrypt(encrypted: Uint8Array, context: Record<string, string>): Promise<Uint8Array>;
}

const contextOf = (owner: SecretOwner): Record<string, string> => ({
  purpose: 'finsam-webhook-secret',
  forbundId: owner.forbundId,
  memberId: owner.memberId,
  subscriptionId: owner.subscriptionId,
});
const additionalData = (context: Record<string, string>) =>
  Buffer.from(
    Object.entries(context)
      .map(([name, value]) => `${name}=${value}`)
      .join('\n'),
    'utf8',
  );

function encrypt(key: Uint8Array, plaintext: Uint8Array, aad: Buffer) {
  const iv = randomBytes(iv_bytes);
  const cipher = createCipheriv(aes, key, iv).setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

function decrypt(key: Uint8Array, parts: { iv: Uint8Array; tag: Uint8Array; ciphertext: Uint8Array }, aad: Buffer) {
  const decipher = createDecipheriv(aes, key, parts.iv).setAAD(aad);
  decipher.setAuthTag(parts.tag);
  return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]);
}

/** The envelope, the same in both runtimes: a data key per secret, AES-256-GCM, bound to its owner. */
export function envelopeSealer(provider: DataKeyProvider): SecretSealer {
  const openedKeys = new Map<string, Promise<Uint8Array>>();
  const dataKey = (encryptedKey: string, context: Record<string, string>) => {
    const id = `${encryptedKey}|${additionalData(context).toString('base64')}`;
    let key = openedKeys.get(id);
    if (!key) {
      key = provider.decrypt(Buffer.from(encryptedKey, 'base64'), context).catch((error: unknown) => {
        openedKeys.delete(id);
        throw error;
      });
      openedKeys.set(id, key);
      if (openedKeys.size > data_key_cache_entries_max) openedKeys.delete(openedKeys.keys().next().value as string);
    }
    return key;
  };
  return {
    async seal(secret, owner) {
      const context = contextOf(owner);
      const { plaintext, encrypted } = await provider.generate(context);
      const sealed = encrypt(plaintext, Buffer.from(secret, 'utf8'), additionalData(context));
      return {
        encryptedKey: Buffer.from(encrypted).toString('base64'),
        iv: sealed.iv.toString('base64'),
        tag: sealed.tag.toString('base64'),
        ciphertext: sealed.ciphertext.toString('base64'),
      };
    },
    async open(sealed, owner) {
      const context = contextOf(owner);
      const key = await dataKey(sealed.encryptedKey, context);
      const parts = {
        iv: Buffer.from(sealed.iv, 'base64'),
        tag: Buffer.from(sealed.tag, 'base64'),
        ciphertext: Buffer.from(sealed.ciphertext, 'base64'),
      };
      return decrypt(key, parts, additionalData(context)).toString('utf8');
    },
  };
}

/**
 * Data keys wrapped locally with AES-256-GCM under a 32-byte master key (the local runtime's key
 * file under `.data/`): what KMS does in AWS, so the local table holds no plaintext either.
 */
export function localKeyProvider(loadMasterKey: () => Promise<Uint8Array>): DataKeyProvider {
  let master: Promise<Uint8Array> | undefined;
  const masterKey = async () => {
    master ??= loadMasterKey().then((key) => {
      if (key.length !== data_key_bytes) throw new Error('the webhook secret key must be 32 bytes');
      return key;
    });
    return master;
  };
  return {
    async generate(context) {
      const plaintext = randomBytes(data_key_bytes);
      const wrapped = encrypt(await masterKey(), plaintext, additionalData(context));
      return { plaintext, encrypted: Buffer.concat([wrapped.iv, wrapped.tag, wrapped.ciphertext]) };
    },
    async decrypt(encrypted, context) {
      const bytes = Buffer.from(encrypted);
      const parts = {
        iv: bytes.subarray(0, iv_bytes),
        tag: bytes.subarray(iv_bytes, iv_bytes + tag_bytes),
        ciphertext: bytes.subarray(iv_bytes + tag_bytes),
      };
      return decrypt(await masterKey(), parts, additionalData(context));
    },
  };
}
