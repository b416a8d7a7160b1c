import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCp437, encodeCp437, isCp437 } from './cp437.ts';

describe('CP437', () => {
  it('encodes the Swedish letters at their code page positions', () => {
    expect([...encodeCp437('åäöÅÄÖéü')]).toEqual([0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99, 0x82, 0x81]);
    expect(decodeCp437(Uint8Array.from([0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99]))).toBe('åäöÅÄÖ');
  });

  it('keeps ASCII as it is', () => {
    const ascii = '#VER "A" 1 20270115 "Text {x}"\r\n';
    expect(decodeCp437(encodeCp437(ascii))).toBe(ascii);
    expect(encodeCp437(ascii)).toHaveLength(ascii.length);
  });

  it('writes ? for a character the code page lacks, one per character', () => {
    expect(decodeCp437(encodeCp437('€ 😀 ø'))).toBe('? ? ?');
    expect(isCp437('Örebro')).toBe(true);
    expect(isCp437('€')).toBe(false);
  });

  it('decodes every byte to one character and back', () => {
    const every = Uint8Array.from({ length: 256 }, (_, byte) => byte);
    const text = decodeCp437(every);
    expect([...text]).toHaveLength(256);
    expect([...encodeCp437(text)]).toEqual([...every]);
  });

  it('round-trips any text made of code page characters', () => {
    const alphabet = decodeCp437(Uint8Array.from({ length: 256 }, (_, byte) => byte));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet)), (characters) => {
        const text = characters.join('');
        expect(decodeCp437(encodeCp437(text))).toBe(text);
      }),
    );
  });
});
