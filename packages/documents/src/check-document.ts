import {
  checkOrganisationsnummer,
  type FieldIssue,
  invalid,
  MONEY_PATTERN,
  money_abs_max_kr,
  organisationsnummerMessages,
  parseMoney,
} from '@finsam/domain';
import {
  type ColumnKind,
  columnKinds,
  columns_per_section_max,
  type DocumentRow,
  type DocumentSection,
  note_length_max_chars,
  notes_per_document_max,
  rows_per_document_max,
  sections_per_document_max,
  signatures_per_document_max,
  type TabularDocument,
  text_length_max_chars,
} from './document.ts';

/** Issues listed in one error; a broken generator would otherwise list every cell of 20 000 rows. */
export const issues_reported_max = 50;

const COLUMN_KEY_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
/** Percent as the domain writes it ("83.4"); signed, since a deviation can be negative. */
const PERCENT_PATTERN = /^-?\d{1,6}(\.\d{1,4})?$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
/** The years a zip entry's DOS timestamp can hold; the workbook is a zip stamped with generatedAt. */
const zip_year_min = 1980;
const zip_year_max = 2107;

/** Records a problem under its field; no problem, nothing recorded. */
type Report = (field: string, problem: string | undefined) => void;

function collector(): { issues: FieldIssue[]; report: Report } {
  const issues: FieldIssue[] = [];
  const report: Report = (field, problem) => {
    if (problem !== undefined && issues.length < issues_reported_max) issues.push({ field, message: problem });
  };
  return { issues, report };
}

/** Throws 'invalid' naming every field at fault, before a renderer writes a byte. */
export function checkDocument(document: TabularDocument): void {
  const { issues, report } = collector();
  report('title', textProblem(document.title, { required: true }));
  if (document.subtitle !== undefined) report('subtitle', textProblem(document.subtitle));
  report('organisation.name', textProblem(document.organisation.name, { required: true }));
  const orgnrProblem = checkOrganisationsnummer(document.organisation.organisationsnummer);
  if (orgnrProblem) report('organisation.organisationsnummer', organisationsnummerMessages[orgnrProblem]);
  if (document.period !== undefined) report('period', textProblem(document.period));
  report('generatedAt', generatedAtProblem(document.generatedAt));

  const sectionCount = document.sections.length;
  const rowCount = document.sections.reduce((count, section) => count + section.rows.length, 0);
  if (sectionCount === 0 || sectionCount > sections_per_document_max)
    report('sections', `Ett dokument har 1–${sections_per_document_max} avsnitt.`);
  // An oversized document is refused on its counts alone, without reading its rows.
  else if (rowCount > rows_per_document_max) report('sections', `Högst ${rows_per_document_max} rader per dokument.`);
  else
    document.sections.forEach((section, index) => {
      checkSectionInto(section, `sections.${index}`, report);
    });

  const notes = document.notes ?? [];
  if (notes.length > notes_per_document_max) report('notes', `Högst ${notes_per_document_max} noter.`);
  else
    notes.forEach((note, index) => {
      report(`notes.${index}`, textProblem(note, { maxChars: note_length_max_chars }));
    });
  const signatures = document.signatures ?? [];
  if (signatures.length > signatures_per_document_max)
    report('signatures', `Högst ${signatures_per_document_max} underskrifter.`);
  else
    signatures.forEach((signature, index) => {
      report(`signatures.${index}.role`, textProblem(signature.role, { required: true }));
      if (signature.name !== undefined) report(`signatures.${index}.name`, textProblem(signature.name));
    });

  if (issues.length > 0) throw invalid('Dokumentet kan inte skapas.', issues);
}

/** The same checks for a section rendered on its own, as the CSV export does. */
export function checkSection(section: DocumentSection): void {
  const { issues, report } = collector();
  if (section.rows.length > rows_per_document_max) report('section.rows', `Högst ${rows_per_document_max} rader.`);
  else checkSectionInto(section, 'section', report);
  if (issues.length > 0) throw invalid('Tabellen kan inte skapas.', issues);
}

