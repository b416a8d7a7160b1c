import { FinsamError } from '@finsam/domain';
import { AuditRepository, decode, type OutboxEvent, OutboxRepository, type Table } from '@finsam/store';
import { webhookSystemPrincipal } from './access.ts';
import { buildDeliveryBody, PayloadError } from './delivery-body.ts';
import type { DeadReason, DeliveryItem } from './delivery-items.ts';
import { type DeliveryKey, DeliveryRepository } from './delivery-repository.ts';
import type { DocumentLinkSource } from './document-links.ts';
import type { EndpointMode } from './endpoint-guard.ts';
import { createSender, delivery_timeout_ms, type Sender, type SendResult } from './http-sender.ts';
import { forbundIdOf, partitionOf, webhookKeys } from './keys.ts';
import { nextAttemptAt } from './retry-schedule.ts';
import type { SecretSealer } from './secret-sealer.ts';
import { signedHeaders } from './signing.ts';
import { type Subscription, signingSecrets, subscriptionItem } from './subscription-items.ts';
import { SubscriptionRepository } from './subscription-repository.ts';

/** Deliveries in flight at once per process (a Lambda invocation, or the local runtime). */
export const delivery_concurrency_max = 32;
/** Due deliveries read per index shard per sweep; the next sweep takes the rest. */
export const due_per_shard_max = 100;
/** A claimed delivery is hidden this long: the attempt's timeout plus room to record it. */
const lease_margin_ms = 20_000;
/** Events never change once written: a small cache saves reading one event once per subscription. */
const event_cache_entries_max = 1_000;

export interface DeliveryEngineOptions {
  table: Table;
  mode: EndpointMode;
  documentLinks: DocumentLinkSource;
  /** Seals and opens members' signing secrets: KMS in AWS, the key file under `.data/` locally. */
  secretSealer: SecretSealer;
  /** The portal's public origin, which document links in webhooks point at. */
  publicBaseUrl: () => string;
  /**
   * The webhook-timestamp header's clock. Receivers check it against their own clock (5 minutes'
   * tolerance), so it is real time even where the runtime's business clock is simulated.
   */
  signingClock: () => Date;
  /** Uniform in [0, 1): the jitter of the retry schedule. */
  random: () => number;
  concurrency?: number;
  timeoutMs?: number;
  /** Defaults to the guarded HTTP sender; the SSRF guard and timeout live there. */
  sender?: Sender;
  /** Where an attempt started by `dispatch` reports a failure of the store (receivers' failures are logged, not thrown). */
  onError?: (error: unknown) => void;
}

export type AttemptResult =
  | { status: 'delivered'; statusCode: number }
  | { status: 'retry'; retryAt: Date; statusCode?: number; error?: string }
  | { status: 'dead'; reason: DeadReason };

/**
 * The delivery engine, the same in both runtimes: fans outbox events out to the subscriptions
 * that want them, claims due deliveries, sends them signed, logs every attempt, and reschedules
 * or dead-letters. The local runtime drives it from a timer; AWS from SQS and a schedule.
 */
export class DeliveryEngine {
  readonly subscriptions: SubscriptionRepository;
  readonly deliveries: DeliveryRepository;
  readonly outbox: OutboxRepository;
  readonly concurrency: number;
  /** The guarded HTTP sender, shared with the test ping. */
  readonly send: Sender;
  private readonly leaseMs: number;
  private readonly inFlight = new Map<string, Promise<AttemptResult | undefined>>();
  private readonly events = new Map<string, OutboxEvent>();

  constructor(readonly options: DeliveryEngineOptions) {
    this.subscriptions = new SubscriptionRepository(
      options.table,
      new AuditRepository(options.table),
      options.secretSealer,
    );
    this.deliveries = new DeliveryRepository(options.table);
    this.outbox = new OutboxRepository(options.table);
    this.concurrency = options.concurrency ?? delivery_concurrency_max;
    const timeoutMs = options.timeoutMs ?? delivery_timeout_ms;
    this.send = options.sender ?? createSender({ mode: options.mode, timeoutMs });
    this.leaseMs = timeoutMs + lease_margin_ms;
  }

