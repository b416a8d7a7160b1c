import { FinsamError } from '@finsam/domain';
import { describe, expect, it } from 'vitest';
import { checkPrintable, pdfCellText, pdfText } from './pdf-text.ts';
import { kostnader, sampleDocument } from './test-fixtures.ts';

describe('pdfText', () => {
  it('prints the minus sign of formatKronor as an en dash, which Helvetica has', () => {
    expect(pdfText('−1\u00a0234,50')).toBe('–1\u00a0234,50');
  });

  it('leaves Swedish and other Latin-1 letters alone', () => {
    expect(pdfText('ÅÄÖåäöéü€…–')).toBe('ÅÄÖåäöéü€…–');
  });

  it('puts a cell on one line', () => {
    expect(pdfCellText('rad ett\r\nrad två\ttre')).toBe('rad ett rad två tre');
  });
});

describe('checkPrintable', () => {
  it('accepts the sample document', () => {
    expect(() => checkPrintable(sampleDocument())).not.toThrow();
  });

  it('names every text the standard font cannot print, rather than print it wrong', () => {
    const document = sampleDocument({
      title: 'Budget för Jåhkåmåhkke ŋ',
      sections: [{ ...kostnader, rows: [{ name: 'Čoahkkin' }] }],
    });
    let caught: unknown;
    try {
      checkPrintable(document);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FinsamError);
    const issues = (caught as FinsamError).issues;
    expect(issues.map((issue) => issue.field)).toEqual(['title', 'sections.0.rows.0.name']);
    expect(issues[0]?.message).toContain('U+014B');
  });
});
