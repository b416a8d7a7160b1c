import { FinsamError } from '@finsam/domain';
import { describe, expect, it } from 'vitest';
import { renderCsv } from './csv.ts';
import type { DocumentSection } from './document.ts';
import { kostnader } from './test-fixtures.ts';

const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('renderCsv', () => {
  it('starts with a UTF-8 byte order mark, so Excel reads åäö right', () => {
    const bytes = renderCsv(kostnader);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // "Benämning": ä is C3 A4 in UTF-8.
    expect(Buffer.from(bytes).includes(Buffer.from([0x42, 0x65, 0x6e, 0xc3, 0xa4]))).toBe(true);
  });

  it('separates fields with semicolons and ends every record with CRLF', () => {
    expect(text(renderCsv(kostnader))).toBe(
      '\ufeffKonto;Benämning;Bokfört;Förbrukat;Belopp, kr\r\n' +
        '5410;Förbrukningsinventarier;2025-03-31;83,4;-1234,50\r\n' +
        '6110;"Kontorsmateriel; pennor & ""block""";2025-06-30;;250,00\r\n' +
        '7010;Löner till tjänstemän;2025-12-31;101,25;-1234567,89\r\n',
    );
  });

  it('quotes semicolons, quotes and line breaks as RFC 4180 says', () => {
    const section: DocumentSection = {
      heading: 'Citat',
      columns: [{ key: 'text', label: 'Text; med "citat"', kind: 'text' }],
      rows: [{ text: 'a;b' }, { text: 'säg "hej"' }, { text: 'rad ett\r\nrad två' }, { text: 'ren text' }],
    };
    expect(text(renderCsv(section))).toBe(
      '\ufeff"Text; med ""citat"""\r\n"a;b"\r\n"säg ""hej"""\r\n"rad ett\r\nrad två"\r\nren text\r\n',
    );
  });

  it('makes text that a spreadsheet would run as a formula inert, but keeps the minus of amounts', () => {
    const section: DocumentSection = {
      heading: 'Injektion',
      columns: [
        { key: 'text', label: 'Text', kind: 'text' },
        { key: 'amount', label: 'Belopp', kind: 'money' },
      ],
      rows: [
        { text: '=HYPERLINK("http://example.com")', amount: '-5.00' },
        { text: '+46 8 123', amount: '0.00' },
        { text: '@SUM(A1)', amount: '' },
        { text: '−2 (minustecken)', amount: '' },
      ],
    };
    expect(text(renderCsv(section)).split('\r\n').slice(1, 5)).toEqual([
      '"\'=HYPERLINK(""http://example.com"")";-5,00',
      "'+46 8 123;0,00",
      "'@SUM(A1);",
      '−2 (minustecken);',
    ]);
  });

  it('leaves the totals row out unless asked, so a reader does not add it up twice', () => {
    expect(text(renderCsv(kostnader))).not.toContain('Summa');
    expect(
      text(renderCsv(kostnader, { includeTotals: true }))
        .split('\r\n')
        .at(-2),
    ).toBe(';Summa;;;-1235552,39');
  });

  it('refuses an invalid section', () => {
    expect(() => renderCsv({ ...kostnader, rows: [{ amount: '12' }] })).toThrow(FinsamError);
  });
});
