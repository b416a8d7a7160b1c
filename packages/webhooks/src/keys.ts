import type { TenantPartition } from '@finsam/store';

/**
 * Sort keys of the webhook items, all under the tenant partition `T#<forbundId>` (DESIGN.md, data).
 * Member ids and subscription ids never contain '#', so a prefix can never reach another
 * member's or subscription's items.
 */
export const webhookKeys = {
  subscription: (memberId: string, subscriptionId: string) => `SUB#${memberId}#${subscriptionId}`,
  memberSubscriptionsPrefix: (memberId: string) => `SUB#${memberId}#`,
  subscriptionsPrefix: 'SUB#',
  /** The places of one member's subscriptions (LimitedSlots); outside the SUB# prefix. */
  subscriptionLimit: (memberId: string) => `SUB-LIMIT#${memberId}`,
  /** One per (subscription, event): fan-out writes it once, retries and replays update it. */
  delivery: (subscriptionId: string, eventId: string) => `DELIVERY#${subscriptionId}#${eventId}`,
  deliveriesPrefix: (subscriptionId: string) => `DELIVERY#${subscriptionId}#`,
  /** The delivery log: ULIDs sort by time, so a prefix query lists attempts newest first. */
  attempt: (subscriptionId: string, attemptId: string) => `ATTEMPT#${subscriptionId}#${attemptId}`,
  attemptsPrefix: (subscriptionId: string) => `ATTEMPT#${subscriptionId}#`,
  /** How far the local outbox relay has read one member's event stream. */
  relayCursor: (memberId: string) => `WEBHOOK-RELAY#${memberId}`,
  /** GSI1 partition of pending deliveries, sharded so no index partition takes all the writes. */
  dueShard: (shard: number) => `WEBHOOK-DUE#${shard}`,
} as const;

/**
 * The GSI1 partition of one member's outbox stream, as OutboxRepository writes it. Repeated here
 * (the store keeps it private) for the relay's range query and the pull API's resume cursor.
 */
export const memberStreamPartition = (forbundId: string, memberId: string) => `EVENTS#${forbundId}#${memberId}`;
export const memberStreamSort = (occurredAt: string, sequence: number) =>
  `${occurredAt}#${String(sequence).padStart(12, '0')}`;

/** Pending deliveries spread over this many GSI1 partitions; the sweep reads all of them. */
export const due_index_shards = 4;

export const partitionOf = (forbundId: string) => `T#${forbundId}` as TenantPartition;
export const forbundIdOf = (partition: string) => partition.slice('T#'.length);

/** A stable shard for a delivery: FNV-1a over its sort key. */
export function dueShardOf(sortKey: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < sortKey.length; index++) {
    hash ^= sortKey.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % due_index_shards;
}
