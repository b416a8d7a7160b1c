import PDFDocument from 'pdfkit';
import { checkDocument } from './check-document.ts';
import {
  cellValue,
  type DocumentColumn,
  type DocumentRow,
  type DocumentSection,
  type DocumentSignature,
  type TabularDocument,
} from './document.ts';
import { displayValue, formatTimestamp } from './format.ts';
import {
  alignmentOf,
  cell_padding_pt,
  fitText,
  type MeasureText,
  type TableLayout,
  tableLayout,
} from './pdf-layout.ts';
import { checkPrintable, pdfCellText, pdfText } from './pdf-text.ts';

export interface PdfOptions {
  /** Deflate page contents (default true). Tests turn it off to read the text in the bytes. */
  compress?: boolean;
  /** Landscape gives wide tables about half as much room again (default portrait). */
  orientation?: 'portrait' | 'landscape';
}

type Pdf = PDFKit.PDFDocument;

const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const ITALIC = 'Helvetica-Oblique';
/** 50 pt ≈ 18 mm, a margin office printers never clip. */
const page_margin_pt = 50;
/** The bottom margin also holds the footer line. */
const page_margin_bottom_pt = 64;
/** Footer line from the page's bottom edge; running header from the top edge. */
const footer_from_bottom_pt = 40;
const running_header_from_top_pt = 30;
const furniture_font_size_pt = 8;
const heading_font_size_pt = 11;
const title_font_size_pt = 16;
/** A heading is never left alone at the foot of a page: it needs its header and this many rows. */
const rows_kept_with_heading = 3;
const section_gap_pt = 18;
/** Vertical room for a signature in ink above its line. */
const signature_space_pt = 40;
const signatures_per_line = 2;
const RULE_WIDTH_PT = 0.5;

/**
 * The document as an A4 PDF. The same document gives the same bytes: pdfkit's only clock read is
 * its default CreationDate, which is set to generatedAt here, and the file ID is a hash of the info
 * dictionary. pdfkit draws on randomness only to encrypt, and this PDF is not encrypted.
 */
export async function renderPdf(document: TabularDocument, options: PdfOptions = {}): Promise<Uint8Array> {
  checkDocument(document);
  checkPrintable(document);
  const generatedAt = new Date(document.generatedAt);
  const pdf = new PDFDocument({
    size: 'A4',
    layout: options.orientation ?? 'portrait',
    margins: { top: page_margin_pt, left: page_margin_pt, right: page_margin_pt, bottom: page_margin_bottom_pt },
    compress: options.compress ?? true,
    // Pages stay in memory until the end, when "Sida 1 av N" can be written on each.
    bufferPages: true,
    lang: 'sv-SE',
    displayTitle: true,
    info: {
      Title: document.title,
      Author: document.organisation.name,
      ...(document.subtitle === undefined ? {} : { Subject: document.subtitle }),
      Creator: 'Finsam Cloud',
      CreationDate: generatedAt,
      ModDate: generatedAt,
    },
  });
  const bytes = collectBytes(pdf);
  writeDocumentHeader(pdf, document);
  for (const section of document.sections) writeSection(pdf, section);
  if (document.notes?.length) writeNotes(pdf, document.notes);
  if (document.signatures?.length) writeSignatures(pdf, document.signatures);
  writePageFurniture(pdf, document);
  pdf.end();
  return bytes;
}

function collectBytes(pdf: Pdf): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    pdf.on('end', () => {
      const joined = Buffer.concat(chunks);
      resolve(new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength));
    });
    pdf.on('error', reject);
  });
}

const contentLeft = (pdf: Pdf) => pdf.page.margins.left;
const contentWidth = (pdf: Pdf) => pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
const contentBottom = (pdf: Pdf) => pdf.page.height - pdf.page.margins.bottom;

/** Text widths at 1 pt, measured as the page will print them. */
function measureWith(pdf: Pdf): MeasureText {
  return (text, bold) =>
    pdf
      .font(bold ? BOLD : REGULAR)
      .fontSize(1)
      .widthOfString(pdfCellText(text));
}

