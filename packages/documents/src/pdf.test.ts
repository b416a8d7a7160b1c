import { FinsamError } from '@finsam/domain';
import { describe, expect, it } from 'vitest';
import type { DocumentSection } from './document.ts';
import { renderPdf } from './pdf.ts';
import { longSection, sampleDocument } from './test-fixtures.ts';
import { pdfPageTexts, pdfText } from './test-pdf-reader.ts';

const ascii = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('renderPdf', () => {
  it('writes a complete PDF', async () => {
    const bytes = await renderPdf(sampleDocument());
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(ascii(bytes.subarray(0, 5))).toBe('%PDF-');
    expect(ascii(bytes.subarray(-6)).trim()).toBe('%%EOF');
  });

  it('prints the header, the table, the totals, the notes and the signatures', async () => {
    const text = pdfText(await renderPdf(sampleDocument(), { compress: false }));
    for (const expected of [
      'Samordningsförbundet Älvsborg Södra',
      'Org.nr 222000-0000',
      'Resultaträkning 2025',
      'Kommunal uppställning',
      'Räkenskapsår 2025-01-01 – 2025-12-31',
      'Verksamhetens kostnader',
      'Benämning',
      'Belopp, kr',
      'Förbrukningsinventarier',
      'Kontorsmateriel; pennor & "block"',
      '2025-03-31',
      '83,4\u00a0%',
      // formatKronor's minus sign (U+2212) is printed as an en dash, with no-break spaces in groups.
      '–1\u00a0234,50',
      '–1\u00a0234\u00a0567,89',
      'Summa',
      '–1\u00a0235\u00a0552,39',
      'Årets resultat uppfyller balanskravet.',
      'Åsa Öberg',
      'Ordförande',
      'Förbundschef',
      'Skapad 2025-02-14 10:30',
      'Sida 1 av 1',
    ])
      expect(text).toContain(expected);
  });

  it('encodes åäö in WinAnsiEncoding with the standard Helvetica, embedding no font', async () => {
    const source = ascii(await renderPdf(sampleDocument(), { compress: false }));
    expect(source).toContain('/BaseFont /Helvetica');
    expect(source).toContain('/Encoding /WinAnsiEncoding');
    expect(source).not.toContain('/FontFile');
    // "Åsa Öberg": Å is 0xC5 and Ö 0xD6 in WinAnsi, as in Latin-1.
    expect(source).toMatch(/<c5/);
    expect(source).toMatch(/d6/);
  });

  it('runs a long table over several pages and repeats the column header on each', async () => {
    const rowCount = 200;
    const document = sampleDocument({ sections: [longSection(rowCount)], notes: [], signatures: [] });
    const pages = pdfPageTexts(await renderPdf(document, { compress: false }));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, index) => {
      expect(page).toContain('Ver.nr');
      expect(page).toContain('Belopp, kr');
      expect(page).toContain(`Sida ${index + 1} av ${pages.length}`);
      expect(page).toContain('Skapad 2025-02-14 10:30');
      if (index > 0) expect(page).toContain('Verifikationslista (forts.)');
      if (index > 0) expect(page).toContain('Samordningsförbundet Älvsborg Södra · Resultaträkning 2025');
    });
    // Every row is printed exactly once: none lost and none repeated at a page break.
    const lines = pages.join('\n').split('\n');
    for (let number = 1; number <= rowCount; number++)
      expect(lines.filter((line) => line === `V${number}`)).toHaveLength(1);
    expect(pages.at(-1)).toContain('20\u00a0100,00');
  });

  it('gives the same bytes for the same document, and other bytes for another generatedAt', async () => {
    const first = await renderPdf(sampleDocument());
    const second = await renderPdf(sampleDocument());
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const later = await renderPdf(sampleDocument({ generatedAt: '2025-02-14T09:31:00Z' }));
    expect(Buffer.from(first).equals(Buffer.from(later))).toBe(false);
  });

  it('dates the PDF with generatedAt, not the clock', async () => {
    const source = ascii(await renderPdf(sampleDocument(), { compress: false }));
    expect(source).toContain('(D:20250214093000Z)');
  });

  it('prints "Inga rader." for an empty table', async () => {
    const empty: DocumentSection = { heading: 'Inga verifikationer', columns: longSection(0).columns, rows: [] };
    const text = pdfText(await renderPdf(sampleDocument({ sections: [empty] }), { compress: false }));
    expect(text).toContain('Inga rader.');
  });

  it('turns the page for landscape', async () => {
    const source = ascii(await renderPdf(sampleDocument(), { compress: false, orientation: 'landscape' }));
    expect(source).toContain('/MediaBox [0 0 841.89 595.28]');
  });

  it('refuses text the standard font cannot print', async () => {
    await expect(renderPdf(sampleDocument({ title: 'Sámi ŋ' }))).rejects.toBeInstanceOf(FinsamError);
  });

  it('refuses an invalid document before writing anything', async () => {
    await expect(renderPdf(sampleDocument({ generatedAt: 'i går' }))).rejects.toBeInstanceOf(FinsamError);
  });
});
