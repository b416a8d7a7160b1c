import { gsi1IndexName, keys, type OutboxEvent, type Table, type TenantPartition } from '@finsam/store';
import type { DeliveryEngine } from './delivery-engine.ts';
import type { DeliveryKey } from './delivery-repository.ts';
import { memberStreamPartition, partitionOf, webhookKeys } from './keys.ts';
import type { Subscription } from './subscription-items.ts';

/**
 * Events written by concurrent writers can become visible slightly out of time order; every poll
 * re-reads this much before its cursor, and events already relayed in that span are skipped.
 */
export const relay_lookback_ms = 5_000;
/** Events relayed per member per poll, in pages of 100; the next poll continues. */
const relay_pages_per_member_max = 10;
/** Förbund read per poll, in pages of 100. */
const forbund_pages_max = 100;

/**
 * The local runtime's outbox relay. In AWS the table's stream carries every new event to the
 * delivery queue; dynalite has no streams, so locally this polls each member's event stream
 * (GSI1) after a cursor kept in the tenant's partition and fans new events out. Only members
 * with a subscription are read, and nothing is written when nothing is new.
 */
export class OutboxRelay {
  /** Per member stream: ids of events relayed within the lookback span, with their sort keys. */
  private readonly recent = new Map<string, Map<string, string>>();

  constructor(
    private readonly table: Table,
    private readonly engine: DeliveryEngine,
  ) {}

  async poll(now: Date): Promise<DeliveryKey[]> {
    const created: DeliveryKey[] = [];
    for (const forbundId of await this.forbundIds()) {
      const partition = partitionOf(forbundId);
      const subscriptions = (await this.engine.subscriptions.inForbund(partition)).filter(
        (subscription) => subscription.disabledReason !== 'deleted',
      );
      const byMember = new Map<string, Subscription[]>();
      for (const subscription of subscriptions)
        byMember.set(subscription.memberId, [...(byMember.get(subscription.memberId) ?? []), subscription]);
      for (const [memberId, memberSubscriptions] of byMember)
        created.push(...(await this.relayMember(partition, forbundId, memberId, memberSubscriptions, now)));
    }
    return created;
  }

  private async relayMember(
    partition: TenantPartition,
    forbundId: string,
    memberId: string,
    subscriptions: Subscription[],
    now: Date,
  ): Promise<DeliveryKey[]> {
    const stream = memberStreamPartition(forbundId, memberId);
    const cursor = await this.table.get(partition, webhookKeys.relayCursor(memberId));
    const earliest = subscriptions.map((subscription) => subscription.createdAt).sort()[0] as string;
    const through = typeof cursor?.through === 'string' ? cursor.through : earliest;
    const lowerBound = new Date(Date.parse(through.split('#')[0] as string) - relay_lookback_ms).toISOString();
    const recent = this.recent.get(stream) ?? new Map<string, string>();
    this.recent.set(stream, recent);

    const created: DeliveryKey[] = [];
    let highest = through;
    let start: string | undefined;
    for (let page = 0; page < relay_pages_per_member_max; page++) {
      const result = await this.table.queryPage(
        {
          IndexName: gsi1IndexName,
          KeyConditionExpression: '#pk = :pk AND #sk > :after',
          ExpressionAttributeNames: { '#pk': 'GSI1PK', '#sk': 'GSI1SK' },
          ExpressionAttributeValues: { ':pk': stream, ':after': lowerBound },
        },
        { name: 'GSI1PK', value: stream },
        { cursor: start },
      );
      for (const item of result.items) {
        const eventId = String(item.eventId);
        const sort = String(item.GSI1SK);
        if (recent.has(eventId)) continue;
        const event: OutboxEvent = await this.engine.eventOf(forbundId, eventId);
        created.push(...(await this.engine.fanOut(event, now, subscriptions)));
        recent.set(eventId, sort);
        if (sort > highest) highest = sort;
      }
      start = result.nextCursor;
      if (!start) break;
    }

    if (highest !== through)
      await this.table.put({
        PK: partition,
        SK: webhookKeys.relayCursor(memberId),
        kind: 'webhook-relay-cursor',
        through: highest,
      });
    // Forget what fell out of the lookback span: it will not be read again.
    const forgetBefore = new Date(Date.parse(highest.split('#')[0] as string) - relay_lookback_ms).toISOString();
    for (const [eventId, sort] of recent) if (sort <= forgetBefore) recent.delete(eventId);
    return created;
  }

  private async forbundIds(): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < forbund_pages_max; page++) {
      const result = await this.table.queryIndex(keys.forbundRegister, { ...(cursor ? { cursor } : {}) });
      ids.push(...result.items.map((item) => String(item.id)));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    return ids;
  }
}
