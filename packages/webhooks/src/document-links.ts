import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DocumentReference } from './event-payloads.ts';

/**
 * Signed, expiring links to an event's documents (the statement PDF, the SIE 4 file). A member's
 * finance system fetches them without a user token, so the link itself carries the proof: an
 * HMAC over the förbund, the document and the expiry, under a key only the platform holds. Links
 * are made when an event is sent (each retry gets a fresh expiry), never stored.
 */

/** How long a link works: a week, so a member's staff can still open it after a weekend. */
export const document_link_ttl_ms = 7 * 24 * 60 * 60_000;
/** HMAC-SHA256 keys shorter than this are refused. */
export const document_link_key_bytes_min = 32;

export interface DocumentLink {
  kind: DocumentReference['kind'];
  fileName: string;
  url: string;
  expiresAt: string;
}

export interface DocumentLinks {
  link(forbundId: string, document: DocumentReference, now: Date): DocumentLink;
}

export interface DocumentLinkOptions {
  key: Uint8Array;
  /** The public origin the links point at (the portal's domain); read late, since a local port is known late. */
  baseUrl: () => string;
  ttlMs?: number;
}

const content = (forbundId: string, documentId: string, expires: number) => `${forbundId}\n${documentId}\n${expires}`;
const mac = (key: Uint8Array, text: string) => createHmac('sha256', key).update(text).digest('base64url');

/**
 * Where links come from: the key may have to be fetched (Secrets Manager in AWS), and the origin
 * depends on the caller — the portal's public URL for a webhook, the requested origin for a pull.
 */
export interface DocumentLinkSource {
  (baseUrl: string): Promise<DocumentLinks>;
  /** Checks a link against the same key the links are signed with. */
  verify(
    link: { forbundId: string; documentId: string; expires: string; signature: string },
    now: Date,
  ): Promise<boolean>;
}

/** A source over one key, loaded once on first use; a failed load is tried again next time. */
export function documentLinkSource(loadKey: () => Promise<Uint8Array>, ttlMs?: number): DocumentLinkSource {
  let key: Promise<Uint8Array> | undefined;
  const currentKey = () => {
    key ??= loadKey().catch((error: unknown) => {
      key = undefined;
      throw error;
    });
    return key;
  };
  const source = async (baseUrl: string) =>
    createDocumentLinks({ key: await currentKey(), baseUrl: () => baseUrl, ...(ttlMs ? { ttlMs } : {}) });
  return Object.assign(source, {
    verify: async (link: Parameters<DocumentLinkSource['verify']>[0], now: Date) =>
      verifyDocumentLink(await currentKey(), link, now),
  });
}

/** Where a document is served: `/api/forbund/{forbundId}/documents/{documentId}?expires=…&signature=…`. */
export const documentPath = (forbundId: string, documentId: string) =>
  `/api/forbund/${encodeURIComponent(forbundId)}/documents/${encodeURIComponent(documentId)}`;

export function createDocumentLinks(options: DocumentLinkOptions): DocumentLinks {
  if (options.key.length < document_link_key_bytes_min) throw new Error('document link key is too short');
  const ttlMs = options.ttlMs ?? document_link_ttl_ms;
  return {
    link(forbundId, document, now) {
      const expires = Math.floor((now.getTime() + ttlMs) / 1000);
      const url = new URL(documentPath(forbundId, document.documentId), options.baseUrl());
      url.searchParams.set('expires', String(expires));
      url.searchParams.set('signature', mac(options.key, content(forbundId, document.documentId, expires)));
      return {
        kind: document.kind,
        fileName: document.fileName,
        url: url.toString(),
        expiresAt: new Date(expires * 1000).toISOString(),
      };
    },
  };
}

/** For the route that serves documents: true when the link is genuine and not expired at `now`. */
export function verifyDocumentLink(
  key: Uint8Array,
  link: { forbundId: string; documentId: string; expires: string; signature: string },
  now: Date,
): boolean {
  if (!/^\d{1,12}$/.test(link.expires)) return false;
  const expires = Number(link.expires);
  if (expires * 1000 <= now.getTime()) return false;
  const expected = Buffer.from(mac(key, content(link.forbundId, link.documentId, expires)));
  const given = Buffer.from(link.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
