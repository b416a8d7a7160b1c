import { deadlineVerdicts, isFinalVerdict, isMissedVerdict } from '@finsam/domain';
import { z } from 'zod';
import { decode, encode } from '../codecs.ts';
import { gsi1IndexName, keys, type TenantPartition } from '../keys.ts';
import type { Table } from '../table.ts';

/**
 * What a förbund publishes to Nationella rådet for a year: aggregates only, never a voucher, a
 * name of a participant or a personal identity number. The item lives in the förbund's own
 * partition; the GSI keyed by year is the one road across tenants, and it sees only these.
 */
export const nationalAggregateSchema = z.object({
  forbundId: z.string(),
  name: z.string(),
  lan: z.string(),
  year: z.number().int(),
  memberCount: z.number().int(),
  kommunCount: z.number().int(),
  frameByMemberType: z.record(z.string(), z.string()),
  budgetByArea: z.record(z.string(), z.string()),
  budget: z
    .object({
      adopted: z.boolean(),
      onTime: z.boolean(),
      preliminaryOnly: z.boolean(),
      decidedAt: z.string().optional(),
    })
    .optional(),
  spendingByArea: z.record(z.string(), z.string()).optional(),
  result: z.string().optional(),
  revenue: z.string().optional(),
  egetKapital: z.string().optional(),
  egetKapitalPercentOfRevenue: z.string().optional(),
  egetKapitalAboveWarning: z.boolean().optional(),
  annualReport: z.object({ adopted: z.boolean(), onTime: z.boolean() }).optional(),
  discharge: z.object({ granted: z.number().int(), refused: z.number().int(), pending: z.number().int() }).optional(),
  /** The latest judgement of each decision deadline (judgeDeadline): what deadlinesMissed is derived from. */
  deadlines: z
    .partialRecord(
      z.enum(['budget', 'annual-report']),
      z.object({ dueDate: z.iso.date(), verdict: z.enum(deadlineVerdicts) }),
    )
    .optional(),
  /** Derived from `deadlines` on every publish, never accumulated: "budget 2027-11-30". */
  deadlinesMissed: z.array(z.string()).default([]),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type NationalAggregate = z.infer<typeof nationalAggregateSchema>;
/** What a publisher hands over: the missed list is the repository's to derive. */
export type NationalPublication = Omit<NationalAggregate, 'deadlinesMissed'>;
type NationalDeadlineKind = keyof NonNullable<NationalAggregate['deadlines']>;

/** How a missed deadline reads in the national view, and which figure its judgement is shown in. */
const deadlineLabel: Record<NationalDeadlineKind, string> = { budget: 'budget', 'annual-report': 'årsredovisning' };
const deadlineFigure = { budget: 'budget', 'annual-report': 'annualReport' } as const;

const aggregateItem = z.object({
  PK: z.string(),
  SK: z.string(),
  GSI1PK: z.string(),
  GSI1SK: z.string(),
  kind: z.literal('national-aggregate'),
  ...nationalAggregateSchema.shape,
});

export class NationalRepository {
  constructor(private readonly table: Table) {}

  async get(partition: TenantPartition, year: number): Promise<NationalAggregate | undefined> {
    const item = await this.table.get(partition, keys.nationalAggregate(year));
    return item ? strip(item) : undefined;
  }

  /**
   * Merges new figures into the year's aggregate: the last writer of a field wins, except that a
   * deadline judged on a decision (met or missed) is final and a judgement made without the
   * decision (read before it was recorded) cannot overwrite it. A deadline's figure (budget,
   * annualReport) travels with its judgement, and `deadlinesMissed` is derived from the
   * judgements, so the view never says on time and missed for the same deadline.
   */
  async publish(partition: TenantPartition, publication: NationalPublication): Promise<void> {
    const previous = await this.get(partition, publication.year);
    const merged: NationalAggregate = { ...previous, ...publication, deadlinesMissed: [] };
    const deadlines = { ...previous?.deadlines };
    for (const kind of Object.keys(publication.deadlines ?? {}) as NationalDeadlineKind[]) {
      const judged = publication.deadlines?.[kind];
      const before = previous?.deadlines?.[kind];
      if (!judged) continue;
      if (before && isFinalVerdict(before.verdict) && !isFinalVerdict(judged.verdict))
        Object.assign(merged, { [deadlineFigure[kind]]: previous?.[deadlineFigure[kind]] });
      else deadlines[kind] = judged;
    }
    merged.deadlines = deadlines;
    merged.deadlinesMissed = missedList(deadlines, previous?.deadlinesMissed ?? []);
    await this.table.put(
      encode(aggregateItem, {
        PK: partition,
        SK: keys.nationalAggregate(publication.year),
        GSI1PK: keys.nationalRegister(publication.year),
        GSI1SK: publication.forbundId,
        kind: 'national-aggregate',
        ...merged,
      }),
    );
  }

  /** Every förbund's published aggregate for a year: the national view's only cross-tenant read. */
  async forYear(year: number): Promise<NationalAggregate[]> {
    const all: NationalAggregate[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.table.queryPage(
        {
          IndexName: gsi1IndexName,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': 'GSI1PK' },
          ExpressionAttributeValues: { ':pk': keys.nationalRegister(year) },
        },
        { name: 'GSI1PK', value: keys.nationalRegister(year) },
        { cursor },
      );
      all.push(...page.items.map(strip));
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }
}

/**
 * The missed list from the judgements; an entry written before judgements were kept (an item
 * from an earlier version) stays until its deadline is judged again.
 */
function missedList(deadlines: NonNullable<NationalAggregate['deadlines']>, before: string[]): string[] {
  const judged = Object.keys(deadlines) as NationalDeadlineKind[];
  const unjudged = before.filter((entry) => !judged.some((kind) => entry.startsWith(`${deadlineLabel[kind]} `)));
  const missed = judged
    .filter((kind) => isMissedVerdict(deadlines[kind]?.verdict ?? 'pending'))
    .map((kind) => `${deadlineLabel[kind]} ${deadlines[kind]?.dueDate}`);
  return [...new Set([...unjudged, ...missed])];
}

function strip(item: Record<string, unknown>): NationalAggregate {
  const { PK: _pk, SK: _sk, GSI1PK: _g, GSI1SK: _s, kind: _k, ...aggregate } = decode(aggregateItem, item);
  return aggregate;
}
