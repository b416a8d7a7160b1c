import type { ProgressListener } from '../download-progress.ts';
import { request, requestFile } from './client.ts';
import type {
  Chart,
  OpeningBalances,
  Periods,
  ReportName,
  Reports,
  Voucher,
  VoucherDraft,
  VoucherId,
} from './ledger-types.ts';
import type { ItemList } from './types.ts';

/** One function per ledger operation (/api/forbund/{id}/ledger/…), so pages never build URLs by hand. */

const ledgerPath = (forbundId: string) => `/forbund/${encodeURIComponent(forbundId)}/ledger`;
const yearPath = (forbundId: string, year: number) => `${ledgerPath(forbundId)}/${year}`;
const voucherPath = (forbundId: string, { year, series, number }: VoucherId) =>
  `${yearPath(forbundId, year)}/vouchers/${encodeURIComponent(series)}/${number}`;

/** Vouchers per "Visa fler": enough to fill a screen, few enough to answer quickly (API max 100). */
export const voucher_page_items = 25;

export const getChart = (forbundId: string, signal?: AbortSignal) =>
  request<Chart>('GET', `${ledgerPath(forbundId)}/accounts`, undefined, { signal });

export const listVouchers = (
  forbundId: string,
  year: number,
  series: string | undefined,
  cursor: string | undefined,
  signal?: AbortSignal,
) => {
  const query = new URLSearchParams({ limit: String(voucher_page_items) });
  if (series) query.set('series', series);
  if (cursor) query.set('cursor', cursor);
  return request<ItemList<Voucher>>('GET', `${yearPath(forbundId, year)}/vouchers?${query}`, undefined, { signal });
};

/** Whether the year has any voucher booked here: one item is enough to tell. */
export const yearHasVouchers = async (forbundId: string, year: number, signal?: AbortSignal) => {
  const page = await request<ItemList<Voucher>>('GET', `${yearPath(forbundId, year)}/vouchers?limit=1`, undefined, {
    signal,
  });
  return page.items.length > 0;
};

export const getVoucher = (forbundId: string, id: VoucherId, signal?: AbortSignal) =>
  request<Voucher>('GET', voucherPath(forbundId, id), undefined, { signal });

export const bookVoucher = (forbundId: string, draft: VoucherDraft) =>
  request<Voucher>('POST', `${ledgerPath(forbundId)}/vouchers`, draft);

export const reverseVoucher = (forbundId: string, id: VoucherId, body: { date: string; text?: string }) =>
  request<Voucher>('POST', `${voucherPath(forbundId, id)}/reversal`, body);

export const getPeriods = (forbundId: string, year: number, signal?: AbortSignal) =>
  request<Periods>('GET', `${yearPath(forbundId, year)}/periods`, undefined, { signal });

/** `period` is "YYYY-MM" (a month) or "YYYY" (the year); a lock can never be lifted. */
export const lockPeriod = (forbundId: string, year: number, body: { period: string; reason: string }) =>
  request<Periods>('POST', `${yearPath(forbundId, year)}/periods/lock`, body);

export const getReport = <R extends ReportName>(forbundId: string, year: number, report: R, signal?: AbortSignal) =>
  request<Reports[R]>('GET', `${yearPath(forbundId, year)}/reports/${report}`, undefined, { signal });

/** SIE 4 as the server wrote it (CP437), named by the server's Content-Disposition. */
export const downloadSie = (forbundId: string, year: number, onProgress?: ProgressListener) =>
  requestFile(`${yearPath(forbundId, year)}/sie`, onProgress);

export const downloadHledger = (forbundId: string, year: number, onProgress?: ProgressListener) =>
  requestFile(`${yearPath(forbundId, year)}/hledger`, onProgress);

/** The report formats the API renders besides JSON: the same amounts as a PDF or an Excel file. */
export type ReportDocumentFormat = 'pdf' | 'xlsx';

export const downloadReportDocument = (
  forbundId: string,
  year: number,
  report: ReportName,
  format: ReportDocumentFormat,
  onProgress?: ProgressListener,
) => requestFile(`${yearPath(forbundId, year)}/reports/${report}/${format}`, onProgress);

export const getOpeningBalances = (forbundId: string, year: number, signal?: AbortSignal) =>
  request<OpeningBalances>('GET', `${yearPath(forbundId, year)}/opening-balances`, undefined, { signal });

/**
 * The first year's ingående balanser, once: 409 when the year before was booked here (its bokslut
 * writes them), when they are already entered or the year is locked; 400 with `balances.<konto>`
 * issues for an account that is not a balance account of the kontoplan, or a sum that is not zero.
 */
export const enterOpeningBalances = (
  forbundId: string,
  year: number,
  body: { balances: Record<string, string>; source: string },
) => request<OpeningBalances>('PUT', `${yearPath(forbundId, year)}/opening-balances`, body);

/**
 * The same, from the #IB 0 lines of the previous system's SIE 4 file (base64): 400 naming the
 * file's line ("line 7") or "file"; a file of another organisationsnummer needs the confirmation.
 */
export const importOpeningBalancesSie = (
  forbundId: string,
  year: number,
  body: { contentBase64: string; confirmOrganisationsnummerMismatch?: boolean },
) => request<OpeningBalances>('POST', `${yearPath(forbundId, year)}/opening-balances/sie`, body);