/** Wrapped text across the content width; pdfkit breaks the page when a paragraph runs over. */
function paragraph(pdf: Pdf, text: string, font: string, sizePt: number): void {
  pdf
    .font(font)
    .fontSize(sizePt)
    .text(pdfText(text), contentLeft(pdf), pdf.y, { width: contentWidth(pdf) });
}

/** One line at a fixed place; lineBreak false keeps pdfkit from wrapping or adding a page. */
function line(pdf: Pdf, text: string, x: number, y: number, font: string, sizePt: number): void {
  pdf.font(font).fontSize(sizePt).text(text, x, y, { lineBreak: false });
}

function rule(pdf: Pdf, y: number): void {
  const left = contentLeft(pdf);
  pdf
    .moveTo(left, y)
    .lineTo(left + contentWidth(pdf), y)
    .lineWidth(RULE_WIDTH_PT)
    .strokeColor('black')
    .stroke();
}

function ensureRoom(pdf: Pdf, heightPt: number): boolean {
  if (pdf.y + heightPt <= contentBottom(pdf)) return false;
  pdf.addPage();
  return true;
}

function writeDocumentHeader(pdf: Pdf, document: TabularDocument): void {
  paragraph(pdf, document.organisation.name, BOLD, 10);
  paragraph(pdf, `Org.nr ${document.organisation.organisationsnummer}`, REGULAR, 9);
  pdf.moveDown(1);
  paragraph(pdf, document.title, BOLD, title_font_size_pt);
  if (document.subtitle !== undefined) paragraph(pdf, document.subtitle, REGULAR, heading_font_size_pt);
  if (document.period !== undefined) paragraph(pdf, document.period, REGULAR, 10);
  pdf.moveDown(0.5);
  rule(pdf, pdf.y);
  pdf.y += section_gap_pt;
}

function writeSection(pdf: Pdf, section: DocumentSection): void {
  const layout = tableLayout(section, contentWidth(pdf), measureWith(pdf));
  const headingHeightPt = heading_font_size_pt * 2;
  const keptRows = Math.max(1, Math.min(section.rows.length, rows_kept_with_heading));
  ensureRoom(pdf, headingHeightPt + layout.rowHeightPt * (1 + keptRows));
  paragraph(pdf, section.heading, BOLD, heading_font_size_pt);
  pdf.y += layout.fontSizePt * 0.4;
  writeColumnHeader(pdf, section, layout);

  if (section.rows.length === 0) {
    line(pdf, 'Inga rader.', contentLeft(pdf) + cell_padding_pt, pdf.y + 2, ITALIC, layout.fontSizePt);
    pdf.y += layout.rowHeightPt;
  }
  for (const row of section.rows) {
    if (ensureRoom(pdf, layout.rowHeightPt)) writeContinuation(pdf, section, layout);
    writeRow(pdf, section, row, layout, false);
  }
  if (section.totals !== undefined) {
    if (ensureRoom(pdf, layout.rowHeightPt + 2)) writeContinuation(pdf, section, layout);
    rule(pdf, pdf.y);
    pdf.y += 1;
    writeRow(pdf, section, section.totals, layout, true);
  }
  pdf.y += section_gap_pt;
}

/** A table that runs over a page starts the next one with its heading and column header again. */
function writeContinuation(pdf: Pdf, section: DocumentSection, layout: TableLayout): void {
  const heading = fitText(`${section.heading} (forts.)`, contentWidth(pdf), layout.fontSizePt, true, measureWith(pdf));
  line(pdf, pdfCellText(heading), contentLeft(pdf), pdf.y, BOLD, layout.fontSizePt);
  pdf.y += layout.rowHeightPt;
  writeColumnHeader(pdf, section, layout);
}

function writeColumnHeader(pdf: Pdf, section: DocumentSection, layout: TableLayout): void {
  const labels = Object.fromEntries(section.columns.map((column) => [column.key, column.label]));
  writeCells(pdf, section, layout, true, (column) => labels[column.key] ?? '');
  rule(pdf, pdf.y);
  pdf.y += 2;
}

function writeRow(pdf: Pdf, section: DocumentSection, row: DocumentRow, layout: TableLayout, bold: boolean): void {
  writeCells(pdf, section, layout, bold, (column) => displayValue(column.kind, cellValue(row, column.key)));
}

