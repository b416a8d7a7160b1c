import { z } from 'zod';
import { keys } from '../keys.ts';
import { type Item, isLostRace, type Table } from '../table.ts';

/**
 * How a voucher number is taken so that the period-lock rule is part of the write's condition.
 * DynamoDB conditions see one item (dynalite, our local DynamoDB, has no transactions), so the
 * number is claimed on the year's period item, the item that holds the locks: one conditional
 * update that succeeds only while the lock version is the one the booking checked and the
 * series' head is the one it read. A lock written in between makes the claim fail, whatever the
 * delay or retries before it reaches the table, so nothing is ever admitted into a locked period.
 *
 * The claim carries the whole voucher (the head), so a claim is a booking: the booker then writes
 * the voucher item, and if it stops before that, the next booker of the series (or the lock)
 * writes it for it, with the booker's write token. Numbers stay gapless: a number exists only
 * with its voucher, and the next is claimed only after the previous is written. The booker then
 * removes the voucher from the head, so the period item stays small however many series it has.
 */

const head_prefix = 'head_';
/** Every attribute by placeholder: several (`locks`, `year`) are DynamoDB reserved words. */
export const periodNames = {
  '#kind': 'kind',
  '#year': 'year',
  '#yearLocked': 'yearLocked',
  '#lockedMonths': 'lockedMonths',
  '#locks': 'locks',
  '#version': 'version',
} as const;
const headAttribute = (series: string) => `${head_prefix}${series}`;

const headSchema = z.object({
  number: z.number().int().positive(),
  /** The write token of the booking that claimed the number. */
  token: z.string(),
  /** The voucher item, until it is written. */
  voucher: z.record(z.string(), z.unknown()).optional(),
});
export type SeriesHead = z.infer<typeof headSchema>;

/** The newest claimed number of a series, from the period item as read. */
export function readHead(periodItem: Item | undefined, series: string): SeriesHead | undefined {
  const value = periodItem?.[headAttribute(series)];
  return value === undefined ? undefined : headSchema.parse(value);
}

/** Every head still holding its voucher: what a lock completes before it is in force. */
export function pendingHeads(periodItem: Item | undefined): SeriesHead[] {
  return Object.entries(periodItem ?? {})
    .filter(([name]) => name.startsWith(head_prefix))
    .map(([, value]) => headSchema.parse(value))
    .filter((head) => head.voucher !== undefined);
}

/**
 * Claims `head.number` for the series: only while the period item's lock version is
 * `lockVersion` (0: never locked) and the series' newest number is `previousNumber` (undefined:
 * no head yet). Creates the period item when the year has none, with no locks.
 */
export async function claimNumber(
  table: Table,
  partition: string,
  claim: { year: number; series: string; lockVersion: number; previousNumber: number | undefined; head: SeriesHead },
) {
  const headCondition =
    claim.previousNumber === undefined ? 'attribute_not_exists(#head)' : '#head.#number = :previousNumber';
  await table.update(
    {
      Key: { PK: partition, SK: keys.periods(claim.year) },
      UpdateExpression:
        'SET #head = :head, #kind = if_not_exists(#kind, :kind), #year = if_not_exists(#year, :year), ' +
        '#yearLocked = if_not_exists(#yearLocked, :false), #lockedMonths = if_not_exists(#lockedMonths, :none), ' +
        '#locks = if_not_exists(#locks, :none), #version = if_not_exists(#version, :zero)',
      ConditionExpression: `(attribute_not_exists(#version) OR #version = :lockVersion) AND ${headCondition}`,
      ExpressionAttributeNames: {
        '#head': headAttribute(claim.series),
        ...periodNames,
        ...(claim.previousNumber === undefined ? {} : { '#number': 'number' }),
      },
      ExpressionAttributeValues: {
        ':head': claim.head,
        ':kind': 'periods',
        ':year': claim.year,
        ':false': false,
        ':none': [],
        ':zero': 0,
        ':lockVersion': claim.lockVersion,
        ...(claim.previousNumber === undefined ? {} : { ':previousNumber': claim.previousNumber }),
      },
    },
    'Numret togs av en annan bokning, eller perioden låstes.',
  );
}

/**
 * Writes the voucher a head holds when it is not written yet, with its booker's token (so the
 * booker's own write of it, or its retry, is recognised as the same booking). Read first: the
 * booker has nearly always written it already, and a read costs less than a refused put.
 */
export async function ensureWritten(table: Table, head: SeriesHead): Promise<void> {
  if (!head.voucher) return;
  const voucher = head.voucher as Item;
  if (await table.get(String(voucher.PK), String(voucher.SK))) return;
  await table.putNew(voucher, 'Verifikationsnumret är redan använt.', { token: head.token });
}

/**
 * The booker's own completion: writes its voucher, then empties the head, so the period item
 * stays small. The next claim of the series replaces the head anyway; this is for the last one.
 */
export async function completeHead(table: Table, head: SeriesHead): Promise<void> {
  if (!head.voucher) return;
  const voucher = head.voucher as Item;
  const { year, series } = voucher as { year: number; series: string };
  await table.putNew(voucher, 'Verifikationsnumret är redan använt.', { token: head.token });
  await table
    .update(
      {
        Key: { PK: voucher.PK, SK: keys.periods(year) },
        UpdateExpression: 'REMOVE #head.#voucher',
        ConditionExpression: '#head.#token = :token',
        ExpressionAttributeNames: { '#head': headAttribute(series), '#voucher': 'voucher', '#token': 'token' },
        ExpressionAttributeValues: { ':token': head.token },
      },
      'Serien har redan nästa nummer.',
    )
    // A later claim has replaced the head already, and with it the voucher it held.
    .catch((error) => {
      if (!isLostRace(error)) throw error;
    });
}
