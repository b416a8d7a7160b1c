import { conflict, FinsamError, hasRole, invalid, notFound, type Principal } from '@finsam/domain';
import { gsi1IndexName, keys, tableKeyNames } from '@finsam/store';
import { ulid } from 'ulidx';
import { memberPartition } from './access.ts';
import { buildEventEnvelope, type EventEnvelope, PayloadError } from './delivery-body.ts';
import type { DeliveryEngine } from './delivery-engine.ts';
import { type AttemptItem, attemptView, type DeliveryStatus, deliveryView } from './delivery-items.ts';
import { checkEndpointUrl, type EndpointMode, type Resolver, systemResolver } from './endpoint-guard.ts';
import { memberStreamPartition, memberStreamSort } from './keys.ts';
import { signedHeaders } from './signing.ts';
import { signingSecrets } from './subscription-items.ts';
import type { NewSubscription, SubscriptionChanges } from './subscription-repository.ts';

/** Events one replay request may schedule; a longer range is replayed in several requests. */
export const replay_events_max = 500;
/** Events per page of the pull API. */
export const pull_page_items_max = 100;

/**
 * What the API does with webhooks, for one principal: subscriptions with the SSRF check on every
 * URL, the delivery log, replay, the test ping, and the pull alternative. Every call builds its
 * key through `memberPartition`, so a member's representative reaches only its own member.
 */
export class WebhookService {
  private readonly resolve: Resolver;

  constructor(
    private readonly engine: DeliveryEngine,
    resolve: Resolver = systemResolver,
  ) {
    this.resolve = resolve;
  }

  private get mode(): EndpointMode {
    return this.engine.options.mode;
  }

  /**
   * An attempt as this principal may see it. The local runtime lets a webhook reach loopback (a
   * receiver on the developer's machine), so there a URL can point at any service on the
   * machine; the receiver's answer would then be a way to read that service. A member's
   * representative therefore sees no response snippet in local mode, only the status and
   * timing; the förbund's administrator and the platform see it all.
   */
  private attemptFor(principal: Principal, item: AttemptItem) {
    const view = attemptView(item);
    if (this.mode !== 'local' || hasRole(principal, 'forbund-admin', 'platform-admin')) return view;
    const { responseSnippet: _hidden, ...rest } = view;
    return rest;
  }

  async create(principal: Principal, forbundId: string, memberId: string, input: NewSubscription, now: Date) {
    memberPartition(principal, forbundId, memberId);
    const url = await checkEndpointUrl(input.url, this.mode, this.resolve);
    return this.engine.subscriptions.create(principal, forbundId, memberId, { ...input, url }, now);
  }

  async update(
    principal: Principal,
    forbundId: string,
    memberId: string,
    id: string,
    changes: SubscriptionChanges,
    expectedVersion: number,
    now: Date,
  ) {
    memberPartition(principal, forbundId, memberId);
    const url = changes.url === undefined ? undefined : await checkEndpointUrl(changes.url, this.mode, this.resolve);
    return this.engine.subscriptions.update(
      principal,
      forbundId,
      memberId,
      id,
      { ...changes, url },
      expectedVersion,
      now,
    );
  }

  /** Sends a signed `webhook.test` message now, logs it as an attempt and returns the attempt. */
  async ping(principal: Principal, forbundId: string, memberId: string, id: string, now: Date) {
    const partition = memberPartition(principal, forbundId, memberId);
    const subscription = await this.engine.subscriptions.get(principal, forbundId, memberId, id);
    const messageId = `ping_${ulid(now.getTime())}`;
    const body = JSON.stringify({
      id: messageId,
      type: 'webhook.test',
      version: 1,
      timestamp: now.toISOString(),
      forbundId,
      memberId,
      data: { subscriptionId: id, message: 'Testmeddelande från Finsam Cloud.' },
    });
    const headers = signedHeaders(
      await signingSecrets(this.engine.options.secretSealer, subscription, now),
      messageId,
      this.engine.options.signingClock(),
      body,
    );
    const sent = await this.engine.send(subscription.url, { ...headers }, body);
    const attempt = await this.engine.deliveries.recordAttempt(partition, {
      subscriptionId: id,
      eventId: messageId,
      eventType: 'webhook.test',
      trigger: 'ping',
      attempt: 1,
      at: now.toISOString(),
      outcome: sent.delivered ? 'delivered' : 'failed',
      ...(sent.statusCode ? { statusCode: sent.statusCode } : {}),
      latencyMs: sent.latencyMs,
      ...(sent.responseSnippet ? { responseSnippet: sent.responseSnippet } : {}),
      ...(sent.error ? { error: sent.error.slice(0, 500) } : {}),
    });
    return this.attemptFor(principal, attempt);
  }

  /** Delivers one event again (or for the first time) to this subscription, in a fresh retry window. */
  async replayEvent(principal: Principal, forbundId: string, memberId: string, id: string, eventId: string, now: Date) {
    const { partition, subscription } = await this.replayable(principal, forbundId, memberId, id);
    const event = await this.engine.outbox.get(principal, forbundId, eventId).catch(() => undefined);
    // Another member's event is answered exactly like a missing one.
    if (!event || event.memberId !== memberId) throw notFound('Händelsen finns inte.');
    if (!subscription.eventTypes.includes(event.type))
      throw invalid('Prenumerationen tar inte emot den här händelsetypen.', [
        { field: 'eventId', message: `Prenumerationen tar inte emot ${event.type}.` },
      ]);
    await this.engine.deliveries.replay(partition, id, event, now);
    return { replayed: 1, eventIds: [eventId], truncated: false };
  }

