import { FinsamError } from '@finsam/domain';
import { describe, expect, it } from 'vitest';
import { checkDocument, checkSection, issues_reported_max } from './check-document.ts';
import { cellValue, columns_per_section_max, rows_per_document_max, type TabularDocument } from './document.ts';
import { kostnader, sampleDocument } from './test-fixtures.ts';

function issuesOf(document: TabularDocument): string[] {
  try {
    checkDocument(document);
  } catch (error) {
    expect(error).toBeInstanceOf(FinsamError);
    expect((error as FinsamError).kind).toBe('invalid');
    return (error as FinsamError).issues.map((issue) => issue.field);
  }
  return [];
}

function withRow(row: Record<string, string>): TabularDocument {
  return sampleDocument({ sections: [{ ...kostnader, rows: [row] }] });
}

describe('checkDocument', () => {
  it('accepts the sample document', () => {
    expect(issuesOf(sampleDocument())).toEqual([]);
  });

  it.each([
    ['1234.5', 'a money string with one decimal'],
    ['1 234,50', 'a displayed amount'],
    ['+12.00', 'a plus sign'],
    ['10000000000000.01', 'an amount above money_abs_max_kr'],
  ])('refuses the money value %s (%s)', (amount) => {
    expect(issuesOf(withRow({ amount }))).toEqual(['sections.0.rows.0.amount']);
  });

  it('accepts the largest amount the product allows', () => {
    expect(issuesOf(withRow({ amount: '-10000000000000.00' }))).toEqual([]);
  });

  it('refuses a number where a string belongs', () => {
    expect(issuesOf(withRow({ amount: 12 as unknown as string }))).toEqual(['sections.0.rows.0.amount']);
  });

  it.each(['2025-02-29', '2025-13-01', '25-01-01', '2025-1-1'])('refuses the date %s', (booked) => {
    expect(issuesOf(withRow({ booked }))).toEqual(['sections.0.rows.0.booked']);
  });

  it('accepts the leap day of a leap year', () => {
    expect(issuesOf(withRow({ booked: '2024-02-29' }))).toEqual([]);
  });

  it.each(['83,4', '83.45678', '%', '1e3'])('refuses the percent %s', (used) => {
    expect(issuesOf(withRow({ used }))).toEqual(['sections.0.rows.0.used']);
  });

  it('refuses a value for a column that does not exist, such as a misspelt key', () => {
    expect(issuesOf(withRow({ amuont: '1.00' }))).toEqual(['sections.0.rows.0.amuont']);
  });

  it('refuses control characters that XML cannot hold, but allows tabs and line breaks', () => {
    expect(issuesOf(withRow({ name: 'a\u0000b' }))).toEqual(['sections.0.rows.0.name']);
    expect(issuesOf(withRow({ name: 'a\u0085b' }))).toEqual(['sections.0.rows.0.name']);
    expect(issuesOf(withRow({ name: 'half of a pair \ud83d' }))).toEqual(['sections.0.rows.0.name']);
    expect(issuesOf(withRow({ name: 'rad ett\r\nrad\ttvå' }))).toEqual([]);
  });

  it('refuses an empty title, a wrong organisationsnummer and a generatedAt that is not ISO', () => {
    const document = sampleDocument({
      title: ' ',
      organisation: { name: 'Förbundet', organisationsnummer: '222000-0001' },
      generatedAt: '14 februari 2025',
    });
    expect(issuesOf(document)).toEqual(['title', 'organisation.organisationsnummer', 'generatedAt']);
  });

  it('refuses a generatedAt before 1980, which a zip entry cannot carry', () => {
    expect(issuesOf(sampleDocument({ generatedAt: '1979-12-31T23:59:59Z' }))).toEqual(['generatedAt']);
    expect(issuesOf(sampleDocument({ generatedAt: '1980-01-01T00:00:00Z' }))).toEqual([]);
  });

  it('refuses duplicate column keys, unknown kinds and too many columns', () => {
    const duplicate = { ...kostnader, columns: [...kostnader.columns, { key: 'amount', label: 'X', kind: 'money' }] };
    expect(issuesOf(sampleDocument({ sections: [duplicate as never] }))).toEqual(['sections.0.columns.5.key']);
    const unknown = { heading: 'Okänd', columns: [{ key: 'amount', label: 'X', kind: 'currency' }], rows: [] };
    expect(issuesOf(sampleDocument({ sections: [unknown as never] }))).toEqual(['sections.0.columns.0.kind']);
    const columns = Array.from({ length: columns_per_section_max + 1 }, (_, index) => ({
      key: `c${index}`,
      label: `K${index}`,
      kind: 'text' as const,
    }));
    expect(issuesOf(sampleDocument({ sections: [{ heading: 'Bred', columns, rows: [] }] }))).toEqual([
      'sections.0.columns',
    ]);
  });

  it('refuses a document without sections and one over the row limit, on the count alone', () => {
    expect(issuesOf(sampleDocument({ sections: [] }))).toEqual(['sections']);
    const row = kostnader.rows[0] ?? {};
    const rows = new Array(rows_per_document_max + 1).fill(row);
    expect(issuesOf(sampleDocument({ sections: [{ ...kostnader, rows }] }))).toEqual(['sections']);
    const atLimit = new Array(rows_per_document_max).fill(row);
    expect(issuesOf(sampleDocument({ sections: [{ ...kostnader, rows: atLimit }] }))).toEqual([]);
  });

  it('lists at most issues_reported_max issues', () => {
    const rows = Array.from({ length: issues_reported_max * 2 }, () => ({ amount: 'x' }));
    expect(issuesOf(sampleDocument({ sections: [{ ...kostnader, rows }] }))).toHaveLength(issues_reported_max);
  });
});

describe('checkSection', () => {
  it('checks a section on its own', () => {
    expect(() => checkSection(kostnader)).not.toThrow();
    expect(() => checkSection({ ...kostnader, rows: [{ amount: '1,00' }] })).toThrow(FinsamError);
  });
});

describe('cellValue', () => {
  it('reads only a row’s own keys, so "__proto__" is an empty cell, not the prototype', () => {
    expect(cellValue({}, '__proto__')).toBe('');
    expect(cellValue({}, 'toString')).toBe('');
    expect(cellValue(JSON.parse('{"__proto__":"x"}'), '__proto__')).toBe('x');
  });
});
