import { describe, expect, it } from 'vitest';
import { sheet_name_max_chars, sheetNames } from './sheet-names.ts';

describe('sheetNames', () => {
  it('keeps a valid heading as it is, åäö included', () => {
    expect(sheetNames(['Resultaträkning', 'Balansräkning'])).toEqual(['Resultaträkning', 'Balansräkning']);
  });

  it('replaces the characters Excel forbids', () => {
    expect(sheetNames(['Budget/utfall [2025]: a*b?c\\d'])).toEqual(['Budget-utfall -2025-- a-b-c-d']);
  });

  it('cuts a long heading to 31 characters', () => {
    const [name] = sheetNames(['Verksamhetens kostnader per insats och kostnadsställe']);
    expect(name).toBe('Verksamhetens kostnader per ins');
    expect(name).toHaveLength(sheet_name_max_chars);
  });

  it('makes names distinct without regard to case, within the length limit', () => {
    const long = 'Verksamhetens kostnader per insats';
    const names = sheetNames(['Budget', 'BUDGET', 'budget', 'Årets utfall', 'ÅRETS UTFALL', long, long]);
    expect(names).toEqual([
      'Budget',
      'BUDGET (2)',
      'budget (3)',
      'Årets utfall',
      'ÅRETS UTFALL (2)',
      'Verksamhetens kostnader per ins',
      'Verksamhetens kostnader per (2)',
    ]);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(sheet_name_max_chars);
  });

  it('avoids the reserved name History, empty names and edge apostrophes', () => {
    expect(sheetNames(['History', '  ', "'Noter'", '[]'])).toEqual(['History (2)', 'Blad 2', 'Noter', '--']);
  });
});
