/**
 * Tests only: the text on each page of a PDF written with compress: false. pdfkit writes each run
 * of text as a TJ array of hex strings in WinAnsiEncoding, which is windows-1252; one run per line
 * of the result.
 */
export function pdfPageTexts(bytes: Uint8Array): string[] {
  const source = Buffer.from(bytes).toString('latin1');
  const objects = new Map<string, string>();
  for (const match of source.matchAll(/(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) objects.set(match[1] ?? '', match[2] ?? '');
  const pages = [...objects.values()].find((body) => /\/Type \/Pages\b/.test(body)) ?? '';
  const kids = [...(/\/Kids \[([^\]]*)\]/.exec(pages)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((match) => match[1]);
  return kids.map((kid) => {
    const contents = /\/Contents (\d+) 0 R/.exec(objects.get(kid ?? '') ?? '')?.[1] ?? '';
    const stream = objects.get(contents) ?? '';
    return [...stream.matchAll(/\[(.*?)\] TJ/g)].map((run) => decodeRun(run[1] ?? '')).join('\n');
  });
}

const windows1252 = new TextDecoder('windows-1252');

function decodeRun(run: string): string {
  const hex = [...run.matchAll(/<([0-9a-f]*)>/g)].map((match) => match[1]).join('');
  return windows1252.decode(Buffer.from(hex, 'hex'));
}

export function pdfText(bytes: Uint8Array): string {
  return pdfPageTexts(bytes).join('\n');
}
