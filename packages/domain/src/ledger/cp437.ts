/**
 * Code page 437 ("PC8"), the character set SIE files are written in (#FORMAT PC8). Written out
 * here because the WHATWG TextDecoder has no CP437 and the domain takes no dependency for one
 * table. Bytes 0x00–0x7F are ASCII; this is 0x80–0xFF in order, sixteen to a row.
 */
const HIGH_HALF = [
  'ÇüéâäàåçêëèïîìÄÅ',
  'ÉæÆôöòûùÿÖÜ¢£¥₧ƒ',
  'áíóúñÑªº¿⌐¬½¼¡«»',
  '░▒▓│┤╡╢╖╕╣║╗╝╜╛┐',
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧',
  '╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀',
  'αßΓπΣσµτΦΘΩδ∞φε∩',
  '≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0',
].join('');

const REPLACEMENT_BYTE = 0x3f; // '?'

const byteOf = new Map<string, number>([...HIGH_HALF].map((character, index) => [character, 0x80 + index]));

/** Encodes text as CP437; a character the code page lacks becomes '?'. */
export function encodeCp437(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    bytes.push(code < 0x80 ? code : (byteOf.get(character) ?? REPLACEMENT_BYTE));
  }
  return Uint8Array.from(bytes);
}

export function decodeCp437(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte < 0x80 ? String.fromCharCode(byte) : (HIGH_HALF[byte - 0x80] as string);
  return text;
}

/** True when every character survives a round trip through CP437. */
export function isCp437(text: string): boolean {
  for (const character of text)
    if ((character.codePointAt(0) as number) >= 0x80 && !byteOf.has(character)) return false;
  return true;
}
