import { type FieldIssue, invalid } from '../errors.ts';
import { textProblem } from '../text.ts';
import type { Chart } from './account.ts';
import { checkVoucher } from './booking.ts';
import type { PeriodLocks } from './periods.ts';
import { sie_dimension_insats, sie_dimension_member } from './sie-export.ts';
import type { SieDocument } from './sie-import.ts';
import { sieLineField, sieOrganisationsnummerCheck } from './sie-ownership.ts';
import { type VoucherDraft, voucherDraftSchema } from './voucher.ts';

export interface SieVoucherTarget {
  fileName: string;
  /** The förbund's own organisationsnummer, from its profile. */
  organisationsnummer: string;
  /** A person has said explicitly that the file is the förbund's although its #ORGNR is missing or another. */
  mismatchConfirmed: boolean;
  chart: Chart;
  /** The members of the förbund's charter: the objects a dimension 20 tag may name. */
  memberIds: readonly string[];
  /** The förbund's insatser (kontoplan and budgets): the objects a dimension 6 tag may name. */
  insatsIds: readonly string[];
  /** The period locks of each fiscal year the file's vouchers fall in. */
  locks: (year: number) => PeriodLocks | undefined;
}

export interface SieVoucherDrafts {
  drafts: VoucherDraft[];
  /** The file's #ORGNR is missing or not the förbund's, and a person confirmed it (only then are drafts returned). */
  organisationsnummerMismatch: boolean;
}

const dimensionNames: Record<number, string> = { [sie_dimension_insats]: 'insats', [sie_dimension_member]: 'medlem' };

/** The years the file's vouchers would be booked in, within the product's range: the locks to fetch. */
export function sieVoucherYears(document: SieDocument): number[] {
  const years = document.vouchers.map((voucher) => Number(voucher.date.slice(0, 4)));
  return [...new Set(years)].filter((year) => voucherDraftSchema.shape.year.safeParse(year).success);
}

/**
 * The vouchers of a SIE 4 file as drafts, checked by the same rules as a voucher entered through
 * the API (the draft schema, the kontoplan, the period locks), and further: texts read from the
 * file carry no control characters, every object tag is a known dimension (6 insats, 20 medlem),
 * declared by #OBJEKT and one of the förbund's members or insatser, and the file's #ORGNR is the
 * förbund's unless a person confirmed otherwise. Every problem names its file line ("line 42");
 * one problem refuses the whole file.
 */
export function sieVoucherDrafts(document: SieDocument, target: SieVoucherTarget): SieVoucherDrafts {
  const issues: FieldIssue[] = [];
  const { mismatch, issue: ownership } = sieOrganisationsnummerCheck(
    document,
    target.organisationsnummer,
    target.mismatchConfirmed,
  );
  if (ownership) issues.push(ownership);

  const declared = new Set(document.objects.map((object) => `${object.dimension} ${object.id}`));
  const known: Record<number, Set<string>> = {
    [sie_dimension_member]: new Set(target.memberIds),
    [sie_dimension_insats]: new Set(target.insatsIds),
  };

  const drafts: VoucherDraft[] = [];
  document.vouchers.forEach((voucher, index) => {
    const where = document.lines.vouchers[index];
    const headerLine = where?.line;
    const lineOf = (entry: number) => where?.transactions[entry]?.line ?? headerLine;
    const name = `Verifikation ${voucher.series}${voucher.number}`;
    const add = (line: number | undefined, message: string) =>
      issues.push({ field: sieLineField(line), message: `${name}: ${message}` });

    const problem = textProblem(voucher.text);
    if (problem) add(headerLine, `Text: ${problem}`);
    where?.transactions.forEach((transaction) => {
      const seen = new Set<string>();
      for (const object of transaction.objects) {
        const dimension = Number(object.dimension);
        const kind = dimensionNames[dimension];
        const objectProblem = textProblem(object.id);
        if (objectProblem) add(transaction.line, `Objekt: ${objectProblem}`);
        else if (kind === undefined)
          add(
            transaction.line,
            `dimension ${object.dimension} är okänd; bara ${sie_dimension_insats} (insats) och ${sie_dimension_member} (medlem) kan läsas in.`,
          );
        else if (seen.has(object.dimension))
          add(transaction.line, `dimension ${object.dimension} (${kind}) anges två gånger på raden.`);
        else if (!declared.has(`${dimension} ${object.id}`))
          add(transaction.line, `objekt ${object.id} i dimension ${dimension} (${kind}) saknar #OBJEKT i filen.`);
        else if (!known[dimension]?.has(object.id))
          add(
            transaction.line,
            dimension === sie_dimension_member
              ? `medlemmen ${object.id} finns inte i förbundsordningen.`
              : `insatsen ${object.id} finns inte hos förbundet.`,
          );
        seen.add(object.dimension);
      }
    });

    const parsed = voucherDraftSchema.safeParse({
      series: voucher.series,
      year: Number(voucher.date.slice(0, 4)),
      date: voucher.date,
      text: voucher.text.trim() || `Import ${voucher.series}${voucher.number}`,
      lines: voucher.lines,
      basis: { kind: 'import', reference: `${target.fileName} ${voucher.series}${voucher.number}`.slice(0, 200) },
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [first, entry] = issue.path;
        add(first === 'lines' && typeof entry === 'number' ? lineOf(entry) : headerLine, issue.message);
      }
      return;
    }
    const draft = parsed.data;
    const locks = target.locks(draft.year);
    if (locks !== undefined)
      for (const issue of checkVoucher(draft, target.chart, locks)) {
        const [first, entry] = issue.field.split('.');
        add(first === 'lines' && entry !== undefined ? lineOf(Number(entry)) : headerLine, issue.message);
      }
    drafts.push(draft);
  });

  if (issues.length > 0) throw invalid('Filen kan inte importeras; inget har sparats.', issues);
  return { drafts, organisationsnummerMismatch: mismatch };
}
