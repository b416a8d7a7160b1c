import { describe, expect, it } from 'vitest';
import { textProblem } from './text.ts';

describe('textProblem', () => {
  it('keeps ordinary text, tabs, line breaks and characters outside the BMP', () => {
    for (const text of ['', 'Hyra för kontor', 'rad 1\r\nrad 2\tkolumn', 'Åsa 🌲 Öberg', '\u00a0§ 4', '\ufeff'])
      expect(textProblem(text), JSON.stringify(text)).toBeUndefined();
  });
  it('refuses every other C0 control, DEL and the C1 controls', () => {
    const refused = [
      ...Array.from({ length: 0x20 }, (_, code) => code).filter((code) => ![0x09, 0x0a, 0x0d].includes(code)),
      ...Array.from({ length: 0x21 }, (_, index) => 0x7f + index),
    ];
    for (const code of refused) expect(textProblem(`a${String.fromCharCode(code)}b`), code.toString(16)).toBeDefined();
  });
  it('refuses lone surrogates, at the start, the middle and the end', () => {
    for (const text of ['\ud800', 'a\ud83cb', '\udc00a', 'a\udfff', '\udc00\ud800'])
      expect(textProblem(text), escape(text)).toBeDefined();
  });
});
