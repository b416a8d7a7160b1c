/** The webhook API's shapes (packages/api, OpenAPI: Webhookprenumeration, Leveransforsok, Leverans). */

export const webhookEventTypes = [
  'samrad.opened',
  'budget.adopted',
  'contribution.scheduled',
  'settlement.issued',
  'cost_invoice.requested',
  'interim_report.adopted',
  'annual_report.adopted',
  'audit_report.submitted',
  'discharge.requested',
  'discharge.decided',
  'cash_settlement.issued',
  'deadline.missed',
  'deadline.met',
] as const;

export type WebhookEventType = (typeof webhookEventTypes)[number];

export type DisabledReason = 'manual' | 'deleted' | 'retry-window-exhausted';

export interface WebhookSubscription {
  id: string;
  memberId: string;
  url: string;
  eventTypes: WebhookEventType[];
  description?: string;
  enabled: boolean;
  disabledAt?: string;
  disabledReason?: DisabledReason;
  /** The API's own sentence on why the subscription is off, e.g. after 72 hours of failures. */
  notice?: string;
  /** While set and in the future, the previous secret still signs alongside the new one. */
  previousSecretRetiresAt?: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** Only the answers to create and rotate carry the secret; it is never readable again. */
export interface WebhookSubscriptionWithSecret extends WebhookSubscription {
  secret: string;
}

export interface NewWebhookSubscription {
  url: string;
  eventTypes: WebhookEventType[];
  description?: string;
}

export interface WebhookChange {
  expectedVersion: number;
  enabled?: boolean;
  url?: string;
  eventTypes?: WebhookEventType[];
  description?: string;
}

/** One HTTP attempt to reach the receiver, a delivery's or a test ping's. */
export interface DeliveryAttempt {
  id: string;
  subscriptionId: string;
  eventId: string;
  /** An event type, or "webhook.test" for a ping. */
  eventType: string;
  trigger: 'delivery' | 'ping';
  attempt: number;
  at: string;
  outcome: 'delivered' | 'failed';
  statusCode?: number;
  latencyMs: number;
  responseSnippet?: string;
  error?: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

/** One event's delivery to one subscription, over all its attempts. */
export interface Delivery {
  subscriptionId: string;
  eventId: string;
  eventType: string;
  occurredAt: string;
  status: DeliveryStatus;
  attempts: number;
  deadAt?: string;
  deadReason?: string;
  replays: number;
}

/** Either one event, or every event of the subscription's types in [from, to). */
export type ReplayRequest = { eventId: string } | { from: string; to: string };

export interface ReplayResult {
  replayed: number;
  eventIds: string[];
  truncated: boolean;
}
