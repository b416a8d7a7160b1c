import { FinsamError } from '@finsam/domain';
import { describe, expect, it } from 'vitest';
import type { DocumentSection } from './document.ts';
import {
  cell_padding_pt,
  fitText,
  type MeasureText,
  table_font_size_pt,
  tableLayout,
  text_column_width_min_pt,
} from './pdf-layout.ts';
import { kostnader } from './test-fixtures.ts';

/** Every character half an em wide, bold or not: easy to reason about. */
const halfEm: MeasureText = (text) => text.length * 0.5;
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('tableLayout', () => {
  it('spans the available width and gives the spare room to the text columns', () => {
    const layout = tableLayout(kostnader, 500, halfEm);
    expect(sum(layout.widthsPt)).toBeCloseTo(500, 6);
    expect(layout.fontSizePt).toBe(table_font_size_pt);
    // The amount column is exactly as wide as its widest value, "−1 234 567,89" (13 characters).
    expect(layout.widthsPt[4]).toBeCloseTo(13 * 0.5 * table_font_size_pt + 2 * cell_padding_pt, 6);
  });

  it('narrows text columns, never amounts, when the page is too narrow', () => {
    const wide = tableLayout(kostnader, 500, halfEm);
    const narrow = tableLayout(kostnader, 300, halfEm);
    expect(narrow.fontSizePt).toBe(table_font_size_pt);
    expect(sum(narrow.widthsPt)).toBeCloseTo(300, 6);
    expect(narrow.widthsPt[4]).toBeCloseTo(wide.widthsPt[4] ?? 0, 6);
    expect(narrow.widthsPt[1]).toBeLessThan(wide.widthsPt[1] ?? 0);
    expect(narrow.widthsPt[1]).toBeGreaterThanOrEqual(text_column_width_min_pt - 1e-9);
  });

  it('sets the table smaller when the amounts alone do not fit, and refuses it below the minimum size', () => {
    const amounts: DocumentSection = {
      heading: 'Belopp',
      columns: Array.from({ length: 8 }, (_, index) => ({ key: `a${index}`, label: 'Belopp', kind: 'money' as const })),
      rows: [Object.fromEntries(Array.from({ length: 8 }, (_, index) => [`a${index}`, '-1234567.89']))],
    };
    const smaller = tableLayout(amounts, 400, halfEm);
    expect(smaller.fontSizePt).toBeLessThan(table_font_size_pt);
    expect(sum(smaller.widthsPt)).toBeCloseTo(400, 6);
    expect(() => tableLayout(amounts, 250, halfEm)).toThrow(FinsamError);
  });
});

describe('fitText', () => {
  it('keeps a text that fits', () => {
    expect(fitText('Konto', 100, 10, false, halfEm)).toBe('Konto');
  });

  it('cuts a text that does not fit and marks the cut with an ellipsis', () => {
    const fitted = fitText('Förbrukningsinventarier', 50, 10, false, halfEm);
    // 50 pt at 5 pt a character: nine letters and the ellipsis.
    expect(fitted).toBe('Förbrukni…');
    expect(halfEm(fitted, false) * 10).toBeLessThanOrEqual(50);
  });

  it('keeps a text exactly as wide as its column, whatever the rounding of the width', () => {
    // 25 pt less a rounding error, as (width + padding) - padding can give.
    expect(fitText('Konto', 25 - 1e-9, 10, false, halfEm)).toBe('Konto');
  });

  it('gives nothing when not even one letter and the ellipsis fit', () => {
    expect(fitText('Konto', 5, 10, false, halfEm)).toBe('');
  });
});