  /** Schedules one event for every subscription of its member that wants it; returns the new deliveries. */
  async fanOut(event: OutboxEvent, now: Date, memberSubscriptions?: readonly Subscription[]): Promise<DeliveryKey[]> {
    const partition = partitionOf(event.forbundId);
    const subscriptions = memberSubscriptions ?? (await this.subscriptions.forMember(partition, event.memberId));
    const created: DeliveryKey[] = [];
    for (const subscription of subscriptions.filter((candidate) => receives(candidate, event))) {
      const key = await this.deliveries.create(partition, subscription.id, event, now);
      if (key) created.push(key);
    }
    return created;
  }

  /** One attempt of one delivery, if it is still due and no other worker holds it. */
  async attempt(key: DeliveryKey, now: Date): Promise<AttemptResult | undefined> {
    const claimed = await this.deliveries.claim(key, now, new Date(now.getTime() + this.leaseMs));
    if (!claimed) return undefined;
    let subscription = await this.subscriptionOf(claimed);
    if (!subscription?.enabled) return this.deadWithoutAttempt(claimed, now, 'subscription-disabled');
    let body: string;
    try {
      const event = await this.eventOf(forbundIdOf(key.partition), claimed.eventId);
      const links = await this.options.documentLinks(this.options.publicBaseUrl());
      body = buildDeliveryBody(event, links);
    } catch (error) {
      if (error instanceof PayloadError) return this.deadWithoutAttempt(claimed, now, 'invalid-payload', error.message);
      if (error instanceof FinsamError && error.kind === 'not-found')
        return this.deadWithoutAttempt(claimed, now, 'event-missing');
      throw error;
    }
    // An item from before sealing is sealed the first time it signs (read both, write sealed).
    subscription = await this.subscriptions.sealPlaintextSecrets(
      key.partition,
      subscription,
      now,
      webhookSystemPrincipal.subject,
    );
    const headers = signedHeaders(
      await signingSecrets(this.options.secretSealer, subscription, now),
      claimed.eventId,
      this.options.signingClock(),
      body,
    );
    const sent = await this.send(subscription.url, { ...headers }, body);
    await this.log(key, claimed, sent, now);
    const outcome = this.outcomeOf(claimed, sent, now);
    await this.settle(claimed, now, outcome);
    if (outcome.status === 'dead') {
      await this.subscriptions.disable(
        key.partition,
        subscription,
        'retry-window-exhausted',
        now,
        webhookSystemPrincipal.subject,
      );
      return { status: 'dead', reason: outcome.reason };
    }
    return outcome.status === 'delivered'
      ? { status: 'delivered', statusCode: outcome.statusCode }
      : {
          status: 'retry',
          retryAt: outcome.retryAt,
          ...(sent.statusCode ? { statusCode: sent.statusCode } : {}),
          ...(sent.error ? { error: sent.error } : {}),
        };
  }

  /**
   * Starts attempts of these deliveries without waiting for them, up to the concurrency limit;
   * deliveries already in flight here are skipped. Returns how many were started. The local
   * worker calls this on every tick, so a slow receiver never holds up the others.
   */
  dispatch(keys: readonly DeliveryKey[], now: Date): number {
    let started = 0;
    for (const key of keys) {
      if (this.inFlight.size >= this.concurrency) break;
      const id = `${key.partition}|${key.sort}`;
      if (this.inFlight.has(id)) continue;
      const running = this.attempt(key, now)
        .catch((error: unknown) => {
          // The delivery stays due (its lease runs out), so the next sweep tries it again.
          (this.options.onError ?? console.error)(error);
          return undefined;
        })
        .finally(() => this.inFlight.delete(id));
      this.inFlight.set(id, running);
      started += 1;
    }
    return started;
  }

  /** One outbox event, read through the cache. */
  async eventOf(forbundId: string, eventId: string): Promise<OutboxEvent> {
    const id = `${forbundId}|${eventId}`;
    const cached = this.events.get(id);
    if (cached) return cached;
    const event = await this.outbox.get(webhookSystemPrincipal, forbundId, eventId);
    this.events.set(id, event);
    if (this.events.size > event_cache_entries_max) this.events.delete(this.events.keys().next().value as string);
    return event;
  }

  /** Resolves when an attempt in flight finishes (at once when none is). */
  async slotFreed(): Promise<void> {
    if (this.inFlight.size > 0) await Promise.race(this.inFlight.values());
  }

  /** Free places for more attempts in this process. */
  get capacity(): number {
    return this.concurrency - this.inFlight.size;
  }

