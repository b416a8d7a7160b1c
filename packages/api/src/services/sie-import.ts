import {
  importSie4,
  invalid,
  type PeriodLocks,
  type Principal,
  sieVoucherDrafts,
  sieVoucherYears,
  type VoucherDraft,
  voucherLabel,
} from '@finsam/domain';
import { import_vouchers_max, type Stores } from '@finsam/store';

/** How far back an interrupted booking looks for a voucher it may already have booked. */
const resume_lookback_vouchers = 20;

/**
 * Reads a SIE 4 file (a member's cost report, or a whole ledger) into vouchers waiting in a
 * staging area. Every voucher is checked by the rules of a voucher entered through the API, its
 * object tags against the förbund's members and insatser, and the file's #ORGNR against the
 * förbund's, before anything is staged: a file with one bad voucher stages nothing, and each
 * problem names its file line. A file whose #ORGNR is missing or another is staged only when the
 * person confirms it, and the confirmation is written in the behandlingshistorik.
 */
export async function stageSieImport(
  stores: Stores,
  principal: Principal,
  forbundId: string,
  file: { fileName: string; bytes: Uint8Array; confirmOrganisationsnummerMismatch: boolean },
  now: () => Date,
) {
  const document = importSie4(file.bytes);
  if (document.vouchers.length === 0)
    throw invalid('Filen innehåller inga verifikationer.', [{ field: 'file', message: 'Inga #VER-poster hittades.' }]);
  if (document.vouchers.length > import_vouchers_max)
    throw invalid('Filen är för stor för en import.', [
      { field: 'file', message: `Högst ${import_vouchers_max} verifikationer per import; dela upp filen.` },
    ]);
  const years = sieVoucherYears(document);
  const [forbund, { accounts }, charter, locks, budgets] = await Promise.all([
    stores.forbund.get(principal, forbundId),
    stores.charts.chart(principal, forbundId, now()),
    stores.charters.current(principal, forbundId),
    Promise.all(years.map((year) => stores.periods.periods(principal, forbundId, year))),
    Promise.all(years.map((year) => stores.budgets.versions(principal, forbundId, year))),
  ]);
  const locksByYear = new Map<number, PeriodLocks>(locks.map((periods) => [periods.year, periods]));
  const insatsIds = new Set<string>();
  for (const account of accounts) if (account.insatsId !== undefined) insatsIds.add(account.insatsId);
  for (const version of budgets.flat()) for (const insats of version.insatser) insatsIds.add(insats.id);
  const { drafts, organisationsnummerMismatch } = sieVoucherDrafts(document, {
    fileName: file.fileName,
    organisationsnummer: forbund.organisationsnummer,
    mismatchConfirmed: file.confirmOrganisationsnummerMismatch,
    chart: accounts,
    memberIds: charter.members.map((member) => member.id),
    insatsIds: [...insatsIds],
    locks: (year) => locksByYear.get(year),
  });
  const fileNumber = document.organisationsnummer?.trim() ?? '';
  const note = !organisationsnummerMismatch
    ? undefined
    : fileNumber === ''
      ? `filen saknar #ORGNR, bekräftad som förbundets (${forbund.organisationsnummer}) av ${principal.name}`
      : `#ORGNR ${fileNumber} är inte förbundets ${forbund.organisationsnummer}, avvikelsen bekräftad av ${principal.name}`;
  return stores.imports.stage(principal, forbundId, file.fileName, drafts, now(), note);
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
