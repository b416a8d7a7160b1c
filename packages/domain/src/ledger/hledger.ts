import { assert, invalid } from '../errors.ts';
import { parseMoney } from '../money.ts';
import type { Account, Chart } from './account.ts';
import type { Balances } from './balances.ts';
import { accountIndex } from './chart.ts';
import { assertBalanced, type Voucher } from './voucher.ts';

/**
 * Every amount carries this commodity, declared once with the format 1000.00, so hledger reads
 * a decimal point and two decimals and no number is ambiguous.
 */
export const hledger_commodity = 'SEK';

export interface HledgerOptions {
  /** Date of the opening transaction; defaults to 1 January of the earliest voucher's year. */
  openingDate?: string;
}

/**
 * The ledger as a plain-text hledger journal, so that an independent accounting engine can
 * recompute every balance. Accounts are flat, "1930 Bank": the number keeps names unique and
 * hledger needs no hierarchy to balance them.
 */
export function toHledgerJournal(
  chart: Chart,
  vouchers: readonly Voucher[],
  openingBalances: Balances = {},
  options: HledgerOptions = {},
): string {
  const accounts = accountIndex(chart);
  const name = (number: string) => {
    const account = accounts.get(number);
    assert(account !== undefined, `booked account ${number} is in the kontoplan`);
    return hledgerAccountName(account);
  };
  const out: string[] = [
    `; Finsam Cloud: ${vouchers.length} verifikationer`,
    `commodity 1000.00 ${hledger_commodity}`,
    '',
    ...chart.map((account) => `account ${name(account.number)}`),
    '',
  ];

  const openings = Object.entries(openingBalances).filter(([, amount]) => !parseMoney(amount).isZero());
  if (openings.length > 0) {
    const firstYear = vouchers.reduce((first, voucher) => Math.min(first, voucher.year), Number.POSITIVE_INFINITY);
    const date = options.openingDate ?? (Number.isFinite(firstYear) ? `${firstYear}-01-01` : undefined);
    if (date === undefined)
      throw invalid('Ange datum för ingående balans.', [{ field: 'openingDate', message: 'Datum: ange ett datum.' }]);
    out.push(`${date} * Ingående balans`);
    for (const [number, amount] of openings.sort(([a], [b]) => a.localeCompare(b)))
      out.push(`    ${name(number)}  ${amount} ${hledger_commodity}`);
    out.push('');
  }

  const ordered = [...vouchers].sort(
    (a, b) => a.date.localeCompare(b.date) || a.series.localeCompare(b.series) || a.number - b.number,
  );
  for (const voucher of ordered) {
    assertBalanced(voucher);
    out.push(`${voucher.date} * (${voucher.series}${voucher.number}) ${journalText(voucher.text)}`);
    for (const line of voucher.lines) {
      const tags = [
        ...(line.memberId === undefined ? [] : [`member:${line.memberId}`]),
        ...(line.insatsId === undefined ? [] : [`insats:${line.insatsId}`]),
      ];
      const comment = tags.length === 0 ? '' : `  ; ${tags.join(', ')}`;
      out.push(`    ${name(line.account)}  ${line.amount} ${hledger_commodity}${comment}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * hledger ends an account name at two blanks, splits it at ':' and starts a comment at ';',
 * so those are replaced; the number first keeps every name unique.
 */
export function hledgerAccountName(account: Account): string {
  return `${account.number} ${journalText(account.name).replaceAll(':', '-')}`.trim();
}

function journalText(text: string): string {
  return text.replace(/[;|]/g, ',').replace(/\s+/g, ' ').trim();
}
