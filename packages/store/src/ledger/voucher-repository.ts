import {
  assertBalanced,
  bookVoucher,
  checkVoucher,
  conflict,
  FinsamError,
  invalid,
  notFound,
  type Principal,
  parseVoucherDraft,
  reversalOf,
  type Voucher,
  type VoucherDraft,
} from '@finsam/domain';
import type { AuditRepository } from '../audit-repository.ts';
import { decode, encode, withoutKeys } from '../codecs.ts';
import type { TenantPartition } from '../keys.ts';
import { keys } from '../keys.ts';
import type { Table } from '../table.ts';
import { isLostRace, isRetriedLostRace } from '../table.ts';
import { tenantPartition } from '../tenant.ts';
import { newWriteToken, write_token_attribute } from '../write-token.ts';
import type { ChartRepository } from './chart-repository.ts';
import { voucherItem } from './codecs.ts';
import type { PeriodRepository } from './period-repository.ts';
import { claimNumber, completeHead, ensureWritten, readHead, type SeriesHead } from './series-head.ts';

/** Lost races for the next number before a booking gives up; with 20 writers at once, a few suffice. */
export const voucher_number_attempts_max = 64;
/** Back-off between attempts, doubling from the base, with full jitter so racing writers spread out. */
const retry_delay_ms_base = 5;
const retry_delay_ms_max = 200;
/** How far back bookOnce looks for a voucher booked just before an interruption. */
const resume_lookback_vouchers = 20;
/** The most vouchers one fiscal year may hold; reports read a whole year. */
export const vouchers_per_year_max = 1_000_000;

const toVoucher = (item: Record<string, unknown>): Voucher => {
  const voucher = withoutKeys(decode(voucherItem, item)) as Voucher;
  assertBalanced(voucher);
  return voucher;
};

/**
 * Booked verifikationer: one item each, holding all lines, never changed or deleted. Numbers are
 * gapless per series and year, and no voucher enters a locked period, because a number is taken
 * by one conditional update of the year's period item that holds the locks (series-head.ts).
 */
export class VoucherRepository {
  constructor(
    private readonly table: Table,
    private readonly charts: ChartRepository,
    private readonly periods: PeriodRepository,
    private readonly audit: AuditRepository,
  ) {}

