import { randomBytes } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Table } from '@finsam/store';
import {
  DeliveryEngine,
  type DocumentLinkSource,
  documentLinkSource,
  due_index_shards,
  OutboxRelay,
  type SecretSealer,
} from '@finsam/webhooks';

/** Real time between two polls of the outbox and the due index: the local delivery latency. */
export const webhook_worker_interval_ms = 200;

export interface WebhookWorkerOptions {
  table: Table;
  /** The runtime's virtual clock: retry schedules, leases and the delivery log follow it. */
  now: () => Date;
  documentLinks: DocumentLinkSource;
  /** The same sealer as the API's: the key file under `.data/`. */
  secretSealer: SecretSealer;
  /** The runtime's URL, which document links in webhooks point at; known once the server listens. */
  publicBaseUrl: () => string;
  logger: Logger;
}

export interface WebhookWorker {
  engine: DeliveryEngine;
  /** Stops polling and waits for the attempts in flight (each bounded by the delivery timeout). */
  stop(): Promise<void>;
}

/**
 * Document links for the local runtime, shared by the API (pull) and the worker: a key made at
 * start, so links die with the process, which at worst means a fresh link on the next delivery.
 * `now` signs and checks them: the runtime's session clock, because a link is a credential that
 * expires in the member's real time like a sign-in, not in the simulated business year.
 */
export function createLocalDocumentLinks(now: () => Date): DocumentLinkSource {
  const key = randomBytes(32);
  return documentLinkSource({ loadKey: async () => key, now });
}

/**
 * Webhook delivery in the local runtime: the same engine as the AWS delivery Lambda, driven by a
 * timer on real time instead of SQS and EventBridge Scheduler. Each tick relays new outbox events
 * (dynalite has no streams) and starts due attempts without waiting for them, so a hanging
 * receiver holds one of `delivery_concurrency_max` places and never the loop.
 */
export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const engine = new DeliveryEngine({
    table: options.table,
    mode: 'local',
    documentLinks: options.documentLinks,
    secretSealer: options.secretSealer,
    publicBaseUrl: options.publicBaseUrl,
    // Receivers check webhook-timestamp against their real clock, whatever the virtual one says.
    signingClock: () => new Date(),
    random: Math.random,
    onError: (error) => options.logger.error('webhook delivery failed', error as Error),
  });
  const relay = new OutboxRelay(options.table, engine);

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  /** One round; true when more work is waiting than there was room for. */
  const tick = async (): Promise<boolean> => {
    const now = options.now();
    const created = await relay.poll(now);
    const started = engine.dispatch(created, now);
    if (engine.capacity === 0) return true;
    const wanted = Math.ceil(engine.capacity / due_index_shards);
    const due = await engine.deliveries.due(now, wanted);
    engine.dispatch(due, now);
    return started < created.length || due.length >= wanted * due_index_shards;
  };
  const schedule = (backlog: boolean) => {
    if (stopped) return;
    const next = () => {
      if (stopped) return;
      running = tick()
        .catch((error) => {
          options.logger.error('webhook worker tick failed', error as Error);
          return false;
        })
        .then(schedule);
    };
    // With a backlog the next round starts as soon as an attempt frees a place, not a tick later.
    if (backlog && engine.capacity < engine.concurrency) void engine.slotFreed().then(next);
    else timer = setTimeout(next, webhook_worker_interval_ms);
  };
  schedule(false);

  return {
    engine,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
      await engine.idle();
    },
  };
}
