/**
 * Saving a file fetched with the session's token. A plain link cannot send the Authorization
 * header, so the portal fetches the bytes itself and hands them to the browser as a download.
 */

/** Only the last path segment: a name the server suggests never chooses a folder. */
const baseName = (name: string) => name.split(/[\\/]/).pop()?.trim() || undefined;

/** `attachment; filename="x.se"` or RFC 6266's `filename*=UTF-8''x.se` → "x.se". */
export function filenameFromDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return baseName(decodeURIComponent(extended[1]));
    } catch {
      // A broken escape falls through to the plain filename parameter.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(header);
  const name = plain?.[1] ?? plain?.[2];
  return name ? baseName(name) : undefined;
}

/** How long the object URL outlives the click; the browser has started the download by then. */
const object_url_lifetime_ms = 60_000;

export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), object_url_lifetime_ms);
}
