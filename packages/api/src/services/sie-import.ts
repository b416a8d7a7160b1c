import {
  checkVoucher,
  type FieldIssue,
  importSie4,
  invalid,
  type Principal,
  type SieVoucher,
  type VoucherDraft,
  voucherLabel,
} from '@finsam/domain';
import { import_vouchers_max, type StoredPeriods, type Stores } from '@finsam/store';

/** How far back an interrupted booking looks for a voucher it may already have booked. */
const resume_lookback_vouchers = 20;

const referenceOf = (fileName: string, voucher: Pick<SieVoucher, 'series' | 'number'>) =>
  `${fileName} ${voucher.series}${voucher.number}`.slice(0, 200);

/**
 * Reads a SIE 4 file (a member's cost report, or a whole ledger) into vouchers waiting in a
 * staging area. Every voucher is checked against the kontoplan and the period locks before
 * anything is staged: a file with one bad voucher stages nothing.
 */
export async function stageSieImport(
  stores: Stores,
  principal: Principal,
  forbundId: string,
  file: { fileName: string; bytes: Uint8Array },
  now: () => Date,
) {
  const document = importSie4(file.bytes);
  if (document.vouchers.length === 0)
    throw invalid('Filen innehåller inga verifikationer.', [{ field: 'file', message: 'Inga #VER-poster hittades.' }]);
  if (document.vouchers.length > import_vouchers_max)
    throw invalid('Filen är för stor för en import.', [
      { field: 'file', message: `Högst ${import_vouchers_max} verifikationer per import; dela upp filen.` },
    ]);
  const { accounts } = await stores.charts.chart(principal, forbundId, now());
  const drafts: VoucherDraft[] = document.vouchers.map((voucher) => ({
    series: voucher.series,
    year: Number(voucher.date.slice(0, 4)),
    date: voucher.date,
    text: voucher.text || `Import ${voucher.series}${voucher.number}`,
    lines: voucher.lines,
    basis: { kind: 'import', reference: referenceOf(file.fileName, voucher) },
  }));
  const issues: FieldIssue[] = [];
  const locksByYear = new Map<number, StoredPeriods>();
  for (const [index, draft] of drafts.entries()) {
    const locks = locksByYear.get(draft.year) ?? (await stores.periods.periods(principal, forbundId, draft.year));
    locksByYear.set(draft.year, locks);
    const label = voucherLabel({ ...draft, number: document.vouchers[index]?.number ?? index + 1 });
    for (const issue of checkVoucher(draft, accounts, locks))
      issues.push({ field: `vouchers.${index}.${issue.field}`, message: `${label}: ${issue.message}` });
  }
  if (issues.length > 0) throw invalid('Filen kan inte importeras; inget har sparats.', issues);
  return stores.imports.stage(principal, forbundId, file.fileName, drafts, now());
}

/**
 * Books a staged import in file order, recording progress after each voucher so that a booking
 * interrupted half-way resumes where it stopped. The one voucher that may have been booked just
 * before an interruption is recognised by its basis reference and not booked twice.
 */
export async function bookStagedImport(
  stores: Stores,
  principal: Principal,
  forbundId: string,
  importId: string,
  now: () => Date,
) {
  const staged = await stores.imports.get(principal, forbundId, importId);
  while (staged.bookedCount < staged.drafts.length) {
    const draft = staged.drafts[staged.bookedCount] as VoucherDraft;
    const recent = await stores.vouchers.latest(
      principal,
      forbundId,
      draft.year,
      draft.series,
      resume_lookback_vouchers,
    );
    const already = recent.find((voucher) => voucher.basis?.reference === draft.basis?.reference);
    const booked = already ?? (await stores.vouchers.book(principal, forbundId, draft, now));
    await stores.imports.recordBooked(principal, forbundId, staged, voucherLabel(booked));
  }
  return staged;
}
