import { describe, expect, it } from 'vitest';
import { contentLength, type DownloadProgress, percentOf, progressText, readBody } from './download-progress.ts';

/** A response whose body arrives in the given chunks, as a network would hand them over. */
function streamed(chunks: number[][], headers: Record<string, string> = {}): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk));
      controller.close();
    },
  });
  return new Response(body, { headers });
}

const bytesOf = async (blob: Blob) => [...new Uint8Array(await blob.arrayBuffer())];

describe('contentLength', () => {
  it('reads a whole positive byte count and nothing else', () => {
    expect(contentLength('1024')).toBe(1024);
    expect(contentLength(' 7 ')).toBe(7);
    for (const header of [null, '', '0', '-5', '1.5', '12abc', 'NaN', '99999999999999999999'])
      expect(contentLength(header), String(header)).toBeUndefined();
  });
});

describe('percentOf and progressText', () => {
  it('says nothing about percent while the document is made or the total is unknown', () => {
    expect(percentOf({ phase: 'creating' })).toBeUndefined();
    expect(percentOf({ phase: 'fetching', receivedBytes: 500 })).toBeUndefined();
    expect(progressText('SIE 4-fil för 2026', { phase: 'creating' })).toBe('Skapar SIE 4-fil för 2026…');
    expect(progressText('SIE 4-fil för 2026', { phase: 'fetching', receivedBytes: 9 })).toBe(
      'Hämtar SIE 4-fil för 2026…',
    );
  });

  it('rounds down, so 100 % means every byte is in, and never passes 100 for a compressed body', () => {
    expect(percentOf({ phase: 'fetching', receivedBytes: 0, totalBytes: 3 })).toBe(0);
    expect(percentOf({ phase: 'fetching', receivedBytes: 2, totalBytes: 3 })).toBe(66);
    expect(percentOf({ phase: 'fetching', receivedBytes: 999, totalBytes: 1000 })).toBe(99);
    expect(percentOf({ phase: 'fetching', receivedBytes: 1000, totalBytes: 1000 })).toBe(100);
    expect(percentOf({ phase: 'fetching', receivedBytes: 5000, totalBytes: 1000 })).toBe(100);
    expect(progressText('rapporten', { phase: 'fetching', receivedBytes: 1, totalBytes: 4 })).toBe(
      'Hämtar rapporten… 25 %',
    );
  });
});

describe('readBody', () => {
  it('keeps the bytes exactly and reports each new whole percent against Content-Length', async () => {
    const seen: DownloadProgress[] = [];
    // 0x8F is "Å" in CP437: a SIE file must come out byte for byte.
    const response = streamed([[0x23, 0x8f], [0x01], [0x02, 0x03]], {
      'Content-Length': '5',
      'Content-Type': 'application/octet-stream',
    });
    const blob = await readBody(response, (progress) => seen.push(progress));
    expect(await bytesOf(blob)).toEqual([0x23, 0x8f, 0x01, 0x02, 0x03]);
    expect(blob.type).toBe('application/octet-stream');
    expect(seen.map(percentOf)).toEqual([0, 40, 60, 100]);
    expect(seen.at(-1)).toEqual({ phase: 'fetching', receivedBytes: 5, totalBytes: 5 });
  });

  it('reports once, without a total, when the server sends no Content-Length', async () => {
    const seen: DownloadProgress[] = [];
    const blob = await readBody(streamed([[1], [2], [3]]), (progress) => seen.push(progress));
    expect(await bytesOf(blob)).toEqual([1, 2, 3]);
    expect(seen).toEqual([{ phase: 'fetching', receivedBytes: 0 }]);
  });

  it('does not report a percent twice when many small chunks land in the same one', async () => {
    const seen: DownloadProgress[] = [];
    const chunks = Array.from({ length: 1000 }, (_, index) => [index % 256]);
    await readBody(streamed(chunks, { 'Content-Length': '1000' }), (progress) => seen.push(progress));
    const percents = seen.map(percentOf);
    expect(percents).toEqual([...new Set(percents)]);
    expect(percents.length).toBe(101);
  });

  it('reads an empty body and a body read without a listener', async () => {
    expect(await bytesOf(await readBody(streamed([]), () => {}))).toEqual([]);
    expect(await bytesOf(await readBody(streamed([[7, 8]])))).toEqual([7, 8]);
  });
});
