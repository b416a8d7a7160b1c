import type { DeliveryEngine } from './delivery-engine.ts';
import type { OutboxRelay } from './outbox-relay.ts';

/**
 * How old an outbox event must be before the reconciliation looks at it: the stream path
 * delivers within seconds, so an event not fanned out after five minutes was lost on the way.
 * Looking only at settled events also keeps the reconciliation from racing the stream.
 */
export const outbox_settle_ms = 5 * 60_000;
/** What the reconciliation schedule sends the delivery Lambda (infra/constructs/webhooks.ts repeats it). */
export const reconcile_outbox_task = 'reconcile-outbox';

/**
 * Finds outbox events that were never fanned out and sends them (issue 11): the relay reads every
 * subscribed member's events older than `outbox_settle_ms` after its cursor, fan-out schedules
 * those no delivery exists for yet, and they are attempted now. Run again, it finds nothing new;
 * an event the stream already fanned out has its delivery item and is not sent again.
 */
export async function reconcileOutbox(
  relay: OutboxRelay,
  engine: DeliveryEngine,
  now: Date,
  options: { startBefore?: () => boolean } = {},
) {
  const created = await relay.poll(now, new Date(now.getTime() - outbox_settle_ms));
  return { fannedOut: created.length, ...(await engine.deliverAll(created, now, options)) };
}