  /** Resolves when every attempt started here has finished (a clean stop). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()]);
  }

  /**
   * Attempts due deliveries and waits for them: the scheduled sweep in AWS and the benchmark.
   * No attempt starts after `startBefore` (a Lambda's remaining time minus one attempt).
   */
  async deliverDue(now: Date, options: { startBefore?: () => boolean } = {}) {
    const keys = await this.deliveries.due(now, due_per_shard_max);
    return this.deliverAll(keys, now, options);
  }

  /** Attempts these deliveries with at most `concurrency` at a time, and counts the outcomes. */
  async deliverAll(keys: readonly DeliveryKey[], now: Date, options: { startBefore?: () => boolean } = {}) {
    const counts = { due: keys.length, delivered: 0, retry: 0, dead: 0, skipped: 0, failed: 0 };
    let next = 0;
    const worker = async () => {
      while (next < keys.length && (options.startBefore?.() ?? true)) {
        const key = keys[next++] as DeliveryKey;
        try {
          const result = await this.attempt(key, now);
          counts[result?.status ?? 'skipped'] += 1;
        } catch (error) {
          // A store failure: the delivery stays due once its lease runs out, and is tried again.
          counts.failed += 1;
          (this.options.onError ?? console.error)(error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, keys.length) }, worker));
    return counts;
  }

  private outcomeOf(
    claimed: DeliveryItem,
    sent: SendResult,
    now: Date,
  ):
    | { status: 'delivered'; statusCode: number }
    | { status: 'retry'; retryAt: Date }
    | { status: 'dead'; reason: 'retry-window-exhausted' } {
    if (sent.delivered) return { status: 'delivered', statusCode: sent.statusCode ?? 200 };
    const retryAt = nextAttemptAt({
      failedAttempts: claimed.attempts + 1,
      windowStartedAt: new Date(claimed.windowStartedAt),
      failedAt: now,
      random: this.options.random,
    });
    return retryAt ? { status: 'retry', retryAt } : { status: 'dead', reason: 'retry-window-exhausted' };
  }

  private async settle(claimed: DeliveryItem, now: Date, outcome: ReturnType<DeliveryEngine['outcomeOf']>) {
    try {
      await this.deliveries.settle(claimed, now, outcome);
    } catch (error) {
      // A replay reset the delivery while this attempt ran: the replay's schedule stands.
      if (!(error instanceof FinsamError && error.kind === 'conflict')) throw error;
    }
  }

  private async deadWithoutAttempt(claimed: DeliveryItem, now: Date, reason: DeadReason, error?: string) {
    await this.deliveries.settle(claimed, now, { status: 'dead', reason, error }, false);
    return { status: 'dead' as const, reason };
  }

  private async log(key: DeliveryKey, claimed: DeliveryItem, sent: SendResult, now: Date) {
    await this.deliveries.recordAttempt(key.partition, {
      subscriptionId: claimed.subscriptionId,
      eventId: claimed.eventId,
      eventType: claimed.eventType,
      trigger: 'delivery',
      attempt: claimed.attempts + 1,
      at: now.toISOString(),
      outcome: sent.delivered ? 'delivered' : 'failed',
      ...(sent.statusCode ? { statusCode: sent.statusCode } : {}),
      latencyMs: sent.latencyMs,
      ...(sent.responseSnippet ? { responseSnippet: sent.responseSnippet } : {}),
      ...(sent.error ? { error: sent.error.slice(0, 500) } : {}),
    });
  }

  private async subscriptionOf(delivery: DeliveryItem): Promise<Subscription | undefined> {
    const item = await this.options.table.get(
      delivery.PK,
      webhookKeys.subscription(delivery.memberId, delivery.subscriptionId),
    );
    if (!item) return undefined;
    const { PK: _pk, SK: _sk, kind: _kind, ...subscription } = decode(subscriptionItem, item);
    return subscription;
  }
}

/** Member isolation lives here: a subscription receives only its own member's events of its types. */
export function receives(subscription: Subscription, event: OutboxEvent): boolean {
  return (
    subscription.enabled &&
    subscription.forbundId === event.forbundId &&
    subscription.memberId === event.memberId &&
    subscription.eventTypes.includes(event.type) &&
    Date.parse(event.occurredAt) >= Date.parse(subscription.createdAt)
  );
}
