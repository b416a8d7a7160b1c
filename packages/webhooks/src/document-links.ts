import { createHmac, timingSafeEqual } from 'node:crypto';
import { memberMayOpen } from './document-access.ts';
import type { DocumentReference } from './event-payloads.ts';

/**
 * Signed, expiring links to an event's documents (the statement PDF, the årsredovisning). A
 * member's finance system fetches them without a user token, so the link itself carries the
 * proof: an HMAC over the förbund, the member it was made for, the document and the expiry,
 * under a key only the platform holds. Links are made when an event is sent (each retry gets a
 * fresh expiry), never stored.
 *
 * One clock signs and checks: the source's. An expiry written on one clock and judged on another
 * (the local runtime's virtual business clock against real time) opens links for a year or
 * closes them at once.
 */

/** How long a link works: a week, so a member's staff can still open it after a weekend. */
export const document_link_ttl_ms = 7 * 24 * 60 * 60_000;
/** HMAC-SHA256 keys shorter than this are refused. */
export const document_link_key_bytes_min = 32;
/** Version of the signed content; links of an earlier layout never verify. */
const link_version = 'v2';

export interface DocumentLink {
  kind: DocumentReference['kind'];
  fileName: string;
  url: string;
  expiresAt: string;
}

/** What a link's query and path carry, as the route reads them. */
export interface SignedDocumentLink {
  forbundId: string;
  memberId: string;
  documentId: string;
  expires: string;
  signature: string;
}

export interface DocumentLinks {
  /** A link for `memberId` to one document; undefined when that member may not open it. */
  link(forbundId: string, memberId: string, document: DocumentReference): DocumentLink | undefined;
}

export interface DocumentLinkOptions {
  key: Uint8Array;
  /** The portal's public origin the links point at; read late, since a local port is known late. */
  baseUrl: () => string;
  /** The clock expiries are written by; `verifyDocumentLink` must be given the same one. */
  now: () => Date;
  ttlMs?: number;
}

const content = (link: Omit<SignedDocumentLink, 'signature' | 'expires'>, expires: number) =>
  `${link_version}\n${link.forbundId}\n${link.memberId}\n${link.documentId}\n${expires}`;
const mac = (key: Uint8Array, text: string) => createHmac('sha256', key).update(text).digest('base64url');

/**
 * Where links come from: the key may have to be fetched (Secrets Manager in AWS). The API's pull
 * route and the delivery worker share one source per process, so both sign on its clock.
 */
export interface DocumentLinkSource {
  (baseUrl: string): Promise<DocumentLinks>;
  /** True when the link is genuine and not expired, on the clock the links are signed by. */
  verify(link: SignedDocumentLink): Promise<boolean>;
}

export interface DocumentLinkSourceOptions {
  /** Loaded once on first use; a failed load is tried again next time. */
  loadKey: () => Promise<Uint8Array>;
  /** Real time in AWS; locally the clock sign-ins expire by (real time unless a test moves it). */
  now: () => Date;
  ttlMs?: number;
}

export function documentLinkSource(options: DocumentLinkSourceOptions): DocumentLinkSource {
  let key: Promise<Uint8Array> | undefined;
  const currentKey = () => {
    key ??= options.loadKey().catch((error: unknown) => {
      key = undefined;
      throw error;
    });
    return key;
  };
  const source = async (baseUrl: string) =>
    createDocumentLinks({
      key: await currentKey(),
      baseUrl: () => baseUrl,
      now: options.now,
      ...(options.ttlMs ? { ttlMs: options.ttlMs } : {}),
    });
  return Object.assign(source, {
    verify: async (link: SignedDocumentLink) => verifyDocumentLink(await currentKey(), link, options.now()),
  });
}

/** Where a document is served: `/api/forbund/{forbundId}/documents/{documentId}?member=…&expires=…&signature=…`. */
export const documentPath = (forbundId: string, documentId: string) =>
  `/api/forbund/${encodeURIComponent(forbundId)}/documents/${encodeURIComponent(documentId)}`;

export function createDocumentLinks(options: DocumentLinkOptions): DocumentLinks {
  if (options.key.length < document_link_key_bytes_min) throw new Error('document link key is too short');
  const ttlMs = options.ttlMs ?? document_link_ttl_ms;
  return {
    link(forbundId, memberId, document) {
      if (!memberMayOpen(document.documentId, memberId)) return undefined;
      const expires = Math.floor((options.now().getTime() + ttlMs) / 1000);
      const url = new URL(documentPath(forbundId, document.documentId), options.baseUrl());
      url.searchParams.set('member', memberId);
      url.searchParams.set('expires', String(expires));
      url.searchParams.set(
        'signature',
        signDocumentLink(options.key, { forbundId, memberId, documentId: document.documentId }, expires),
      );
      return {
        kind: document.kind,
        fileName: document.fileName,
        url: url.toString(),
        expiresAt: new Date(expires * 1000).toISOString(),
      };
    },
  };
}

/**
 * The signature alone, for any document: who may open what is decided by `memberMayOpen`, in
 * `createDocumentLinks` and again by the route. Tests use it to make genuine links to documents
 * a member may not open.
 */
export function signDocumentLink(
  key: Uint8Array,
  link: Pick<SignedDocumentLink, 'forbundId' | 'memberId' | 'documentId'>,
  expiresSeconds: number,
): string {
  return mac(key, content(link, expiresSeconds));
}

/** The signature check alone: true when the link is genuine and not expired at `now`. */
export function verifyDocumentLink(key: Uint8Array, link: SignedDocumentLink, now: Date): boolean {
  if (!/^\d{1,12}$/.test(link.expires)) return false;
  const expires = Number(link.expires);
  if (expires * 1000 <= now.getTime()) return false;
  const expected = Buffer.from(mac(key, content(link, expires)));
  const given = Buffer.from(link.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
