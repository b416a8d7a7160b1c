import { FinsamError } from '@finsam/domain';
import { decode, encode, gsi1IndexName, type OutboxEvent, type Table, type TenantPartition } from '@finsam/store';
import { monotonicFactory } from 'ulidx';
import {
  type AttemptItem,
  attempt_log_retention_days,
  attemptItem,
  type DeadReason,
  type DeliveryItem,
  type DeliveryStatus,
  deliveryItem,
} from './delivery-items.ts';
import { due_index_shards, dueShardOf, webhookKeys } from './keys.ts';

const nextAttemptId = monotonicFactory();
const day_ms = 24 * 60 * 60_000;

export interface DeliveryKey {
  partition: TenantPartition;
  sort: string;
}

const isConflict = (error: unknown) => error instanceof FinsamError && error.kind === 'conflict';

/** Scheduled: in the due index under the delivery's shard, sorted by when it is due. */
const scheduled = (sort: string, at: string) => ({
  status: 'pending' as const,
  nextAttemptAt: at,
  GSI1PK: webhookKeys.dueShard(dueShardOf(sort)),
  GSI1SK: at,
});
const unscheduled = { nextAttemptAt: undefined, GSI1PK: undefined, GSI1SK: undefined };

/**
 * Delivery state and the delivery log. No transactions (dynalite has none, DESIGN.md): each
 * change is one conditional put on the delivery's `version`, and the log is append-only.
 */
export class DeliveryRepository {
  constructor(private readonly table: Table) {}

  /** Schedules an event for a subscription; undefined when it was scheduled before (idempotent fan-out). */
  async create(
    partition: TenantPartition,
    subscriptionId: string,
    event: OutboxEvent,
    at: Date,
  ): Promise<DeliveryKey | undefined> {
    const sort = webhookKeys.delivery(subscriptionId, event.eventId);
    const stamp = at.toISOString();
    try {
      await this.table.putNew(
        encode(deliveryItem, {
          PK: partition,
          SK: sort,
          kind: 'webhook-delivery',
          subscriptionId,
          memberId: event.memberId,
          eventId: event.eventId,
          eventType: event.type,
          occurredAt: event.occurredAt,
          sequence: event.sequence,
          ...scheduled(sort, stamp),
          attempts: 0,
          attemptsTotal: 0,
          windowStartedAt: stamp,
          replays: 0,
          version: 1,
          createdAt: stamp,
        }),
        'Leveransen finns redan.',
      );
      return { partition, sort };
    } catch (error) {
      if (isConflict(error)) return undefined;
      throw error;
    }
  }

  async get(key: DeliveryKey): Promise<DeliveryItem | undefined> {
    const item = await this.table.get(key.partition, key.sort);
    return item ? decode(deliveryItem, item) : undefined;
  }

