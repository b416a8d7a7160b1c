import { checkSection } from './check-document.ts';
import { type ColumnKind, cellValue, type DocumentColumn, type DocumentRow, type DocumentSection } from './document.ts';

export interface CsvOptions {
  /**
   * Append the totals row (default false). A CSV is usually read into another tool, where a
   * totals row among the data rows would be added up a second time.
   */
  includeTotals?: boolean;
}

/** Swedish Excel splits on its list separator, which is ";" because "," is the decimal mark. */
const SEPARATOR = ';';
/** RFC 4180 ends every record with CRLF. */
const RECORD_END = '\r\n';
/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark; otherwise åäö break. */
const BYTE_ORDER_MARK = '\ufeff';
/** A field with one of these must be quoted (RFC 4180 §2.6). */
const NEEDS_QUOTES = /[;"\r\n]/;
/**
 * Spreadsheets run a cell that starts with one of these as a formula ("CSV injection"). Text
 * from users or imported SIE files is made inert with a leading apostrophe, as OWASP advises.
 * Amounts are not text and keep their minus sign.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One section as CSV for Swedish Excel: UTF-8 with BOM, ";" between fields, decimal comma, no
 * thousands grouping (a grouped number would be read as text), dates as YYYY-MM-DD.
 */
export function renderCsv(section: DocumentSection, options: CsvOptions = {}): Uint8Array {
  checkSection(section);
  const records = [section.columns.map((column) => inertText(column.label))];
  for (const row of section.rows) records.push(csvValues(section.columns, row));
  if (options.includeTotals && section.totals !== undefined) records.push(csvValues(section.columns, section.totals));
  const text = records.map((fields) => fields.map(quoteField).join(SEPARATOR) + RECORD_END).join('');
  return new TextEncoder().encode(BYTE_ORDER_MARK + text);
}

function csvValues(columns: readonly DocumentColumn[], row: DocumentRow): string[] {
  return columns.map((column) => csvValue(column.kind, cellValue(row, column.key)));
}

function csvValue(kind: ColumnKind, value: string): string {
  switch (kind) {
    case 'text':
      return inertText(value);
    case 'money':
    case 'percent':
      return value.replace('.', ',');
    case 'date':
      return value;
  }
}

function inertText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quoteField(field: string): string {
  return NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