function writeCells(
  pdf: Pdf,
  section: DocumentSection,
  layout: TableLayout,
  bold: boolean,
  textOf: (column: DocumentColumn) => string,
): void {
  const measure = measureWith(pdf);
  const top = pdf.y;
  // Centre the cap height in the row; pdfkit places text by the top of its line box.
  const textTop = top + (layout.rowHeightPt - layout.fontSizePt) / 2;
  let left = contentLeft(pdf);
  section.columns.forEach((column, index) => {
    const widthPt = layout.widthsPt[index] ?? 0;
    const innerPt = widthPt - 2 * cell_padding_pt;
    // Only text is ever cut; the layout gives amounts, percentages and dates their full width.
    const whole = pdfCellText(textOf(column));
    const text = column.kind === 'text' ? fitText(whole, innerPt, layout.fontSizePt, bold, measure) : whole;
    const textWidthPt = measure(text, bold) * layout.fontSizePt;
    const x = alignmentOf(column) === 'right' ? left + widthPt - cell_padding_pt - textWidthPt : left + cell_padding_pt;
    if (text !== '') line(pdf, text, x, textTop, bold ? BOLD : REGULAR, layout.fontSizePt);
    left += widthPt;
  });
  pdf.y = top + layout.rowHeightPt;
}

function writeNotes(pdf: Pdf, notes: readonly string[]): void {
  ensureRoom(pdf, heading_font_size_pt * 4);
  paragraph(pdf, 'Noter', BOLD, heading_font_size_pt);
  pdf.moveDown(0.3);
  for (const note of notes) {
    paragraph(pdf, note, REGULAR, 9);
    pdf.moveDown(0.5);
  }
  pdf.y += section_gap_pt;
}

/** Signature lines two by two; a line, its name and its role never split across pages. */
function writeSignatures(pdf: Pdf, signatures: readonly DocumentSignature[]): void {
  const columnWidthPt = contentWidth(pdf) / signatures_per_line;
  const blockHeightPt = signature_space_pt + 30;
  for (let start = 0; start < signatures.length; start += signatures_per_line) {
    ensureRoom(pdf, blockHeightPt);
    const lineY = pdf.y + signature_space_pt;
    signatures.slice(start, start + signatures_per_line).forEach((signature, index) => {
      const left = contentLeft(pdf) + index * columnWidthPt;
      const widthPt = columnWidthPt - 24;
      pdf
        .moveTo(left, lineY)
        .lineTo(left + widthPt, lineY)
        .lineWidth(RULE_WIDTH_PT)
        .strokeColor('black')
        .stroke();
      const measure = measureWith(pdf);
      const name = signature.name === undefined ? '' : fitText(pdfCellText(signature.name), widthPt, 9, false, measure);
      if (name !== '') line(pdf, name, left, lineY + 4, REGULAR, 9);
      line(pdf, fitText(pdfCellText(signature.role), widthPt, 9, false, measure), left, lineY + 15, ITALIC, 9);
    });
    pdf.y = lineY + 30;
  }
}

/** Running header from page 2, and the footer with the time of printing and "Sida n av N" on every page. */
function writePageFurniture(pdf: Pdf, document: TabularDocument): void {
  const { start, count } = pdf.bufferedPageRange();
  const measure = measureWith(pdf);
  const generated = `Skapad ${formatTimestamp(document.generatedAt)}`;
  const running = pdfCellText(`${document.organisation.name} · ${document.title}`);
  for (let index = start; index < start + count; index++) {
    pdf.switchToPage(index);
    const footerY = pdf.page.height - footer_from_bottom_pt;
    const right = contentLeft(pdf) + contentWidth(pdf);
    if (index > start) {
      const header = fitText(running, contentWidth(pdf), furniture_font_size_pt, false, measure);
      line(pdf, header, contentLeft(pdf), running_header_from_top_pt, REGULAR, furniture_font_size_pt);
    }
    line(pdf, generated, contentLeft(pdf), footerY, REGULAR, furniture_font_size_pt);
    const pageNumber = `Sida ${index - start + 1} av ${count}`;
    const numberWidthPt = measure(pageNumber, false) * furniture_font_size_pt;
    line(pdf, pageNumber, right - numberWidthPt, footerY, REGULAR, furniture_font_size_pt);
  }
}