  async book(principal: Principal, forbundId: string, input: unknown, now: () => Date): Promise<Voucher> {
    const draft = parseVoucherDraft(input);
    const partition = tenantPartition(principal, forbundId);
    const chart = await this.charts.chart(principal, forbundId, now());
    if (draft.corrects)
      await this.get(principal, forbundId, draft.corrects.year, draft.corrects.series, draft.corrects.number);
    // One token for the whole booking, made before its first write: every attempt and every
    // writer completing it for us carries it, so our own earlier success is never taken for a race.
    const token = newWriteToken();
    let tried: number | undefined;

    for (let attempt = 1; attempt <= voucher_number_attempts_max; attempt++) {
      const { periods, item } = await this.periods.state(principal, forbundId, draft.year);
      const head = readHead(item, draft.series);
      const own = tried === undefined ? undefined : await this.ownBooking(partition, draft, head, tried, token);
      if (own) return this.recorded(principal, partition, own, now);
      const lockReason = this.periods.lockReason(periods, draft.date);
      if (lockReason) throw new FinsamError('locked', `Perioden är låst och tar inte emot bokningar. ${lockReason}`);
      const issues = checkVoucher(draft, chart.accounts, periods);
      if (issues.length > 0) throw invalid('Verifikationen kan inte bokföras.', issues);
      // A booking that claimed the newest number and stopped before writing its voucher is
      // completed first: the next number is taken only once the one before exists.
      if (head) await ensureWritten(this.table, head);
      // Vouchers booked before series heads existed have no head: their newest number is read.
      const previousNumber = head?.number ?? (await this.latestNumber(partition, draft.year, draft.series));
      const voucher = bookVoucher(
        draft,
        { number: previousNumber + 1, bookedBy: principal.subject, bookedAt: now().toISOString() },
        chart.accounts,
        periods,
      );
      const claimed: SeriesHead = {
        number: voucher.number,
        token,
        voucher: encode(voucherItem, {
          PK: partition,
          SK: keys.voucher(voucher.year, voucher.series, voucher.number),
          kind: 'voucher',
          ...voucher,
        }),
      };
      try {
        await claimNumber(this.table, partition, {
          year: draft.year,
          series: draft.series,
          lockVersion: periods.version,
          previousNumber: head?.number,
          head: claimed,
        });
      } catch (error) {
        if (!isLostRace(error)) throw error;
        // Only a claim the SDK sent more than once can have been ours (see ownBooking).
        tried = isRetriedLostRace(error) ? voucher.number : undefined;
        const delay_ms = Math.min(retry_delay_ms_max, retry_delay_ms_base * 2 ** attempt);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * delay_ms));
        continue;
      }
      await completeHead(this.table, claimed);
      return this.recorded(principal, partition, voucher, now);
    }
    throw conflict('Många bokar samtidigt just nu; inget bokfördes. Försök igen.');
  }

  /**
   * The voucher of this booking, when a claim that looked lost was in fact ours: its first attempt
   * committed and the retry met it after another write had replaced the period item's token. The
   * head still holds it, or the next booker of the series has written it with our token.
   */
  private async ownBooking(
    partition: TenantPartition,
    draft: VoucherDraft,
    head: SeriesHead | undefined,
    tried: number,
    token: string,
  ): Promise<Voucher | undefined> {
    if (head?.token === token) await completeHead(this.table, head);
    const number = head?.token === token ? head.number : tried;
    const item = await this.table.get(partition, keys.voucher(draft.year, draft.series, number));
    return item?.[write_token_attribute] === token ? toVoucher(item) : undefined;
  }

  private async recorded(principal: Principal, partition: TenantPartition, voucher: Voucher, now: () => Date) {
    await this.audit.record(partition, now(), {
      actor: principal.subject,
      action: voucher.corrects ? 'voucher.corrected' : 'voucher.booked',
      entity: keys.voucher(voucher.year, voucher.series, voucher.number),
      summary:
        `${voucher.corrects ? 'Rättelse' : 'Verifikation'} ${voucher.series}${voucher.number} ${voucher.year} bokförd: ${voucher.text}`.slice(
          0,
          500,
        ),
    });
    return voucher;
  }

  /**
   * Books a voucher the economy derived, at most once: `key` (e.g. "2027-03-alfa") names what it
   * settles. A marker item records the booking; a booking interrupted before its marker is found
   * among the newest vouchers of the series by its basis reference, so a re-run after a crash
   * books nothing twice. Callers book one key at a time per series (one cycle task at a time).
   */
  async bookOnce(principal: Principal, forbundId: string, key: string, draft: VoucherDraft, now: () => Date) {
    const partition = tenantPartition(principal, forbundId);
    const markerKey = keys.voucherMarker(draft.year, draft.series, key);
    const marker = await this.table.get(partition, markerKey);
    if (marker) return this.get(principal, forbundId, draft.year, draft.series, Number(marker.number));
    const reference = `${key}`;
    const withBasis: VoucherDraft = { ...draft, basis: { kind: draft.basis?.kind ?? 'settlement', reference } };
    const recent = await this.latest(principal, forbundId, draft.year, draft.series, resume_lookback_vouchers);
    const booked =
      recent.find((voucher) => voucher.basis?.reference === reference) ??
      (await this.book(principal, forbundId, withBasis, now));
    await this.table
      .putNew({ PK: partition, SK: markerKey, kind: 'voucher-marker', number: booked.number }, 'Redan bokförd.')
      .catch(() => undefined);
    return booked;
  }

  /** Books the reversal of a booked voucher, linked to it; the original stays as it was. */
  async reverse(
    principal: Principal,
    forbundId: string,
    original: { year: number; series: string; number: number },
    options: { date: string; text?: string | undefined },
    now: () => Date,
  ): Promise<Voucher> {
    const booked = await this.get(principal, forbundId, original.year, original.series, original.number);
    const draft: VoucherDraft = reversalOf(booked, {
      date: options.date,
      ...(options.text ? { text: options.text } : {}),
    });
    return this.book(principal, forbundId, draft, now);
  }

  async get(principal: Principal, forbundId: string, year: number, series: string, number: number): Promise<Voucher> {
    const item = await this.table.get(tenantPartition(principal, forbundId), keys.voucher(year, series, number));
    if (!item) throw notFound(`Verifikation ${series}${number} (${year}) finns inte.`);
    return toVoucher(item);
  }

  async page(
    principal: Principal,
    forbundId: string,
    year: number,
    options: { series?: string | undefined; limit?: number | undefined; cursor?: string | undefined },
  ) {
    const partition = tenantPartition(principal, forbundId);
    const prefix = options.series ? keys.voucherSeriesPrefix(year, options.series) : keys.voucherYearPrefix(year);
    const page = await this.table.queryPrefix(partition, prefix, {
      ...(options.limit ? { limit: options.limit } : {}),
      ...(options.cursor ? { cursor: options.cursor } : {}),
    });
    return { ...page, items: page.items.map(toVoucher) };
  }

  /** Every voucher of a year, for reports and exports; bounded by vouchers_per_year_max. */
  async year(principal: Principal, forbundId: string, year: number): Promise<Voucher[]> {
    const vouchers: Voucher[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.page(principal, forbundId, year, { cursor });
      vouchers.push(...page.items);
      if (vouchers.length > vouchers_per_year_max)
        throw new Error(`more than ${vouchers_per_year_max} vouchers in ${year}`);
      cursor = page.nextCursor;
    } while (cursor);
    return vouchers;
  }

  /** The newest vouchers of a series, newest first: how an interrupted import finds what it already booked. */
  async latest(
    principal: Principal,
    forbundId: string,
    year: number,
    series: string,
    count: number,
  ): Promise<Voucher[]> {
    const page = await this.table.queryPrefix(
      tenantPartition(principal, forbundId),
      keys.voucherSeriesPrefix(year, series),
      {
        limit: count,
        newestFirst: true,
      },
    );
    return page.items.map(toVoucher);
  }

  private async latestNumber(partition: string, year: number, series: string): Promise<number> {
    const page = await this.table.queryPrefix(partition, keys.voucherSeriesPrefix(year, series), {
      limit: 1,
      newestFirst: true,
    });
    const latest = page.items[0];
    return latest ? decode(voucherItem, latest).number : 0;
  }
}
