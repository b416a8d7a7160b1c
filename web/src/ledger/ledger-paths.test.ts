import { describe, expect, it } from 'vitest';
import { ledgerPath, openingBalancesPath, readVoucherId, readYear, voucherPath } from './ledger-paths.ts';

describe('ledger paths', () => {
  it('builds bookmarkable addresses with escaped ids', () => {
    expect(ledgerPath('exempeldalen')).toBe('/forbund/exempeldalen/bokforing');
    expect(ledgerPath('a b', { year: 2027, series: 'B' })).toBe('/forbund/a%20b/bokforing?ar=2027&serie=B');
    expect(voucherPath('x', { year: 2026, series: 'A', number: 12 })).toBe(
      '/forbund/x/bokforing/2026/verifikation/A/12',
    );
    expect(openingBalancesPath('a b', 2026)).toBe('/forbund/a%20b/ingaende-balanser/2026');
  });

  it('reads only years and vouchers the API could hold', () => {
    expect(readYear('2026')).toBe(2026);
    for (const text of ['1999', '2200', '02026', '2026.0', '', null, undefined]) expect(readYear(text)).toBeNull();
    expect(readVoucherId({ year: '2026', series: 'A', number: '12' })).toEqual({ year: 2026, series: 'A', number: 12 });
    expect(readVoucherId({ year: '2026', series: 'a', number: '12' })).toBeNull();
    expect(readVoucherId({ year: '2026', series: 'A', number: '0' })).toBeNull();
    expect(readVoucherId({ year: '2026', series: 'A', number: '1e3' })).toBeNull();
  });
});
