/**
 * How far a file download has come. A report is made on the server before the first byte is
 * sent (a PDF of the årsredovisning takes a moment), so a download has two phases: "creating"
 * until the response headers arrive, then "fetching" while the body streams in.
 */
export type DownloadProgress =
  | { phase: 'creating' }
  | {
      phase: 'fetching';
      receivedBytes: number;
      /** From Content-Length; absent when the server sends none (then the bar is indeterminate). */
      totalBytes?: number;
    };

export type ProgressListener = (progress: DownloadProgress) => void;

/**
 * No document the API makes comes near this; a body that does is a fault, not a file to keep
 * in the tab's memory. (The 100 000-voucher SIE file of the ledger benchmark is about 15 MB.)
 */
export const download_bytes_max = 256 * 1024 * 1024;

/** A Content-Length header as a byte count; anything but a whole, positive number is "unknown". */
export function contentLength(header: string | null): number | undefined {
  if (header === null || !/^\s*\d+\s*$/.test(header)) return undefined;
  const bytes = Number(header);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/**
 * Whole percent received, or undefined while the total is unknown. Capped at 100: a body sent
 * compressed has a Content-Length smaller than the bytes the reader hands over.
 */
export function percentOf(progress: DownloadProgress): number | undefined {
  if (progress.phase !== 'fetching' || progress.totalBytes === undefined) return undefined;
  return Math.min(100, Math.floor((progress.receivedBytes / progress.totalBytes) * 100));
}

/** The line under the buttons, e.g. "Skapar resultaträkningen 2026 som PDF…" or "Hämtar … 45 %". */
export function progressText(label: string, progress: DownloadProgress): string {
  if (progress.phase === 'creating') return `Skapar ${label}…`;
  const percent = percentOf(progress);
  return percent === undefined ? `Hämtar ${label}…` : `Hämtar ${label}… ${percent} %`;
}

/**
 * Reads a response's body to a Blob, telling `onProgress` each time the whole percent changes
 * (once, at the start, when the total is unknown), so a page re-renders at most about a hundred
 * times however many chunks arrive. The bytes are kept exactly as sent: a SIE file is CP437.
 */
export async function readBody(response: Response, onProgress?: ProgressListener): Promise<Blob> {
  const type = response.headers.get('Content-Type') ?? '';
  const totalBytes = contentLength(response.headers.get('Content-Length'));
  const started = totalBytes === undefined ? { receivedBytes: 0 } : { receivedBytes: 0, totalBytes };
  onProgress?.({ phase: 'fetching', ...started });
  if (!onProgress || !response.body) return response.blob();

  const reader = response.body.getReader();
  const chunks: BlobPart[] = [];
  let receivedBytes = 0;
  let reported = percentOf({ phase: 'fetching', ...started });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    receivedBytes += value.byteLength;
    if (receivedBytes > download_bytes_max) {
      await reader.cancel();
      throw new Error(`Filen är större än ${download_bytes_max / (1024 * 1024)} MB och hämtas inte.`);
    }
    chunks.push(value);
    const progress: DownloadProgress =
      totalBytes === undefined
        ? { phase: 'fetching', receivedBytes }
        : { phase: 'fetching', receivedBytes, totalBytes };
    const percent = percentOf(progress);
    if (percent !== reported) {
      reported = percent;
      onProgress(progress);
    }
  }
  return new Blob(chunks, { type });
}
