import { z } from 'zod';
import { decode, encode } from '../codecs.ts';
import { keys, type TenantPartition } from '../keys.ts';
import type { Table } from '../table.ts';
import { isLostRace } from '../table.ts';

/** Where a förbund's budget year stands: the truth the state machines and the portal read. */
const stepSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  detail: z.string().max(500).optional(),
});
const cycleItem = z.object({
  PK: z.string(),
  SK: z.string(),
  kind: z.literal('cycle'),
  forbundId: z.string(),
  year: z.number().int(),
  /** Steps done, by name; a step is written once and never undone. */
  steps: z.record(z.string(), stepSchema),
  /** Step Functions task tokens of waiting human steps (AWS); unused locally. */
  tokens: z.record(z.string(), z.string()),
  createdAt: z.iso.datetime({ offset: true }),
});
export type CycleState = Omit<z.infer<typeof cycleItem>, 'PK' | 'SK' | 'kind'>;

export class CycleRepository {
  constructor(private readonly table: Table) {}

  /** Creates the year's item if it is missing; safe to call from every task. */
  async ensure(partition: TenantPartition, forbundId: string, year: number, at: Date): Promise<CycleState> {
    const existing = await this.table.get(partition, keys.cycle(year));
    if (existing) return toState(existing);
    const item = encode(cycleItem, {
      PK: partition,
      SK: keys.cycle(year),
      kind: 'cycle',
      forbundId,
      year,
      steps: {},
      tokens: {},
      createdAt: at.toISOString(),
    });
    await this.table.putNew(item, 'Året finns redan.').catch(() => undefined);
    return toState((await this.table.get(partition, keys.cycle(year))) ?? item);
  }

  async get(partition: TenantPartition, year: number): Promise<CycleState | undefined> {
    const item = await this.table.get(partition, keys.cycle(year));
    return item ? toState(item) : undefined;
  }

  /**
   * Records a step as done, once. Returns false when it was already done: that is how every task
   * of the cycle stays idempotent when an execution is re-run from the top after a crash.
   */
  async markDone(partition: TenantPartition, year: number, step: string, at: Date, detail?: string): Promise<boolean> {
    try {
      await this.table.update(
        {
          Key: { PK: partition, SK: keys.cycle(year) },
          UpdateExpression: 'SET steps.#step = :done',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(steps.#step)',
          ExpressionAttributeNames: { '#step': step },
          ExpressionAttributeValues: { ':done': { at: at.toISOString(), ...(detail ? { detail } : {}) } },
        },
        'Steget är redan gjort.',
      );
      return true;
    } catch (error) {
      if (isLostRace(error)) return false;
      throw error;
    }
  }

  async saveToken(partition: TenantPartition, year: number, step: string, token: string): Promise<void> {
    await this.table.update(
      {
        Key: { PK: partition, SK: keys.cycle(year) },
        UpdateExpression: 'SET tokens.#step = :token',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#step': step },
        ExpressionAttributeValues: { ':token': token },
      },
      'Året finns inte.',
    );
  }
}

function toState(item: Record<string, unknown>): CycleState {
  const { PK: _pk, SK: _sk, kind: _kind, ...state } = decode(cycleItem, item);
  return state;
}
