import { FinsamError, formatMoney, money_abs_max_kr, parseMoney } from '@finsam/domain';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { kostnader, longSection, sampleDocument } from './test-fixtures.ts';
import { headerLines, moneyNumber, renderXlsx } from './xlsx.ts';

async function reopen(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

const document = sampleDocument({
  sections: [kostnader, { ...longSection(3), heading: 'Verifikationer: januari/februari' }, kostnader],
});
/** Title, subtitle, heading, organisation, period, generatedAt; an empty row; then the column header. */
const headerRowNumber = headerLines(document, kostnader).length + 2;

describe('renderXlsx', () => {
  it('writes one sheet per section with valid, distinct names', async () => {
    const workbook = await reopen(await renderXlsx(document));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Verksamhetens kostnader',
      'Verifikationer- januari-februar',
      'Verksamhetens kostnader (2)',
    ]);
  });

  it('puts the document header above the table, åäö intact', async () => {
    const sheet = (await reopen(await renderXlsx(document))).worksheets[0]!;
    const lines = [1, 2, 3, 4, 5, 6].map((row) => sheet.getCell(row, 1).value);
    expect(lines).toEqual([
      'Resultaträkning 2025',
      'Kommunal uppställning',
      'Verksamhetens kostnader',
      'Samordningsförbundet Älvsborg Södra, org.nr 222000-0000',
      'Räkenskapsår 2025-01-01 – 2025-12-31',
      'Skapad 2025-02-14 10:30',
    ]);
    expect(sheet.getCell(1, 1).font?.bold).toBe(true);
  });

  it('writes the column header bold and frozen, and repeats it on printed pages', async () => {
    const sheet = (await reopen(await renderXlsx(document))).worksheets[0]!;
    expect(sheet.getRow(headerRowNumber).values).toEqual([
      undefined,
      'Konto',
      'Benämning',
      'Bokfört',
      'Förbrukat',
      'Belopp, kr',
    ]);
    expect(sheet.getCell(headerRowNumber, 1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRowNumber });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${headerRowNumber}:${headerRowNumber}`);
  });

  it('writes amounts, percentages and dates as numbers Excel can compute with', async () => {
    const sheet = (await reopen(await renderXlsx(document))).worksheets[0]!;
    const first = sheet.getRow(headerRowNumber + 1);
    expect(first.getCell(1).value).toBe('5410');
    expect(first.getCell(2).value).toBe('Förbrukningsinventarier');
    expect(first.getCell(3).value).toEqual(new Date('2025-03-31T00:00:00Z'));
    expect(first.getCell(3).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(4).value).toBe(0.834);
    expect(first.getCell(4).numFmt).toBe('0.0%');
    expect(first.getCell(5).value).toBe(-1234.5);
    expect(first.getCell(5).numFmt).toBe('#,##0.00');
    const second = sheet.getRow(headerRowNumber + 2);
    expect(second.getCell(2).value).toBe('Kontorsmateriel; pennor & "block"');
    expect(second.getCell(4).value).toBeNull();
    expect(sheet.getRow(headerRowNumber + 3).getCell(4).numFmt).toBe('0.00%');
  });

  it('writes the totals row in bold, as values rather than formulas', async () => {
    const sheet = (await reopen(await renderXlsx(document))).worksheets[0]!;
    const totals = sheet.getRow(headerRowNumber + 1 + kostnader.rows.length);
    expect(totals.getCell(2).value).toBe('Summa');
    expect(totals.getCell(5).value).toBe(-1235552.39);
    expect(totals.getCell(5).font?.bold).toBe(true);
    expect(totals.getCell(2).font?.bold).toBe(true);
  });

  it('sizes the columns to their content', async () => {
    const sheet = (await reopen(await renderXlsx(document))).worksheets[0]!;
    expect(sheet.getColumn(2).width).toBe('Kontorsmateriel; pennor & "block"'.length + 2);
    expect(sheet.getColumn(1).width).toBe(8);
  });

  it('gives the same bytes for the same document, every zip entry dated generatedAt', async () => {
    const first = await renderXlsx(document);
    const second = await renderXlsx(document);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    const zip = await JSZip.loadAsync(first);
    zip.forEach((_, entry) => {
      expect(entry.date.toISOString()).toBe('2025-02-14T09:30:00.000Z');
    });
    const core = await zip.file('docProps/core.xml')?.async('string');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-02-14T09:30:00Z</dcterms:created>');
  });

  it('refuses an invalid document', async () => {
    await expect(renderXlsx(sampleDocument({ sections: [] }))).rejects.toBeInstanceOf(FinsamError);
  });
});

describe('moneyNumber', () => {
  it('is the exact amount for every öre up to money_abs_max_kr', () => {
    const ore_abs_max = BigInt(money_abs_max_kr.mul(100).toFixed(0));
    fc.assert(
      fc.property(fc.bigInt({ min: -ore_abs_max, max: ore_abs_max }), (ore) => {
        const value = formatMoney(parseMoney('0.00').plus(ore.toString()).div(100));
        expect(moneyNumber(value).toFixed(2)).toBe(value);
      }),
    );
    expect(moneyNumber('-10000000000000.00')).toBe(-1e13);
    expect(moneyNumber('9999999999999.99')).toBe(9999999999999.99);
  });
});
