import { request } from './client.ts';
import type { ItemList } from './types.ts';
import type {
  Delivery,
  DeliveryAttempt,
  NewWebhookSubscription,
  ReplayRequest,
  ReplayResult,
  WebhookChange,
  WebhookSubscription,
  WebhookSubscriptionWithSecret,
} from './webhook-types.ts';

/** One function per webhook operation, so pages never build URLs by hand. */

const webhooksPath = (forbundId: string, memberId: string) =>
  `/forbund/${encodeURIComponent(forbundId)}/members/${encodeURIComponent(memberId)}/webhooks`;
const subscriptionPath = (forbundId: string, memberId: string, subscriptionId: string) =>
  `${webhooksPath(forbundId, memberId)}/${encodeURIComponent(subscriptionId)}`;

/** The API's page size limit for the delivery log; one page is the latest attempts. */
export const attempts_page_items_max = 100;

export const listWebhooks = (forbundId: string, memberId: string, signal?: AbortSignal) =>
  request<ItemList<WebhookSubscription>>('GET', webhooksPath(forbundId, memberId), undefined, { signal });

export const createWebhook = (forbundId: string, memberId: string, body: NewWebhookSubscription) =>
  request<WebhookSubscriptionWithSecret>('POST', webhooksPath(forbundId, memberId), body);

export const changeWebhook = (forbundId: string, memberId: string, subscriptionId: string, body: WebhookChange) =>
  request<WebhookSubscription>('PATCH', subscriptionPath(forbundId, memberId, subscriptionId), body);

/** The old secret keeps signing for the API's default overlap (24 hours), so the receiver has time to switch. */
export const rotateWebhookSecret = (forbundId: string, memberId: string, subscriptionId: string, version: number) =>
  request<WebhookSubscriptionWithSecret>('POST', `${subscriptionPath(forbundId, memberId, subscriptionId)}/secret`, {
    expectedVersion: version,
  });

export const pingWebhook = (forbundId: string, memberId: string, subscriptionId: string) =>
  request<DeliveryAttempt>('POST', `${subscriptionPath(forbundId, memberId, subscriptionId)}/ping`);

export const replayWebhook = (forbundId: string, memberId: string, subscriptionId: string, body: ReplayRequest) =>
  request<ReplayResult>('POST', `${subscriptionPath(forbundId, memberId, subscriptionId)}/replay`, body);

export const listAttempts = (forbundId: string, memberId: string, subscriptionId: string, signal?: AbortSignal) =>
  request<ItemList<DeliveryAttempt>>(
    'GET',
    `${subscriptionPath(forbundId, memberId, subscriptionId)}/attempts?limit=${attempts_page_items_max}`,
    undefined,
    { signal },
  );

export const listDeadDeliveries = (forbundId: string, memberId: string, subscriptionId: string, signal?: AbortSignal) =>
  request<ItemList<Delivery>>(
    'GET',
    `${subscriptionPath(forbundId, memberId, subscriptionId)}/deliveries?status=dead&limit=${attempts_page_items_max}`,
    undefined,
    { signal },
  );