  /** Delivers again every event of the subscribed types that occurred in [from, to). */
  async replayRange(
    principal: Principal,
    forbundId: string,
    memberId: string,
    id: string,
    from: Date,
    to: Date,
    now: Date,
  ) {
    const { partition, subscription } = await this.replayable(principal, forbundId, memberId, id);
    const stream = memberStreamPartition(forbundId, memberId);
    const eventIds: string[] = [];
    let cursor: string | undefined;
    let truncated = false;
    do {
      const page = await this.engine.options.table.queryPage(
        {
          IndexName: gsi1IndexName,
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
          ExpressionAttributeNames: { '#pk': 'GSI1PK', '#sk': 'GSI1SK' },
          ExpressionAttributeValues: { ':pk': stream, ':from': from.toISOString(), ':to': to.toISOString() },
        },
        { name: 'GSI1PK', value: stream },
        { cursor },
      );
      for (const item of page.items) {
        if (!subscription.eventTypes.includes(item.type as never)) continue;
        if (eventIds.length >= replay_events_max) {
          truncated = true;
          break;
        }
        const event = await this.engine.outbox.get(principal, forbundId, String(item.eventId));
        await this.engine.deliveries.replay(partition, id, event, now);
        eventIds.push(event.eventId);
      }
      cursor = truncated ? undefined : page.nextCursor;
    } while (cursor);
    return { replayed: eventIds.length, eventIds, truncated };
  }

  async deliveries(
    principal: Principal,
    forbundId: string,
    memberId: string,
    id: string,
    options: { status?: DeliveryStatus | undefined; limit?: number | undefined; cursor?: string | undefined },
  ) {
    const partition = memberPartition(principal, forbundId, memberId);
    await this.engine.subscriptions.get(principal, forbundId, memberId, id);
    const page = await this.engine.deliveries.list(partition, id, options);
    return { ...page, items: page.items.map(deliveryView) };
  }

  async attempts(
    principal: Principal,
    forbundId: string,
    memberId: string,
    id: string,
    options: { limit?: number | undefined; cursor?: string | undefined },
  ) {
    const partition = memberPartition(principal, forbundId, memberId);
    await this.engine.subscriptions.get(principal, forbundId, memberId, id);
    const page = await this.engine.deliveries.attempts(partition, id, options);
    return { ...page, items: page.items.map((item) => this.attemptFor(principal, item)) };
  }

  /**
   * The pull alternative: a member's events in the order they occurred, after `after`. The answer
   * always carries a cursor to resume from (the last event returned, or `after` itself), so a
   * system that polls keeps its place also at the end of the stream.
   */
  async events(
    principal: Principal,
    forbundId: string,
    memberId: string,
    options: { after?: string | undefined; limit?: number | undefined },
  ) {
    const partition = memberPartition(principal, forbundId, memberId);
    // The portal's public origin, as in webhooks: behind CloudFront the request's own host is
    // API Gateway's execute-api name, which members' systems must never be sent to.
    const links = await this.engine.options.documentLinks(this.engine.options.publicBaseUrl());
    const page = await this.engine.outbox
      .forMember(principal, forbundId, memberId, {
        cursor: options.after,
        limit: Math.min(options.limit ?? pull_page_items_max, pull_page_items_max),
      })
      .catch((error: unknown) => {
        // The store names its cursor `cursor`; here the parameter is `after`.
        if (error instanceof FinsamError && error.kind === 'invalid')
          throw invalid(error.message, [{ field: 'query.after', message: 'Markören är ogiltig.' }]);
        throw error;
      });
    const items: EventEnvelope[] = [];
    for (const event of page.items) {
      try {
        items.push(buildEventEnvelope(event, links));
      } catch (error) {
        // A payload that fails its schema is a producer bug; it is dead-lettered on the webhook
        // side as 'invalid-payload' and left out here rather than blocking the stream.
        if (!(error instanceof PayloadError)) throw error;
      }
    }
    const last = page.items.at(-1);
    const nextCursor = last
      ? await this.engine.options.table.cursors.seal(
          {
            PK: partition,
            SK: keys.event(last.eventId),
            GSI1PK: memberStreamPartition(forbundId, memberId),
            GSI1SK: memberStreamSort(last.occurredAt, last.sequence),
          },
          // The scope Table.queryIndex opens it with: the member's stream partition on the index.
          {
            partition: { name: tableKeyNames.gsi1Partition, value: memberStreamPartition(forbundId, memberId) },
            index: gsi1IndexName,
          },
        )
      : options.after;
    return { items, ...(nextCursor ? { nextCursor } : {}), hasMore: page.nextCursor !== undefined };
  }

  private async replayable(principal: Principal, forbundId: string, memberId: string, id: string) {
    const partition = memberPartition(principal, forbundId, memberId);
    const subscription = await this.engine.subscriptions.get(principal, forbundId, memberId, id);
    if (!subscription.enabled)
      throw conflict('Prenumerationen är avstängd. Slå på den innan händelser spelas upp igen.');
    return { partition, subscription };
  }
}
