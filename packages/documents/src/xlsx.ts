import { assert, Decimal, parseMoney } from '@finsam/domain';
import ExcelJS from 'exceljs';
import { checkDocument } from './check-document.ts';
import {
  cellValue,
  type DocumentColumn,
  type DocumentRow,
  type DocumentSection,
  type TabularDocument,
} from './document.ts';
import { displayValue, formatTimestamp } from './format.ts';
import { sheetNames } from './sheet-names.ts';
import { stampZipEntries } from './zip-dates.ts';

/**
 * Excel's own codes. Swedish Excel shows '#,##0.00' as "1 234,50": the code names the grouping
 * and the decimal mark, and each installation prints them in its own locale.
 */
const MONEY_FORMAT = '#,##0.00';
const DATE_FORMAT = 'yyyy-mm-dd';
/** Column widths in Excel's unit, characters of the default font. */
const column_width_min_chars = 8;
const column_width_max_chars = 60;
/** A4 in the OOXML paperSize table. */
const PAPER_SIZE_A4 = 9;
const THIN_BORDER = { style: 'thin' } as const;

/**
 * The document as a workbook: one sheet per section, with the document's header above the table,
 * the column header frozen and repeated on printed pages, and the totals row in bold.
 *
 * Amounts are numbers, so that a reader can sum and filter them. Every amount the document may
 * hold is within money_abs_max_kr (10^13 kr): at most 15 significant digits, which a double holds
 * exactly and Excel shows in full. The number written therefore is the amount, not an
 * approximation of it, and writeMoney asserts so for every cell; no hidden text copy is needed.
 * Totals are written as the values the domain computed, not as formulas: the workbook records
 * the report, and a formula would re-add in floating point what the domain added exactly.
 */
export async function renderXlsx(document: TabularDocument): Promise<Uint8Array> {
  checkDocument(document);
  const generatedAt = new Date(document.generatedAt);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Finsam Cloud';
  workbook.lastModifiedBy = 'Finsam Cloud';
  workbook.title = document.title;
  workbook.company = document.organisation.name;
  // exceljs would otherwise stamp both with the clock.
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  const names = sheetNames(document.sections.map((section) => section.heading));
  document.sections.forEach((section, index) => {
    writeSheet(workbook.addWorksheet(names[index]), document, section);
  });
  return stampZipEntries(await workbook.xlsx.writeBuffer(), generatedAt);
}

/** The lines above a sheet's table; the column header follows after one empty row. */
export function headerLines(document: TabularDocument, section: DocumentSection): string[] {
  const { name, organisationsnummer } = document.organisation;
  return [
    document.title,
    ...(document.subtitle === undefined ? [] : [document.subtitle]),
    section.heading,
    `${name}, org.nr ${organisationsnummer}`,
    ...(document.period === undefined ? [] : [document.period]),
    `Skapad ${formatTimestamp(document.generatedAt)}`,
  ];
}

function writeSheet(sheet: ExcelJS.Worksheet, document: TabularDocument, section: DocumentSection): void {
  const lines = headerLines(document, section);
  lines.forEach((text, index) => {
    const cell = sheet.getCell(index + 1, 1);
    cell.value = text;
    if (index === 0) cell.font = { bold: true, size: 14 };
  });
  const headerRowNumber = lines.length + 2;
  const header = sheet.getRow(headerRowNumber);
  section.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.label;
    cell.font = { bold: true };
    cell.border = { bottom: THIN_BORDER };
    cell.alignment = { horizontal: column.kind === 'money' || column.kind === 'percent' ? 'right' : 'left' };
  });

  section.rows.forEach((row, index) => {
    writeRow(sheet.getRow(headerRowNumber + 1 + index), section.columns, row);
  });
  if (section.totals !== undefined) {
    const totals = sheet.getRow(headerRowNumber + 1 + section.rows.length);
    writeRow(totals, section.columns, section.totals);
    section.columns.forEach((_, index) => {
      const cell = totals.getCell(index + 1);
      cell.font = { bold: true };
      cell.border = { top: THIN_BORDER };
    });
  }

  section.columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = columnWidth(section, column);
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRowNumber }];
  sheet.pageSetup = {
    paperSize: PAPER_SIZE_A4,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    // 0: as many pages down as the table needs.
    fitToHeight: 0,
    printTitlesRow: `${headerRowNumber}:${headerRowNumber}`,
  };
}

function writeRow(excelRow: ExcelJS.Row, columns: readonly DocumentColumn[], row: DocumentRow): void {
  columns.forEach((column, index) => {
    const value = cellValue(row, column.key);
    if (value === '') return;
    const cell = excelRow.getCell(index + 1);
    switch (column.kind) {
      case 'text':
        // A string cell is never evaluated, so text starting with "=" cannot become a formula.
        cell.value = value;
        return;
      case 'money':
        cell.value = moneyNumber(value);
        cell.numFmt = MONEY_FORMAT;
        return;
      case 'percent':
        // Excel's percent is a fraction shown times 100; keep the decimals the domain gave.
        cell.value = new Decimal(value).div(100).toNumber();
        cell.numFmt = percentFormat(value);
        return;
      case 'date':
        // Midnight UTC is a whole day number in Excel, whatever zone the server runs in.
        cell.value = new Date(`${value}T00:00:00Z`);
        cell.numFmt = DATE_FORMAT;
        return;
    }
  });
}

/** The money string as the double Excel stores; see renderXlsx for why that loses nothing. */
export function moneyNumber(value: string): number {
  const amount = parseMoney(value);
  const number = amount.toNumber();
  assert(new Decimal(number).eq(amount), `the amount ${value} survives as a double`);
  return number;
}

/** "83.4" → "0.0%", "50" → "0%": as many decimals as the domain wrote. */
function percentFormat(value: string): string {
  const decimals = value.split('.')[1]?.length ?? 0;
  return decimals === 0 ? '0%' : `0.${'0'.repeat(decimals)}%`;
}

/** Wide enough for the label and the longest value as Excel shows it, within bounds. */
function columnWidth(section: DocumentSection, column: DocumentColumn): number {
  const rows = section.totals === undefined ? section.rows : [...section.rows, section.totals];
  let widest = column.label.length;
  for (const row of rows) widest = Math.max(widest, displayValue(column.kind, cellValue(row, column.key)).length);
  return Math.min(column_width_max_chars, Math.max(column_width_min_chars, widest + 2));
}
