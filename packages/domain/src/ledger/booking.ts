import { assert, type FieldIssue, invalid } from '../errors.ts';
import { formatKronor } from '../money.ts';
import type { Chart } from './account.ts';
import { accountIndex } from './chart.ts';
import { fiscalYearBounds, fiscalYearOf, isDateLocked, type PeriodLocks } from './periods.ts';
import {
  assertBalanced,
  parseVoucherDraft,
  type Voucher,
  type VoucherDraft,
  type VoucherId,
  voucherDifference,
} from './voucher.ts';

/**
 * What stops a well-formed draft from being booked: it does not balance, names an account the
 * kontoplan lacks or a member/insats other than its account's, lies outside its fiscal year, or
 * lies in a locked period. Returns every problem at once.
 */
export function checkVoucher(draft: VoucherDraft, chart: Chart, locks: PeriodLocks): FieldIssue[] {
  assert(locks.year === draft.year, 'period locks are those of the voucher fiscal year');
  const issues: FieldIssue[] = [];
  const difference = voucherDifference(draft);
  if (!difference.isZero())
    issues.push({
      field: 'lines',
      message: `Verifikationen balanserar inte: debet och kredit skiljer ${formatKronor(difference.abs())}.`,
    });

  const accounts = accountIndex(chart);
  draft.lines.forEach((line, index) => {
    const account = accounts.get(line.account);
    if (account === undefined) {
      issues.push({ field: `lines.${index}.account`, message: `Konto: ${line.account} finns inte i kontoplanen.` });
      return;
    }
    if (line.memberId !== undefined && account.memberId !== undefined && line.memberId !== account.memberId)
      issues.push({
        field: `lines.${index}.memberId`,
        message: `Medlem: konto ${account.number} hör till en annan medlem.`,
      });
    if (line.insatsId !== undefined && account.insatsId !== undefined && line.insatsId !== account.insatsId)
      issues.push({
        field: `lines.${index}.insatsId`,
        message: `Insats: konto ${account.number} hör till en annan insats.`,
      });
  });

  const { first, last } = fiscalYearBounds(draft.year);
  if (fiscalYearOf(draft.date) !== draft.year)
    issues.push({ field: 'date', message: `Datum: ska ligga i räkenskapsåret ${first}–${last}.` });
  else if (isDateLocked(draft.date, locks))
    issues.push({
      field: 'date',
      message: locks.yearLocked
        ? `Datum: räkenskapsåret ${draft.year} är låst.`
        : `Datum: perioden ${draft.date.slice(0, 7)} är låst; boka i en öppen period.`,
    });
  return issues;
}

export interface BookingRecord {
  /** The next number of the series and year, taken by the store without gaps. */
  number: number;
  bookedBy: string;
  /** ISO timestamp from the shell's clock. */
  bookedAt: string;
}

const ISO_TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** Turns untrusted input into a booked voucher, or throws 'invalid' naming every field at fault. */
export function bookVoucher(input: unknown, record: BookingRecord, chart: Chart, locks: PeriodLocks): Voucher {
  const draft = parseVoucherDraft(input);
  const issues = checkVoucher(draft, chart, locks);
  if (issues.length > 0) throw invalid('Verifikationen kan inte bokföras.', issues);
  assert(Number.isInteger(record.number) && record.number >= 1, 'a voucher number is a positive integer');
  assert(record.bookedBy.trim().length > 0, 'a voucher records who booked it');
  assert(ISO_TIMESTAMP_PATTERN.test(record.bookedAt), 'a voucher records when it was booked');
  const voucher: Voucher = { ...draft, ...record };
  assertBalanced(voucher);
  return voucher;
}

/** The number the next voucher of a series and year takes: one past the highest booked. */
export function nextVoucherNumber(vouchers: readonly VoucherId[], series: string, year: number): number {
  let highest = 0;
  for (const voucher of vouchers)
    if (voucher.series === series && voucher.year === year) highest = Math.max(highest, voucher.number);
  return highest + 1;
}

/**
 * Gaps and duplicates in the numbering (Bokföringslagen: löpande numrering). A gap means a lost
 * voucher, so the shell checks this after reading a year back.
 */
export function numberingIssues(vouchers: readonly VoucherId[]): FieldIssue[] {
  const bySeries = new Map<string, number[]>();
  for (const voucher of vouchers) {
    const key = `${voucher.series} ${voucher.year}`;
    const numbers = bySeries.get(key) ?? [];
    numbers.push(voucher.number);
    bySeries.set(key, numbers);
  }
  const issues: FieldIssue[] = [];
  for (const [key, numbers] of [...bySeries].sort(([a], [b]) => a.localeCompare(b))) {
    let previous = 0;
    for (const number of [...numbers].sort((a, b) => a - b)) {
      if (number === previous)
        issues.push({ field: `vouchers.${key}`, message: `Serie ${key}: nummer ${number} förekommer två gånger.` });
      else if (number !== previous + 1)
        issues.push({
          field: `vouchers.${key}`,
          message: `Serie ${key}: nummer ${previous + 1}–${number - 1} saknas.`,
        });
      previous = number;
    }
  }
  return issues;
}
