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

/**
 * windows-1252 from 0x80 to 0x9F, where it differs from Latin-1 (\ufffd: unassigned). Written out
 * because Node's TextDecoder decodes 'windows-1252' as Latin-1.
 */
const WINDOWS_1252_80_TO_9F = '€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ';

function decodeRun(run: string): string {
  const hex = [...run.matchAll(/<([0-9a-f]*)>/g)].map((match) => match[1]).join('');
  let text = '';
  for (const byte of Buffer.from(hex, 'hex'))
    text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_80_TO_9F[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

export function pdfText(bytes: Uint8Array): string {
  return pdfPageTexts(bytes).join('\n');
}
