import { invalid } from '@finsam/domain';
import { cellValue, type DocumentColumn, type DocumentSection } from './document.ts';
import { displayValue } from './format.ts';

/** Table text size when the table fits; a wider table is set smaller, down to the minimum. */
export const table_font_size_pt = 9;
/** Below this a printed table is no longer readable; such a table is refused instead. */
export const table_font_size_min_pt = 6;
/** Space between a cell's text and the cell's edge, each side: 10 pt between two amounts. */
export const cell_padding_pt = 5;
/** A text column narrower than this shows too little of its text to be worth a column. */
export const text_column_width_min_pt = 60;
/** Row height as a multiple of the font size: room for descenders and air between rows. */
const row_height_per_font_size = 1.6;
const ELLIPSIS = '…';
/**
 * A hundredth of a point, far below what a printer shows: absorbs the floating-point rounding of
 * the width arithmetic, which would otherwise cut a text that fits its column exactly.
 */
const width_tolerance_pt = 0.01;

/** Width of a text at a font size of 1 pt, so every other size is a multiplication. */
export type MeasureText = (text: string, bold: boolean) => number;

export interface TableLayout {
  widthsPt: number[];
  fontSizePt: number;
  rowHeightPt: number;
}

export function alignmentOf(column: DocumentColumn): 'left' | 'right' {
  return column.kind === 'money' || column.kind === 'percent' ? 'right' : 'left';
}

/**
 * Column widths across the page. Amounts, percentages and dates keep their full width, because a
 * cut-off amount is a wrong amount; text columns share what is left and are cut with "…". When
 * even that does not fit, the whole table is set in a smaller size.
 */
export function tableLayout(section: DocumentSection, availableWidthPt: number, measure: MeasureText): TableLayout {
  const isText = section.columns.map((column) => column.kind === 'text');
  const naturalEm = section.columns.map((column) => naturalWidthEm(section, column, measure));
  const fontSizePt = fittingFontSize(naturalEm, isText, availableWidthPt);
  if (fontSizePt < table_font_size_min_pt)
    throw invalid(`Tabellen ”${section.heading}” är för bred för sidan. Välj liggande format eller färre kolumner.`);
  const naturalPt = naturalEm.map((em) => em * fontSizePt + 2 * cell_padding_pt);
  const minimumPt = naturalPt.map((natural, index) =>
    isText[index] ? Math.min(natural, text_column_width_min_pt) : natural,
  );
  return {
    widthsPt: shareWidth(naturalPt, minimumPt, isText, availableWidthPt),
    fontSizePt,
    rowHeightPt: fontSizePt * row_height_per_font_size,
  };
}

/** The body size, or the size at which the fixed columns and each text column's minimum fill the page. */
function fittingFontSize(naturalEm: readonly number[], isText: readonly boolean[], availableWidthPt: number): number {
  let fixedEm = 0;
  let reservedPt = 0;
  naturalEm.forEach((em, index) => {
    const naturalPt = em * table_font_size_pt + 2 * cell_padding_pt;
    if (isText[index]) reservedPt += Math.min(naturalPt, text_column_width_min_pt);
    else {
      fixedEm += em;
      reservedPt += 2 * cell_padding_pt;
    }
  });
  if (fixedEm === 0) return table_font_size_pt;
  return Math.min(table_font_size_pt, (availableWidthPt - reservedPt) / fixedEm);
}

/** Fixed columns keep their natural width; text columns grow into spare room or shrink towards their minimum. */
function shareWidth(
  naturalPt: readonly number[],
  minimumPt: readonly number[],
  isText: readonly boolean[],
  availableWidthPt: number,
): number[] {
  const textNaturalPt = sum(naturalPt.filter((_, index) => isText[index]));
  const textMinimumPt = sum(minimumPt.filter((_, index) => isText[index]));
  const textRoomPt = availableWidthPt - sum(naturalPt.filter((_, index) => !isText[index]));
  // Without text columns the spare room is spread evenly, so the table still spans the page.
  if (textNaturalPt === 0) {
    const spareEachPt = (availableWidthPt - sum(naturalPt)) / naturalPt.length;
    return naturalPt.map((natural) => natural + spareEachPt);
  }
  return naturalPt.map((natural, index) => {
    if (!isText[index]) return natural;
    if (textNaturalPt <= textRoomPt) return (natural * textRoomPt) / textNaturalPt;
    // Every text column gives up the same share of what it has above its minimum.
    const minimum = minimumPt[index] ?? 0;
    return minimum + ((natural - minimum) * (textRoomPt - textMinimumPt)) / (textNaturalPt - textMinimumPt);
  });
}

/** The widest of the label, the cells and the total, in em; labels and totals are bold. */
function naturalWidthEm(section: DocumentSection, column: DocumentColumn, measure: MeasureText): number {
  let widest = measure(column.label, true);
  for (const row of section.rows)
    widest = Math.max(widest, measure(displayValue(column.kind, cellValue(row, column.key)), false));
  if (section.totals !== undefined)
    widest = Math.max(widest, measure(displayValue(column.kind, cellValue(section.totals, column.key)), true));
  return widest;
}

/** The longest start of the text that fits the width with "…" after it; the text itself if it fits. */
export function fitText(text: string, widthPt: number, sizePt: number, bold: boolean, measure: MeasureText): string {
  const fits = (candidate: string) => measure(candidate, bold) * sizePt <= widthPt + width_tolerance_pt;
  if (fits(text)) return text;
  // Binary search over the prefix length: at most log2(text_length_max_chars) measurements.
  let shortest = 0;
  let longest = text.length;
  while (shortest < longest) {
    const middle = Math.ceil((shortest + longest) / 2);
    if (fits(text.slice(0, middle).trimEnd() + ELLIPSIS)) shortest = middle;
    else longest = middle - 1;
  }
  return shortest === 0 ? '' : text.slice(0, shortest).trimEnd() + ELLIPSIS;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
