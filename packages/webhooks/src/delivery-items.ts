import { event_id_pattern } from '@finsam/store';
import { z } from 'zod';

const timestamp = z.iso.datetime({ offset: true });

export const deliveryStatuses = ['pending', 'delivered', 'dead'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
export const deadReasons = [
  'retry-window-exhausted',
  'subscription-disabled',
  'invalid-payload',
  'event-missing',
] as const;
export type DeadReason = (typeof deadReasons)[number];

/** Delivery-log items are kept this long, then DynamoDB's TTL removes them (attribute `ttl`). */
export const attempt_log_retention_days = 400;

/**
 * One event for one subscription. Pending deliveries carry GSI1 keys (the due index, sorted by
 * the next attempt time); delivered and dead ones drop them, so the index holds only work.
 * `version` guards every change: a worker claims a delivery by bumping it, so two workers never
 * send the same attempt.
 */
export const deliveryItem = z
  .object({
    PK: z.string(),
    SK: z.string(),
    GSI1PK: z.string().optional(),
    GSI1SK: z.string().optional(),
    kind: z.literal('webhook-delivery'),
    subscriptionId: z.string(),
    memberId: z.string(),
    eventId: z.string().regex(event_id_pattern),
    eventType: z.string(),
    occurredAt: timestamp,
    sequence: z.number().int().positive(),
    status: z.enum(deliveryStatuses),
    /** Attempts in the current retry window (a replay starts a new window). */
    attempts: z.number().int().nonnegative(),
    attemptsTotal: z.number().int().nonnegative(),
    windowStartedAt: timestamp,
    nextAttemptAt: timestamp.optional(),
    lastAttemptAt: timestamp.optional(),
    lastStatusCode: z.number().int().optional(),
    lastError: z.string().max(500).optional(),
    deliveredAt: timestamp.optional(),
    deadAt: timestamp.optional(),
    deadReason: z.enum(deadReasons).optional(),
    replays: z.number().int().nonnegative(),
    version: z.number().int().positive(),
    createdAt: timestamp,
  })
  .superRefine((item, context) => {
    const scheduled = item.GSI1PK !== undefined && item.GSI1SK !== undefined && item.nextAttemptAt !== undefined;
    if ((item.status === 'pending') !== scheduled)
      context.addIssue({ code: 'custom', message: 'a delivery is in the due index exactly when it is pending' });
    if ((item.status === 'dead') !== (item.deadReason !== undefined))
      context.addIssue({ code: 'custom', message: 'a dead delivery, and only a dead one, has a reason' });
  });
export type DeliveryItem = z.infer<typeof deliveryItem>;

export const attemptItem = z.object({
  PK: z.string(),
  SK: z.string(),
  kind: z.literal('webhook-attempt'),
  id: z.string(),
  subscriptionId: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  trigger: z.enum(['delivery', 'ping']),
  /** The attempt's number in its retry window; a ping is always 1. */
  attempt: z.number().int().positive(),
  at: timestamp,
  outcome: z.enum(['delivered', 'failed']),
  statusCode: z.number().int().optional(),
  latencyMs: z.number().int().nonnegative(),
  responseSnippet: z.string().max(500).optional(),
  error: z.string().max(500).optional(),
  ttl: z.number().int().positive(),
});
export type AttemptItem = z.infer<typeof attemptItem>;

/** What the API shows of a delivery. */
export function deliveryView(item: DeliveryItem) {
  const { PK: _pk, SK: _sk, GSI1PK: _gpk, GSI1SK: _gsk, kind: _kind, version: _version, ...view } = item;
  return view;
}
export type DeliveryView = ReturnType<typeof deliveryView>;

export function attemptView(item: AttemptItem) {
  const { PK: _pk, SK: _sk, kind: _kind, ttl: _ttl, ...view } = item;
  return view;
}
export type AttemptView = ReturnType<typeof attemptView>;
