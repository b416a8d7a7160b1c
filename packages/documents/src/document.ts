/**
 * The one description every renderer reads: a titled document of tables. Renderers never compute
 * business figures; the domain has already produced every amount as an exact decimal string, and
 * the document only says how to lay it out. That keeps the PDF, the workbook and the CSV of one
 * report from ever disagreeing by an öre.
 */

export const columnKinds = ['text', 'money', 'percent', 'date'] as const;
export type ColumnKind = (typeof columnKinds)[number];

export interface DocumentColumn {
  /** The key of the column's value in each row, e.g. "account". */
  key: string;
  /** Swedish header text; a unit belongs here ("Belopp, kr"), not in every cell. */
  label: string;
  /**
   * How the value is read and shown:
   * - text: any text;
   * - money: a money string with two decimals as the domain writes it, "-1234.50";
   * - percent: a decimal number of percent, "83.4" meaning 83,4 %;
   * - date: "YYYY-MM-DD".
   */
  kind: ColumnKind;
}

/** Values by column key; a missing key or "" is an empty cell. */
export type DocumentRow = Record<string, string>;

export interface DocumentSection {
  heading: string;
  columns: DocumentColumn[];
  rows: DocumentRow[];
  /** The section's total line, computed by the domain; the text column usually carries "Summa". */
  totals?: DocumentRow;
}

export interface DocumentSignature {
  /** What the signer signs as, e.g. "Ordförande". */
  role: string;
  /** Printed under the line when known; otherwise the line is left for a name in ink. */
  name?: string;
}

export interface TabularDocument {
  title: string;
  subtitle?: string;
  organisation: { name: string; organisationsnummer: string };
  /** The period the figures cover, as it should be printed, e.g. "2025-01-01 – 2025-12-31". */
  period?: string;
  /** ISO timestamp from the caller's clock; renderers never read a clock of their own. */
  generatedAt: string;
  sections: DocumentSection[];
  notes?: string[];
  signatures?: DocumentSignature[];
}

/**
 * A row's value for a column. Only the row's own keys count, so a key such as "__proto__" can
 * never read something that is not a cell.
 */
export function cellValue(row: DocumentRow, key: string): string {
  return Object.hasOwn(row, key) ? (row[key] ?? '') : '';
}

// Limits (TIGER_STYLE). They bound the memory and time of one render: a PDF keeps every page in
// memory until the page numbers are written, and a Lambda has a fixed memory size.

/** Sections in one document; each becomes a worksheet in the workbook. */
export const sections_per_document_max = 50;
/** Columns in one section; more do not fit across an A4 page in any readable size. */
export const columns_per_section_max = 16;
/** Rows in all sections together, totals rows not counted: about 400 PDF pages. */
export const rows_per_document_max = 20_000;
/** Characters in one cell, title, heading or label. */
export const text_length_max_chars = 500;
export const notes_per_document_max = 30;
/** Characters in one note; notes are paragraphs, so they may be longer than a cell. */
export const note_length_max_chars = 4_000;
export const signatures_per_document_max = 12;
