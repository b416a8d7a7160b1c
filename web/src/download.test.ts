import { describe, expect, it } from 'vitest';
import { filenameFromDisposition } from './download.ts';

describe('filenameFromDisposition', () => {
  it('reads the quoted, the bare and the RFC 6266 extended form', () => {
    expect(filenameFromDisposition('attachment; filename="222000-0018-2026.se"')).toBe('222000-0018-2026.se');
    expect(filenameFromDisposition('attachment; filename=rapport.txt')).toBe('rapport.txt');
    expect(filenameFromDisposition("attachment; filename*=UTF-8''%C3%A5rsrapport.se")).toBe('årsrapport.se');
  });

  it('prefers the extended form and falls back when its escape is broken', () => {
    expect(filenameFromDisposition('attachment; filename="a.se"; filename*=UTF-8\'\'b.se')).toBe('b.se');
    expect(filenameFromDisposition('attachment; filename="a.se"; filename*=UTF-8\'\'%E0%A4%A')).toBe('a.se');
  });

  it('never lets the server choose a folder, and gives nothing without a name', () => {
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(filenameFromDisposition('attachment; filename="C:\\\\temp\\\\x.se"')).toBe('x.se');
    expect(filenameFromDisposition('attachment')).toBeUndefined();
    expect(filenameFromDisposition(null)).toBeUndefined();
    expect(filenameFromDisposition('attachment; filename=""')).toBeUndefined();
  });
});
