import { z } from 'zod';
import { decode, encode } from '../codecs.ts';
import { gsi1IndexName, type TenantPartition } from '../keys.ts';
import type { Table } from '../table.ts';
import { isLostRace } from '../table.ts';

const running_register = 'EXECUTIONS#running';

const executionItem = z.object({
  PK: z.string(),
  SK: z.string(),
  GSI1PK: z.string(),
  GSI1SK: z.string(),
  kind: z.literal('execution'),
  execution: z.enum(['planning', 'closing']),
  forbundId: z.string(),
  year: z.number().int(),
  /** Which execution of this kind and year: 1, then one more for each resumption after a stop. */
  attempt: z.number().int().min(1).default(1),
  /** The state a resumed execution starts at (its input's `resumeAt`). */
  resumeAt: z.string().max(100).optional(),
  status: z.enum(['running', 'succeeded', 'failed']),
  startedAt: z.iso.datetime({ offset: true }),
  endedAt: z.iso.datetime({ offset: true }).optional(),
  error: z.string().max(1000).optional(),
});
export type ExecutionRecord = Omit<z.infer<typeof executionItem>, 'PK' | 'SK' | 'GSI1PK' | 'GSI1SK' | 'kind'>;

/**
 * The local runtime's record of its state-machine executions (Step Functions keeps its own in
 * AWS). A running execution is listed in a register so a restarted runtime finds it and runs it
 * again from the top (or from where it was resumed at); the idempotent tasks make that safe.
 */

/** The first execution keeps its original key; a resumed one adds its attempt, as its name does in AWS. */
const executionKey = (execution: string, year: number, attempt: number) =>
  `EXECUTION#${execution}#${year}${attempt > 1 ? `#${attempt}` : ''}`;
export class ExecutionRepository {
  constructor(private readonly table: Table) {}

  /** Records a new execution; returns false when one already exists for that kind, year and attempt. */
  async begin(
    partition: TenantPartition,
    execution: ExecutionRecord['execution'],
    forbundId: string,
    year: number,
    at: Date,
    resume?: { resumeAt: string; attempt: number },
  ) {
    const attempt = resume?.attempt ?? 1;
    try {
      await this.table.putNew(
        encode(executionItem, {
          PK: partition,
          SK: executionKey(execution, year, attempt),
          GSI1PK: running_register,
          GSI1SK: `${forbundId}#${year}#${execution}${attempt > 1 ? `#${attempt}` : ''}`,
          kind: 'execution',
          execution,
          forbundId,
          year,
          attempt,
          ...(resume ? { resumeAt: resume.resumeAt } : {}),
          status: 'running',
          startedAt: at.toISOString(),
        }),
        'Körningen finns redan.',
      );
      return true;
    } catch (error) {
      if (isLostRace(error)) return false;
      throw error;
    }
  }

  async get(partition: TenantPartition, execution: ExecutionRecord['execution'], year: number, attempt = 1) {
    const item = await this.table.get(partition, executionKey(execution, year, attempt));
    return item ? strip(item) : undefined;
  }

  async end(
    partition: TenantPartition,
    execution: ExecutionRecord['execution'],
    year: number,
    status: 'succeeded' | 'failed',
    at: Date,
    error?: string,
    attempt = 1,
  ) {
    await this.table.update(
      {
        Key: { PK: partition, SK: executionKey(execution, year, attempt) },
        UpdateExpression: 'SET #status = :status, endedAt = :at, GSI1PK = :done, #error = :error',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
        ExpressionAttributeValues: {
          ':status': status,
          ':at': at.toISOString(),
          ':done': `EXECUTIONS#${status}`,
          ':error': error?.slice(0, 1000) ?? '',
        },
      },
      'Körningen finns inte.',
    );
  }

  /** Every execution still running, across förbund: what a restarted runtime resumes. */
  async running(): Promise<ExecutionRecord[]> {
    const records: ExecutionRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.table.queryPage(
        {
          IndexName: gsi1IndexName,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': 'GSI1PK' },
          ExpressionAttributeValues: { ':pk': running_register },
        },
        { name: 'GSI1PK', value: running_register },
        { cursor },
      );
      records.push(...page.items.map(strip));
      cursor = page.nextCursor;
    } while (cursor);
    return records;
  }
}

function strip(item: Record<string, unknown>): ExecutionRecord {
  const { PK: _p, SK: _s, GSI1PK: _g, GSI1SK: _gs, kind: _k, ...record } = decode(executionItem, item);
  return record;
}