  /**
   * Takes a due delivery for one attempt: moves its next attempt to `leaseUntil`, so no other
   * worker finds it due, and so a worker that dies mid-attempt leaves it due again afterwards.
   */
  async claim(key: DeliveryKey, now: Date, leaseUntil: Date): Promise<DeliveryItem | undefined> {
    const lease = leaseUntil.toISOString();
    try {
      // One conditional update: the condition is the claim, so no read is needed first.
      const attributes = await this.table.update(
        {
          Key: { PK: key.partition, SK: key.sort },
          UpdateExpression: 'SET nextAttemptAt = :lease, GSI1SK = :lease, version = version + :one',
          ConditionExpression: '#status = :pending AND nextAttemptAt <= :now',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':lease': lease, ':pending': 'pending', ':now': now.toISOString(), ':one': 1 },
        },
        'Leveransen är redan tagen.',
      );
      return decode(deliveryItem, attributes ?? {});
    } catch (error) {
      if (isConflict(error)) return undefined;
      throw error;
    }
  }

  /** After an attempt: delivered, retried at `retryAt`, or dead for `deadReason`. */
  async settle(
    claimed: DeliveryItem,
    at: Date,
    outcome:
      | { status: 'delivered'; statusCode: number }
      | { status: 'retry'; retryAt: Date; statusCode?: number | undefined; error?: string | undefined }
      | { status: 'dead'; reason: DeadReason; statusCode?: number | undefined; error?: string | undefined },
    attempted = true,
  ): Promise<DeliveryItem> {
    const stamp = at.toISOString();
    const counts = attempted
      ? { attempts: claimed.attempts + 1, attemptsTotal: claimed.attemptsTotal + 1, lastAttemptAt: stamp }
      : {};
    const details = {
      lastStatusCode: 'statusCode' in outcome ? outcome.statusCode : undefined,
      lastError: 'error' in outcome && outcome.error ? outcome.error.slice(0, 500) : undefined,
    };
    const state =
      outcome.status === 'delivered'
        ? { ...unscheduled, status: 'delivered' as const, deliveredAt: stamp }
        : outcome.status === 'retry'
          ? scheduled(claimed.SK, outcome.retryAt.toISOString())
          : { ...unscheduled, status: 'dead' as const, deadAt: stamp, deadReason: outcome.reason };
    const next = { ...claimed, ...counts, ...details, ...state, version: claimed.version + 1 };
    await this.replace(next, claimed.version);
    return next;
  }

  /**
   * Makes an event due again for a subscription now, with a fresh retry window: whether it was
   * delivered, dead, pending, or never scheduled. Receivers deduplicate on the webhook id.
   */
  async replay(partition: TenantPartition, subscriptionId: string, event: OutboxEvent, now: Date) {
    const key = { partition, sort: webhookKeys.delivery(subscriptionId, event.eventId) };
    const stamp = now.toISOString();
    for (let round = 0; round < 3; round++) {
      const current = await this.get(key);
      if (!current) {
        if (await this.create(partition, subscriptionId, event, now)) return key;
        continue; // scheduled by a concurrent fan-out a moment ago: replay that one
      }
      const next = {
        ...current,
        ...scheduled(key.sort, stamp),
        attempts: 0,
        windowStartedAt: stamp,
        deliveredAt: undefined,
        deadAt: undefined,
        deadReason: undefined,
        replays: current.replays + 1,
        version: current.version + 1,
      };
      try {
        await this.replace(next, current.version);
        return key;
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    }
    throw new FinsamError('conflict', 'Leveransen ändrades under tiden; försök igen.');
  }

  /** Deliveries whose next attempt is due at `now`, at most `perShard` from each shard of the index. */
  async due(now: Date, perShard: number): Promise<DeliveryKey[]> {
    const pages = await Promise.all(
      Array.from({ length: due_index_shards }, (_, shard) =>
        this.table.queryPage(
          {
            IndexName: gsi1IndexName,
            KeyConditionExpression: '#pk = :pk AND #sk <= :now',
            ExpressionAttributeNames: { '#pk': 'GSI1PK', '#sk': 'GSI1SK' },
            ExpressionAttributeValues: { ':pk': webhookKeys.dueShard(shard), ':now': now.toISOString() },
          },
          { name: 'GSI1PK', value: webhookKeys.dueShard(shard) },
          { limit: perShard },
        ),
      ),
    );
    return pages.flatMap((page) =>
      page.items.map((item) => ({ partition: item.PK as TenantPartition, sort: item.SK as string })),
    );
  }

  async recordAttempt(partition: TenantPartition, attempt: Omit<AttemptItem, 'PK' | 'SK' | 'kind' | 'id' | 'ttl'>) {
    const at = new Date(attempt.at);
    const id = nextAttemptId(at.getTime());
    const ttl = Math.floor((at.getTime() + attempt_log_retention_days * day_ms) / 1000);
    const item = encode(attemptItem, {
      ...attempt,
      PK: partition,
      SK: webhookKeys.attempt(attempt.subscriptionId, id),
      kind: 'webhook-attempt',
      id,
      ttl,
    });
    await this.table.putNew(item, 'Försöket är redan loggat.');
    return decode(attemptItem, item);
  }

  async list(
    partition: TenantPartition,
    subscriptionId: string,
    options: { status?: DeliveryStatus | undefined; limit?: number | undefined; cursor?: string | undefined },
  ) {
    const prefix = webhookKeys.deliveriesPrefix(subscriptionId);
    const page = await this.table.queryPage(
      {
        KeyConditionExpression: '#pk = :pk and begins_with(#sk, :prefix)',
        ...(options.status ? { FilterExpression: '#status = :status' } : {}),
        ExpressionAttributeNames: { '#pk': 'PK', '#sk': 'SK', ...(options.status ? { '#status': 'status' } : {}) },
        ExpressionAttributeValues: {
          ':pk': partition,
          ':prefix': prefix,
          ...(options.status ? { ':status': options.status } : {}),
        },
        ConsistentRead: true,
      },
      { name: 'PK', value: partition },
      { ...(options.limit ? { limit: options.limit } : {}), cursor: options.cursor },
    );
    return { ...page, items: page.items.map((item) => decode(deliveryItem, item)) };
  }

  async attempts(
    partition: TenantPartition,
    subscriptionId: string,
    options: { limit?: number | undefined; cursor?: string | undefined },
  ) {
    const page = await this.table.queryPrefix(partition, webhookKeys.attemptsPrefix(subscriptionId), {
      newestFirst: true,
      ...(options.limit ? { limit: options.limit } : {}),
      ...(options.cursor ? { cursor: options.cursor } : {}),
    });
    return { ...page, items: page.items.map((item) => decode(attemptItem, item)) };
  }

  private async replace(next: Record<string, unknown>, expectedVersion: number) {
    await this.table.put(encode(deliveryItem, next as DeliveryItem), 'version = :expected', {
      ':expected': expectedVersion,
    });
  }
}
