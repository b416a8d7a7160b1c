import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoney } from '../money.ts';
import { trialBalance } from './balances.ts';
import { hledger_commodity, hledgerAccountName, toHledgerJournal } from './hledger.ts';
import { booked, chart, randomYear } from './test-fixtures.ts';

/** Size of the year checked against hledger: well above a förbund's real year of a few thousand. */
const vouchers_checked_min = 10_000;
const hledger_timeout_ms = 120_000;

function hledgerVersion(): string | undefined {
  try {
    return execFileSync('hledger', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}
const version = hledgerVersion();
if (version === undefined)
  console.warn(
    'hledger is not installed: the cross-check against hledger is SKIPPED. Install it with: apt-get install -y hledger',
  );

const opening = { '1930': '500000.00', '1510': '1234.56', '2050': '-481234.56', '2513': '-20000.00' };

describe('toHledgerJournal', () => {
  const journal = toHledgerJournal(
    chart,
    [
      booked(3, '2027-02-01', 'Avgift; "kvartal" 1\nrad två', [
        { account: '4101', amount: '1234.50', memberId: 'kommun-a', insatsId: 'unga' },
        { account: '1930', amount: '-1234.50' },
      ]),
    ],
    opening,
  );

  it('declares the commodity and every account, flat, number first', () => {
    expect(journal).toContain(`commodity 1000.00 ${hledger_commodity}`);
    expect(journal).toContain('account 1930 Bank');
    expect(journal).toContain('account 4101 Insats Unga i arbete- "UIA"');
  });

  it('writes the opening balances on 1 January and each voucher with its number', () => {
    expect(journal).toContain('2027-01-01 * Ingående balans\n    1510 Fordran Försäkringskassan  1234.56 SEK\n');
    expect(journal).toContain(
      '2027-02-01 * (A3) Avgift, "kvartal" 1 rad två\n' +
        '    4101 Insats Unga i arbete- "UIA"  1234.50 SEK  ; member:kommun-a, insats:unga\n' +
        '    1930 Bank  -1234.50 SEK\n',
    );
  });

  it('keeps account names free of what hledger reads as syntax', () => {
    expect(
      hledgerAccountName({ number: '5420', name: 'Hyra:  lokal; kansli', kind: 'cost', area: 'administration' }),
    ).toBe('5420 Hyra- lokal, kansli');
  });

  it('asks for a date when there are opening balances but no vouchers', () => {
    expect(() => toHledgerJournal(chart, [], opening)).toThrow(/datum/);
    expect(toHledgerJournal(chart, [], opening, { openingDate: '2027-01-01' })).toContain(
      '2027-01-01 * Ingående balans',
    );
  });
});

describe.skipIf(version === undefined)(
  `hledger cross-check (${version ?? 'hledger missing: apt-get install -y hledger'})`,
  () => {
    it(
      `agrees with our trial balance for every account over ${vouchers_checked_min} pseudo-random vouchers`,
      () => {
        const vouchers = randomYear(424242, vouchers_checked_min);
        expect(vouchers.length).toBeGreaterThanOrEqual(vouchers_checked_min);
        const ours = trialBalance(chart, vouchers, opening);
        const directory = mkdtempSync(join(tmpdir(), 'finsam-hledger-'));
        try {
          const file = join(directory, 'year.journal');
          writeFileSync(file, toHledgerJournal(chart, vouchers, opening), 'utf8');
          const csv = execFileSync('hledger', ['-f', file, 'balance', '--no-total', '--empty', '-O', 'csv'], {
            encoding: 'utf8',
            maxBuffer: 10_000_000,
          });
          const theirs = parseBalanceCsv(csv);
          const names = new Map(chart.map((account) => [hledgerAccountName(account), account.number]));
          const byNumber = new Map([...theirs].map(([name, amount]) => [names.get(name) ?? name, amount]));
          for (const row of ours.rows)
            expect([row.account, byNumber.get(row.account) ?? '0.00']).toEqual([row.account, row.closing]);
          for (const [number, amount] of byNumber)
            if (!ours.rows.some((row) => row.account === number)) expect([number, amount]).toEqual([number, '0.00']);
          expect(byNumber.size).toBeGreaterThan(20);
        } finally {
          rmSync(directory, { recursive: true, force: true });
        }
      },
      hledger_timeout_ms,
    );
  },
);

/** hledger's CSV: a header, then "account","1234.50 SEK" per row; a zero balance is written "0". */
function parseBalanceCsv(csv: string): Map<string, string> {
  const rows = csv.trim().split('\n').slice(1);
  const balances = new Map<string, string>();
  for (const row of rows) {
    const match = /^"((?:[^"]|"")*)","((?:[^"]|"")*)"$/.exec(row.trim());
    if (match === null) throw new Error(`unexpected hledger row: ${row}`);
    const name = (match[1] as string).replaceAll('""', '"');
    const amount = (match[2] as string).replace(hledger_commodity, '').trim();
    balances.set(name, formatMoney(parseMoney(amount === '0' ? '0.00' : amount)));
  }
  return balances;
}
