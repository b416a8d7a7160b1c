import { type FieldIssue, invalid } from '@finsam/domain';
import { issues_reported_max } from './check-document.ts';
import type { TabularDocument } from './document.ts';

/**
 * The PDF uses the standard Helvetica, which every reader has, so no font file is shipped or
 * embedded. Its WinAnsiEncoding holds Latin-1 (åäöÅÄÖé and the rest of Western
 * Europe) plus these; pdfkit silently prints anything else as an empty glyph or, for U+2212, as
 * two wrong bytes. A document must never print other text than it was given, so unprintable
 * characters are refused instead.
 */
const WIN_ANSI_BEYOND_LATIN_1 = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Typographic characters the domain uses that have a WinAnsi look-alike. The minus sign of
 * formatKronor becomes an en dash, the customary stand-in in Swedish typesetting.
 */
const SUBSTITUTES: Readonly<Record<string, string>> = {
  '\u2212': '\u2013',
  '\u2010': '-',
  '\u2011': '-',
  '\u2009': ' ',
  '\u202f': '\u00a0',
  '\t': ' ',
};

function isPrintable(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    code === 0x0a ||
    code === 0x0d ||
    WIN_ANSI_BEYOND_LATIN_1.has(character)
  );
}

/** Text as the standard font prints it; the document has passed checkPrintable first. */
export function pdfText(text: string): string {
  let printed = '';
  for (const character of text) printed += SUBSTITUTES[character] ?? character;
  return printed;
}

/** A table cell is one line; line breaks in a cell's text become spaces. */
export function pdfCellText(text: string): string {
  return pdfText(text.replace(/\r\n|\r|\n/g, ' '));
}

function firstUnprintable(text: string): string | undefined {
  for (const character of pdfText(text)) if (!isPrintable(character)) return character;
  return undefined;
}

/** Throws 'invalid' naming every text the standard font cannot print. */
export function checkPrintable(document: TabularDocument): void {
  const issues: FieldIssue[] = [];
  const check = (text: string | undefined, field: string) => {
    if (text === undefined || issues.length >= issues_reported_max) return;
    const character = firstUnprintable(text);
    if (character === undefined) return;
    const codePoint = `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    issues.push({ field, message: `Tecknet ”${character}” (${codePoint}) kan inte skrivas i PDF.` });
  };
  check(document.title, 'title');
  check(document.subtitle, 'subtitle');
  check(document.organisation.name, 'organisation.name');
  check(document.period, 'period');
  document.sections.forEach((section, sectionIndex) => {
    const path = `sections.${sectionIndex}`;
    check(section.heading, `${path}.heading`);
    section.columns.forEach((column, index) => {
      check(column.label, `${path}.columns.${index}.label`);
    });
    const rows = section.totals === undefined ? section.rows : [...section.rows, section.totals];
    rows.forEach((row, index) => {
      const at = index < section.rows.length ? `${path}.rows.${index}` : `${path}.totals`;
      for (const column of section.columns)
        if (column.kind === 'text' && Object.hasOwn(row, column.key)) check(row[column.key], `${at}.${column.key}`);
    });
  });
  document.notes?.forEach((note, index) => {
    check(note, `notes.${index}`);
  });
  document.signatures?.forEach((signature, index) => {
    check(signature.role, `signatures.${index}.role`);
    check(signature.name, `signatures.${index}.name`);
  });
  if (issues.length > 0) throw invalid('Dokumentet innehåller tecken som inte kan skrivas i PDF.', issues);
}
