import { z } from 'zod';
import { identifier, isoDate } from '../charter/schema.ts';
import { assert, type FieldIssue, invalid } from '../errors.ts';
import { MONEY_PATTERN, money_abs_max_kr, parseMoney, sumMoney } from '../money.ts';

/** A verifikation has at least two lines (double entry) and at most this many (one item in the store). */
export const voucher_lines_min = 2;
export const voucher_lines_max = 500;
export const voucher_text_length_max = 200;
export const voucher_reference_length_max = 200;
export const voucher_series_length_max = 10;
/** Fiscal years the product books; a year outside is a typing error, not a real year. */
export const fiscal_year_min = 2000;
export const fiscal_year_max = 2199;

const series = z
  .string({ error: 'Serie: ange en serie, t.ex. A.' })
  .regex(
    new RegExp(`^[A-Z0-9]{1,${voucher_series_length_max}}$`),
    `Serie: ange 1–${voucher_series_length_max} tecken A–Z eller 0–9.`,
  );
const year = z
  .number({ error: 'År: ange räkenskapsåret som ett tal.' })
  .int('År: ange ett helt år.')
  .min(fiscal_year_min, `År: tidigast ${fiscal_year_min}.`)
  .max(fiscal_year_max, `År: senast ${fiscal_year_max}.`);
const voucherNumber = z
  .number({ error: 'Verifikationsnummer: ange ett tal.' })
  .int('Verifikationsnummer: ange ett heltal.')
  .positive('Verifikationsnummer: ange ett tal från 1.');

export const voucherLineSchema = z.object({
  account: z.string({ error: 'Konto: ange ett kontonummer.' }).regex(/^\d{4}$/, 'Konto: ange fyra siffror.'),
  amount: z
    .string({ error: 'Belopp: ange ett belopp.' })
    .regex(MONEY_PATTERN, 'Belopp: ange ett belopp med två decimaler, t.ex. 1000.00 (debet) eller -1000.00 (kredit).')
    // Zod runs these even when the pattern failed, so they only judge well-formed amounts.
    .refine((text) => !MONEY_PATTERN.test(text) || !parseMoney(text).isZero(), 'Belopp: får inte vara noll.')
    .refine(
      (text) => !MONEY_PATTERN.test(text) || parseMoney(text).abs().lte(money_abs_max_kr),
      'Belopp: beloppet är för stort.',
    ),
  memberId: identifier.optional(),
  insatsId: identifier.optional(),
});
export type VoucherLine = z.infer<typeof voucherLineSchema>;

export const voucherBasisKinds = ['invoice', 'decision', 'settlement', 'import', 'other'] as const;
export const voucherBasisSchema = z.object({
  kind: z.enum(voucherBasisKinds, { error: 'Underlag: välj faktura, beslut, avräkning, import eller annat.' }),
  reference: z
    .string({ error: 'Underlag: ange en referens.' })
    .trim()
    .min(1, 'Underlag: ange en referens.')
    .max(voucher_reference_length_max, `Underlag: högst ${voucher_reference_length_max} tecken.`),
});
export type VoucherBasis = z.infer<typeof voucherBasisSchema>;

/** A correction is a new voucher linked to the one it corrects; the original is never changed. */
export const voucherCorrectionSchema = z.object({
  series,
  year,
  number: voucherNumber,
  kind: z.enum(['reversal', 'adjustment'], { error: 'Rättelse: välj återföring eller justering.' }),
});
export type VoucherCorrection = z.infer<typeof voucherCorrectionSchema>;

/** What a user (or the avräkning) submits; the number and the booking record are added when booked. */
export const voucherDraftSchema = z.object({
  series,
  year,
  date: isoDate,
  text: z
    .string({ error: 'Text: ange vad verifikationen gäller.' })
    .trim()
    .min(1, 'Text: ange vad verifikationen gäller.')
    .max(voucher_text_length_max, `Text: högst ${voucher_text_length_max} tecken.`),
  lines: z
    .array(voucherLineSchema, { error: 'Rader: ange verifikationens rader.' })
    .min(voucher_lines_min, `Rader: en verifikation har minst ${voucher_lines_min} rader (debet och kredit).`)
    .max(voucher_lines_max, `Rader: högst ${voucher_lines_max} rader per verifikation.`),
  basis: voucherBasisSchema.optional(),
  corrects: voucherCorrectionSchema.optional(),
});
export type VoucherDraft = z.infer<typeof voucherDraftSchema>;
export type VoucherDraftInput = z.input<typeof voucherDraftSchema>;

/** A booked verifikation: immutable, numbered without gaps per series and year (DOMAIN.md §4). */
export interface Voucher extends VoucherDraft {
  number: number;
  /** Who booked it (behandlingshistorik). */
  bookedBy: string;
  /** When it was booked, an ISO timestamp passed in by the shell (the domain reads no clock). */
  bookedAt: string;
}

export interface VoucherId {
  series: string;
  year: number;
  number: number;
}

export const voucherLabel = (voucher: VoucherId) => `${voucher.series}${voucher.number} (${voucher.year})`;

/** Parses untrusted input into a draft; the issues name the field, e.g. "lines.2.amount". */
export function parseVoucherDraft(input: unknown): VoucherDraft {
  const result = voucherDraftSchema.safeParse(input);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || 'voucher',
    message: issue.message,
  }));
  throw invalid('Verifikationen är inte giltig.', issues);
}

/** Debit minus credit; zero for every voucher that may be booked. */
export function voucherDifference(voucher: Pick<VoucherDraft, 'lines'>) {
  return sumMoney(voucher.lines.map((line) => parseMoney(line.amount)));
}

/** The invariant of double entry, checked before a voucher is stored and again after it is read. */
export function assertBalanced(voucher: Pick<VoucherDraft, 'lines'>): void {
  assert(voucher.lines.length >= voucher_lines_min, 'a voucher has at least two lines');
  assert(voucher.lines.length <= voucher_lines_max, 'a voucher stays within voucher_lines_max');
  for (const line of voucher.lines) assert(!parseMoney(line.amount).isZero(), 'a voucher line has an amount');
  assert(voucherDifference(voucher).isZero(), 'a voucher balances');
}
