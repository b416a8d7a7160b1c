import type { Context } from 'hono';

/** The plain filename= form for clients that ignore filename*: å, ä, ö become a, a, o. */
const asciiFileName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replaceAll('"', '');

/**
 * A file download: the bytes, their type, and a Content-Disposition that names the file both
 * plainly and in UTF-8 (RFC 6266), so a Swedish file name survives in every browser. Documents
 * are private to their förbund, so nothing on the way may cache them.
 */
export function attachment(c: Context, bytes: Uint8Array, contentType: string, fileName: string) {
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'cache-control': 'private, no-store',
  });
}
