import { gsi1IndexName, keys, type OutboxEvent, type Table, type TenantPartition } from '@finsam/store';
import type { DeliveryEngine } from './delivery-engine.ts';
import type { DeliveryKey } from './delivery-repository.ts';
import { memberStreamPartition, partitionOf, webhookKeys } from './keys.ts';
import type { Subscription } from './subscription-items.ts';

/**
 * Events become visible slightly out of order: a writer numbers an event and writes it a few
 * milliseconds later, and another writer's next event can be read in between. Every poll re-reads
 * this much before its cursor, and events already relayed in that span are skipped.
 */
export const relay_lookback_ms = 5_000;
/**
 * How long (real time) a missing sequence number holds the cursor back. The store numbers an
 * event just before writing it, so a number still missing after this was lost with its writer
 * (a crash between the two); the event itself is written again under a new number on retry.
 */
export const relay_gap_grace_ms = 30_000;
/** Events relayed per member per poll, in pages of 100; the next poll continues. */
const relay_pages_per_member_max = 10;
/** Förbund read per poll, in pages of 100. */
const forbund_pages_max = 100;

/**
 * The outbox relay: reads each member's event stream (GSI1) after a cursor kept in the tenant's
 * partition and fans new events out. Only members with a subscription are read, and nothing is
 * written when nothing is new. Fan-out is idempotent (one delivery item per subscription and
 * event, written once), so an event relayed twice is still delivered once.
 *
 * The cursor moves only over an unbroken run of sequence numbers. The store gives each event a
 * time not before the previous event's (outbox-repository.ts), so an event numbered but not yet
 * visible will appear after the cursor; events past a gap are fanned out at once, and the cursor
 * waits for the gap to fill, or for `relay_gap_grace_ms`. The local runtime's virtual clock jumps
 * by days while background work is still writing, so a cursor moved by time alone passed events
 * that became visible a moment later, and they were never delivered.
 *
 * Locally it is the only path (dynalite has no streams). In AWS the table's stream carries new
 * events to the delivery queue within seconds, and this runs as a reconciliation every few
 * minutes over events older than `settledBefore` (outbox-reconciliation.ts): whatever the stream
 * lost (a pipe that was down longer than the stream's 24 hours, a dead-lettered batch) is found
 * and sent; the cursor is the mark of how far every event has surely been fanned out. A gap
 * before a settled event is minutes old, so the reconciliation passes it at once.
 */
export class OutboxRelay {
  /** Per member stream: ids of events relayed within the lookback span, with their sort keys. */
  private readonly recent = new Map<string, Map<string, string>>();
  /** Per member stream and missing sequence number: when (real time) the gap was first seen. */
  private readonly gapsSeen = new Map<string, number>();

  constructor(
    private readonly table: Table,
    private readonly engine: DeliveryEngine,
    /** Real time, for the gap grace; the business clock (`now`) can stand still or jump. */
    private readonly realNow: () => number = Date.now,
  ) {}

  /** `settledBefore`: only events that occurred before it (the AWS reconciliation); all when absent. */
  async poll(now: Date, settledBefore?: Date): Promise<DeliveryKey[]> {
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
        created.push(
          ...(await this.relayMember(partition, forbundId, memberId, memberSubscriptions, now, settledBefore)),
        );
    }
    return created;
  }

  private async relayMember(
    partition: TenantPartition,
    forbundId: string,
    memberId: string,
    subscriptions: Subscription[],
    now: Date,
    settledBefore: Date | undefined,
  ): Promise<DeliveryKey[]> {
    const stream = memberStreamPartition(forbundId, memberId);
    const cursor = await this.table.get(partition, webhookKeys.relayCursor(memberId));
    const earliest = subscriptions.map((subscription) => subscription.createdAt).sort()[0] as string;
    const through = typeof cursor?.through === 'string' ? cursor.through : earliest;
    // Unknown for a cursor written before sequences were followed: it then starts where it reads.
    const sequenceThrough = typeof cursor?.sequence === 'number' ? cursor.sequence : undefined;
    const lowerBound = new Date(Date.parse(through.split('#')[0] as string) - relay_lookback_ms).toISOString();
    // GSI1SK is `<occurredAt>#<sequence>`, so an ISO time as the upper bound ends before that instant.
    const upperBound = settledBefore?.toISOString();
    if (upperBound !== undefined && upperBound <= lowerBound) return [];
    const recent = this.recent.get(stream) ?? new Map<string, string>();
    this.recent.set(stream, recent);

    const created: DeliveryKey[] = [];
    const advance = new CursorAdvance(through, sequenceThrough, (missing) => {
      // In the reconciliation every event read is settled: a number missing before it was lost.
      if (upperBound !== undefined) return true;
      const key = `${stream}#${missing}`;
      const seen = this.gapsSeen.get(key) ?? this.realNow();
      this.gapsSeen.set(key, seen);
      return this.realNow() - seen >= relay_gap_grace_ms;
    });
    let start: string | undefined;
    for (let page = 0; page < relay_pages_per_member_max; page++) {
      const result = await this.table.queryPage(
        {
          IndexName: gsi1IndexName,
          KeyConditionExpression:
            upperBound === undefined ? '#pk = :pk AND #sk > :after' : '#pk = :pk AND #sk BETWEEN :after AND :before',
          ExpressionAttributeNames: { '#pk': 'GSI1PK', '#sk': 'GSI1SK' },
          ExpressionAttributeValues: {
            ':pk': stream,
            ':after': lowerBound,
            ...(upperBound === undefined ? {} : { ':before': upperBound }),
          },
        },
        { name: 'GSI1PK', value: stream },
        { cursor: start },
      );
      for (const item of result.items) {
        const eventId = String(item.eventId);
        const sort = String(item.GSI1SK);
        if (!recent.has(eventId)) {
          const event: OutboxEvent = await this.engine.eventOf(forbundId, eventId);
          created.push(...(await this.engine.fanOut(event, now, subscriptions)));
          recent.set(eventId, sort);
        }
        advance.over(Number(item.sequence), sort);
      }
      start = result.nextCursor;
      if (!start) break;
    }

    if (advance.through !== through || advance.sequence !== sequenceThrough)
      await this.table.put({
        PK: partition,
        SK: webhookKeys.relayCursor(memberId),
        kind: 'webhook-relay-cursor',
        through: advance.through,
        ...(advance.sequence === undefined ? {} : { sequence: advance.sequence }),
      });
    for (const key of this.gapsSeen.keys())
      if (key.startsWith(`${stream}#`) && Number(key.slice(stream.length + 1)) <= (advance.sequence ?? 0))
        this.gapsSeen.delete(key);
    // Forget what fell out of the lookback span: it will not be read again.
    const forgetBefore = new Date(
      Date.parse(advance.through.split('#')[0] as string) - relay_lookback_ms,
    ).toISOString();
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

/**
 * Where the cursor may move after one read of a stream: over events in sequence order, through
 * each next number, and past a missing number only when `gapPassed` says it is lost. Once held
 * at a gap it stays there for the rest of the read; later events are fanned out all the same.
 */
class CursorAdvance {
  private held = false;

  constructor(
    public through: string,
    public sequence: number | undefined,
    private readonly gapPassed: (missing: number) => boolean,
  ) {}

  over(sequence: number, sort: string) {
    if (this.held || sort <= this.through) return;
    if (this.sequence !== undefined && sequence <= this.sequence) return;
    if (this.sequence !== undefined && sequence > this.sequence + 1 && !this.gapPassed(this.sequence + 1)) {
      this.held = true;
      return;
    }
    this.through = sort;
    this.sequence = sequence;
  }
}