function checkSectionInto(section: DocumentSection, path: string, report: Report): void {
  report(`${path}.heading`, textProblem(section.heading, { required: true }));
  const columns = section.columns;
  if (columns.length === 0 || columns.length > columns_per_section_max) {
    report(`${path}.columns`, `En tabell har 1–${columns_per_section_max} kolumner.`);
    return;
  }
  const kinds = new Map<string, ColumnKind>();
  columns.forEach((column, index) => {
    const at = `${path}.columns.${index}`;
    if (!COLUMN_KEY_PATTERN.test(column.key)) report(`${at}.key`, 'Nyckeln är 1–40 tecken a–z, 0–9, - eller _.');
    else if (kinds.has(column.key)) report(`${at}.key`, `Nyckeln ${column.key} finns redan.`);
    if (!columnKinds.includes(column.kind)) report(`${at}.kind`, `Okänd kolumntyp: ${String(column.kind)}.`);
    report(`${at}.label`, textProblem(column.label, { required: true }));
    kinds.set(column.key, column.kind);
  });
  section.rows.forEach((row, index) => {
    checkRow(row, kinds, `${path}.rows.${index}`, report);
  });
  if (section.totals !== undefined) checkRow(section.totals, kinds, `${path}.totals`, report);
}

function checkRow(row: DocumentRow, kinds: ReadonlyMap<string, ColumnKind>, path: string, report: Report): void {
  for (const key of Object.keys(row)) {
    const kind = kinds.get(key);
    const value: unknown = row[key];
    if (kind === undefined) report(`${path}.${key}`, 'Raden har ett värde utan kolumn.');
    else if (typeof value !== 'string') report(`${path}.${key}`, 'Ett värde är en text.');
    else if (value !== '') report(`${path}.${key}`, valueProblem(kind, value));
  }
}

function valueProblem(kind: ColumnKind, value: string): string | undefined {
  switch (kind) {
    case 'text':
      return textProblem(value);
    case 'money':
      if (!MONEY_PATTERN.test(value)) return 'Ange ett belopp med två decimaler, t.ex. -1234.50.';
      // Within this bound a double holds every öre exactly, which the workbook relies on.
      if (parseMoney(value).abs().gt(money_abs_max_kr)) return 'Beloppet är för stort.';
      return undefined;
    case 'percent':
      return PERCENT_PATTERN.test(value) ? undefined : 'Ange procent som ett tal, t.ex. 83.4.';
    case 'date':
      return isCalendarDate(value) ? undefined : 'Ange ett datum som ÅÅÅÅ-MM-DD.';
  }
}

function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function generatedAtProblem(value: string): string | undefined {
  const time = Date.parse(value);
  if (typeof value !== 'string' || !ISO_TIMESTAMP_PATTERN.test(value) || Number.isNaN(time))
    return 'Ange tidpunkten som ISO 8601, t.ex. 2025-02-14T09:30:00Z.';
  const year = new Date(time).getUTCFullYear();
  if (year < zip_year_min || year > zip_year_max)
    return `Tidpunkten ligger utanför åren ${zip_year_min}–${zip_year_max}.`;
  return undefined;
}

function textProblem(
  value: string,
  { required = false, maxChars = text_length_max_chars }: { required?: boolean; maxChars?: number } = {},
): string | undefined {
  if (typeof value !== 'string') return 'Ett värde är en text.';
  if (required && value.trim() === '') return 'Får inte vara tomt.';
  if (value.length > maxChars) return `Högst ${maxChars} tecken.`;
  // A workbook is XML, which cannot hold these; a CSV reader would choke on them too.
  if (hasForbiddenCharacter(value)) return 'Texten innehåller ett otillåtet styrtecken.';
  return undefined;
}

/** C0 controls other than tab and line breaks, DEL, C1 controls and halves of surrogate pairs. */
function hasForbiddenCharacter(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
    if (code >= 0x7f && code <= 0x9f) return true;
  }
  return /\p{Cs}/u.test(value);
}
