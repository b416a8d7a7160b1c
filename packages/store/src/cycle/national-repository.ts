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
  deadlinesMissed: z.array(z.string()).default([]),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type NationalAggregate = z.infer<typeof nationalAggregateSchema>;

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

  /** Merges new figures into the year's aggregate (the last writer of a field wins; fields only grow). */
  async publish(partition: TenantPartition, aggregate: NationalAggregate): Promise<void> {
    const previous = await this.get(partition, aggregate.year);
    const merged = {
      ...previous,
      ...aggregate,
      deadlinesMissed: [...new Set([...(previous?.deadlinesMissed ?? []), ...aggregate.deadlinesMissed])],
    };
    await this.table.put(
      encode(aggregateItem, {
        PK: partition,
        SK: keys.nationalAggregate(aggregate.year),
        GSI1PK: keys.nationalRegister(aggregate.year),
        GSI1SK: aggregate.forbundId,
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

function strip(item: Record<string, unknown>): NationalAggregate {
  const { PK: _pk, SK: _sk, GSI1PK: _g, GSI1SK: _s, kind: _k, ...aggregate } = decode(aggregateItem, item);
  return aggregate;
}
