import { type EventType, eventTypes, notFound, type Principal } from '@finsam/domain';
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
      const sequence = await this.nextSequence(partition, event.memberId);
      const occurredAt = at.toISOString();
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

  private async nextSequence(partition: TenantPartition, memberId: string): Promise<number> {
    const attributes = await this.table.update(
      {
        Key: { PK: partition, SK: keys.eventSequence(memberId) },
        UpdateExpression: 'ADD #value :one',
        ExpressionAttributeNames: { '#value': 'value' },
        ExpressionAttributeValues: { ':one': 1 },
      },
      'Sekvensnumret kunde inte räknas upp.',
    );
    return Number(attributes?.value);
  }
}

function toEvent(item: Record<string, unknown>): OutboxEvent {
  return withoutKeys(decode(outboxItem, item)) as OutboxEvent;
}
