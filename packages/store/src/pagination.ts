import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { invalid } from '@finsam/domain';

/** The most items one page returns; callers may ask for fewer, never more. */
export const page_items_max = 100;
/** A cursor longer than this is refused before any decoding; real ones are a few hundred bytes. */
export const cursor_chars_max = 2048;

export interface Page<T> {
  items: T[];
  /** Opaque; pass back as `cursor` for the next page. Absent on the last page. */
  nextCursor?: string | undefined;
}

/**
 * Which list a cursor belongs to: the partition queried (so a cursor cannot cross tenants), the
 * index and the sort-key prefix (so a cursor from one list is refused by another).
 */
export interface CursorScope {
  partition: { name: string; value: string };
  index?: string | undefined;
  prefix?: string | undefined;
}

const cursor_version = 'c1';
const cursor_key_label = 'finsam pagination cursor v1';
const iv_bytes = 12;
const tag_bytes = 16;

/**
 * Derives the cursor key from existing key material with HKDF and a label of its own, so the
 * cursor key is never the same bytes as the document-link key it comes from.
 */
export function deriveCursorKey(secret: Uint8Array): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secret, new Uint8Array(0), cursor_key_label, 32));
}

/**
 * Cursors are the last evaluated key sealed with AES-256-GCM: opaque (no key names or values
 * visible) and tamper-evident, with the list's scope as associated data so that a cursor from
 * another tenant or list fails authentication. Any failure is the same 400 on `field`.
 */
export class CursorCodec {
  private key: Promise<Uint8Array> | undefined;

  constructor(private readonly loadKey: () => Promise<Uint8Array>) {}

  private keyBytes(): Promise<Uint8Array> {
    this.key ??= this.loadKey().then(deriveCursorKey);
    return this.key;
  }

  async seal(lastKey: Record<string, unknown>, scope: CursorScope): Promise<string> {
    const iv = randomBytes(iv_bytes);
    const cipher = createCipheriv('aes-256-gcm', await this.keyBytes(), iv);
    cipher.setAAD(scopeBytes(scope));
    const body = Buffer.concat([cipher.update(JSON.stringify(lastKey), 'utf8'), cipher.final()]);
    return `${cursor_version}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
  }

  async open(cursor: string, scope: CursorScope, field = 'query.cursor'): Promise<Record<string, string>> {
    const refuse = () => invalid('Ogiltig sidmarkör.', [{ field, message: 'Sidmarkören är ogiltig.' }]);
    if (cursor.length > cursor_chars_max || !cursor.startsWith(`${cursor_version}.`)) throw refuse();
    const encoded = cursor.slice(cursor_version.length + 1);
    if (!/^[A-Za-z0-9_-]+$/.test(encoded)) throw refuse();
    const raw = Buffer.from(encoded, 'base64url');
    if (raw.length <= iv_bytes + tag_bytes) throw refuse();
    let decoded: unknown;
    try {
      const decipher = createDecipheriv('aes-256-gcm', await this.keyBytes(), raw.subarray(0, iv_bytes));
      decipher.setAAD(scopeBytes(scope));
      decipher.setAuthTag(raw.subarray(raw.length - tag_bytes));
      const plain = Buffer.concat([decipher.update(raw.subarray(iv_bytes, raw.length - tag_bytes)), decipher.final()]);
      decoded = JSON.parse(plain.toString('utf8'));
    } catch {
      throw refuse();
    }
    // Authenticated, so we made it; checked again anyway, since a key is only as good as its shape.
    if (typeof decoded !== 'object' || decoded === null || Array.isArray(decoded)) throw refuse();
    const key = decoded as Record<string, unknown>;
    if (key[scope.partition.name] !== scope.partition.value) throw refuse();
    for (const value of Object.values(key)) if (typeof value !== 'string') throw refuse();
    return key as Record<string, string>;
  }
}

function scopeBytes(scope: CursorScope): Buffer {
  return Buffer.from(
    JSON.stringify([scope.partition.name, scope.partition.value, scope.index ?? '', scope.prefix ?? '']),
    'utf8',
  );
}

/** A key made at start for a table without configured key material: cursors die with the process. */
export function processCursorKey(): () => Promise<Uint8Array> {
  const key = randomBytes(32);
  return async () => key;
}
