import { describe, expect, it } from 'vitest';
import { base64FromDataUrl } from './file-base64.ts';

describe('a file read as a data URL', () => {
  it('gives its base64 content', () => {
    expect(base64FromDataUrl('data:application/pdf;base64,JVBERi0xLjQ=')).toBe('JVBERi0xLjQ=');
    expect(base64FromDataUrl('data:;base64,AAAA')).toBe('AAAA');
  });

  it('gives null for anything else, an empty file too', () => {
    expect(base64FromDataUrl('data:text/plain,hello')).toBeNull();
    expect(base64FromDataUrl('data:application/pdf;base64,')).toBeNull();
  });
});
