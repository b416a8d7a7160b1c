import { type EventType, eventTypes, FinsamError, notFound, type Principal } from '@finsam/domain';
import { z } from 'zod';
import { decode, encode, withoutKeys } from './codecs.ts';
import { gsi1IndexName, keys, type TenantPartition } from './keys.ts';
import type { Table } from './table.ts';
import { isLostRace } from './table.ts';
import { tenantPartition } from './tenant.ts';

export { type EventType, eventTypes } from '@finsam/domain';

/** Event ids are derived from what caused them, so deriving an event twice writes it once. */
export const event_id_pattern = /^[A-Za-z0-9:._-]{1,200}$/;

const outboxItem = z.object({
  PK: z.string(),
  SK: z.string(),
  GSI1PK: z.string(),
  GSI1SK: z.string(),
  kind: z.literal('event'),
  eventId: z.string().regex(event_id_pattern),
  type: z.enum(eventTypes),
  forbundId: z.string(),
  memberId: z.string(),
  /** Increases per member; a lost write may skip a number, so it orders and never counts. */
  sequence: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  payload: z.record(z.string(), z.unknown()),
});
export type OutboxEvent = Omit<z.infer<typeof outboxItem>, 'PK' | 'SK' | 'GSI1PK' | 'GSI1SK' | 'kind'>;

export interface NewEvent {
  eventId: string;
  type: EventType;
  memberId: string;
  payload: Record<string, unknown>;
}

const memberStream = (forbundId: string, memberId: string) => `EVENTS#${forbundId}#${memberId}`;

/**
 * The outbox: every event for a member's finance system, written idempotently right after the
 * state change it reports (an event id derived from the change makes re-deriving it harmless).
 * Delivery (packages/webhooks) and the pull API read from here; nothing is ever deleted.
 */
export class OutboxRepository {
  constructor(private readonly table: Table) {}

  /** Writes the events that are not written yet; returns those written now. */
  async emit(partition: TenantPartition, forbundId: string, events: NewEvent[], at: Date): Promise<OutboxEvent[]> {
    const written: OutboxEvent[] = [];
    for (const event of events) {
      if (await this.table.get(partition, keys.event(event.eventId))) continue;
      const { sequence, occurredAt } = await this.allocate(partition, event.memberId, at);
      const item = encode(outboxItem, {
        PK: partition,
        SK: keys.event(event.eventId),
        GSI1PK: memberStream(forbundId, event.memberId),
        GSI1SK: `${occurredAt}#${String(sequence).padStart(12, '0')}`,
        kind: 'event',
        ...event,
        forbundId,
        sequence,
        occurredAt,
      });
      try {
        await this.table.putNew(item, 'Händelsen finns redan.');
        written.push(toEvent(item));
      } catch (error) {
        // Written by a concurrent derivation of the same change: that is the point of the id.
        if (!isLostRace(error)) throw error;
      }
    }
    return written;
  }

  async get(principal: Principal, forbundId: string, eventId: string): Promise<OutboxEvent> {
    const item = await this.table.get(tenantPartition(principal, forbundId), keys.event(eventId));
    if (!item) throw notFound('Händelsen finns inte.');
    return toEvent(item);
  }

  /** One member's events in the order they occurred, after an opaque cursor (the pull API). */
  async forMember(
    principal: Principal,
    forbundId: string,
    memberId: string,
    options: { cursor?: string | undefined; limit?: number | undefined },
  ) {
    tenantPartition(principal, forbundId);
    const page = await this.table.queryPage(
      {
        IndexName: gsi1IndexName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': 'GSI1PK' },
        ExpressionAttributeValues: { ':pk': memberStream(forbundId, memberId) },
      },
      { name: 'GSI1PK', value: memberStream(forbundId, memberId) },
      { cursor: options.cursor, ...(options.limit ? { limit: options.limit } : {}) },
    );
    return { ...page, items: page.items.map(toEvent) };
  }

  /**
   * The event's place in its member's stream: the next sequence number, and the instant it
   * occurred, never before the previous event's. Writers run concurrently (a request, the daily
   * run, a state machine) and take `at` from a clock that can jump (the local virtual clock), so
   * without this an event numbered later could carry an earlier time than one already read; the
   * relay and the pull API, which read the stream in time order, would then pass it by for good.
   * One conditional update: the counter moves only together with a time not before its last.
   */
  private async allocate(
    partition: TenantPartition,
    memberId: string,
    at: Date,
  ): Promise<{ sequence: number; occurredAt: string }> {
    let occurredAt = at.toISOString();
    for (let attempt = 0; attempt < allocation_attempts_max; attempt++) {
      try {
        const attributes = await this.table.update(
          {
            Key: { PK: partition, SK: keys.eventSequence(memberId) },
            UpdateExpression: 'SET #value = if_not_exists(#value, :zero) + :one, #last = :at',
            ConditionExpression: 'attribute_not_exists(#last) OR #last <= :at',
            ExpressionAttributeNames: { '#value': 'value', '#last': 'lastOccurredAt' },
            ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':at': occurredAt },
          },
          'Sekvensnumret kunde inte räknas upp.',
        );
        return { sequence: Number(attributes?.value), occurredAt };
      } catch (error) {
        if (!(error instanceof FinsamError && error.kind === 'conflict')) throw error;
        // A later event came first: this one occurred, as far as the stream is concerned, with it.
        const counter = await this.table.get(partition, keys.eventSequence(memberId));
        const last = typeof counter?.lastOccurredAt === 'string' ? counter.lastOccurredAt : occurredAt;
        if (last > occurredAt) occurredAt = last;
      }
    }
    throw new Error(`the event stream of ${memberId} stayed contended for ${allocation_attempts_max} attempts`);
  }
}

/** Each lost race means another event was numbered meanwhile; this many in a row does not happen. */
const allocation_attempts_max = 50;

function toEvent(item: Record<string, unknown>): OutboxEvent {
  return withoutKeys(decode(outboxItem, item)) as OutboxEvent;
}
