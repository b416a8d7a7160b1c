import { eventTypes } from '@finsam/store';
import { z } from 'zod';
import { endpoint_url_length_max } from './endpoint-guard.ts';
import { type SecretSealer, sealedSecretSchema } from './secret-sealer.ts';
import { isSecret } from './signing.ts';

const timestamp = z.iso.datetime({ offset: true });

/** Subscriptions one member may have; each one is fanned out to and polled for every event. */
export const subscriptions_per_member_max = 10;
/** How long a rotated-out secret keeps signing, so receivers can switch without losing events. */
export const secret_overlap_hours_default = 24;
export const secret_overlap_hours_max = 7 * 24;
export const subscription_description_length_max = 200;

export const disabledReasons = ['manual', 'deleted', 'retry-window-exhausted'] as const;
export type DisabledReason = (typeof disabledReasons)[number];

/**
 * One signing secret as stored: sealed (envelope-encrypted, secret-sealer.ts). `value`, the
 * plaintext, is what items written before issue 11 hold; it is still read, never written again:
 * every write of the subscription seals it, and so does the delivery worker when it signs with it.
 */
export const storedSecretSchema = z
  .object({
    sealed: sealedSecretSchema.optional(),
    value: z.string().refine(isSecret).optional(),
    createdAt: timestamp,
    retiresAt: timestamp.optional(),
  })
  .refine((secret) => (secret.sealed === undefined) !== (secret.value === undefined), {
    message: 'a stored secret is either sealed or, from before sealing, plaintext',
  });
export type StoredSecret = z.infer<typeof storedSecretSchema>;

/**
 * A member's webhook endpoint. The secrets must sign, so they are kept, but sealed, and never
 * leave the store after the response that created them. The first secret is the current one; a
 * second is the previous one, signing until `retiresAt` (rotation's overlap window).
 */
export const subscriptionItem = z.object({
  PK: z.string(),
  SK: z.string(),
  kind: z.literal('webhook-subscription'),
  id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/),
  forbundId: z.string(),
  memberId: z.string(),
  url: z.string().max(endpoint_url_length_max),
  eventTypes: z.array(z.enum(eventTypes)).min(1).max(eventTypes.length),
  description: z.string().max(subscription_description_length_max).optional(),
  enabled: z.boolean(),
  secrets: z.array(storedSecretSchema).min(1).max(2),
  version: z.number().int().positive(),
  createdAt: timestamp,
  createdBy: z.string(),
  updatedAt: timestamp,
  disabledAt: timestamp.optional(),
  disabledReason: z.enum(disabledReasons).optional(),
});
export type Subscription = Omit<z.infer<typeof subscriptionItem>, 'PK' | 'SK' | 'kind'>;

const notices: Record<DisabledReason, string> = {
  manual: 'Avstängd av en användare.',
  deleted: 'Borttagen; leveransloggen finns kvar.',
  'retry-window-exhausted':
    'Avstängd automatiskt: mottagaren svarade inte med 2xx under hela omförsöksfönstret (72 timmar). Rätta mottagaren, slå på prenumerationen och spela upp de olevererade händelserna igen.',
};

/** The secrets that sign at `now`, current first, opened. */
export async function signingSecrets(sealer: SecretSealer, subscription: Subscription, now: Date): Promise<string[]> {
  const owner = { forbundId: subscription.forbundId, memberId: subscription.memberId, subscriptionId: subscription.id };
  return Promise.all(
    subscription.secrets
      .filter((secret) => !secret.retiresAt || Date.parse(secret.retiresAt) > now.getTime())
      .map((secret) => (secret.sealed ? sealer.open(secret.sealed, owner) : (secret.value as string))),
  );
}

/** True while a subscription still holds a plaintext secret from before sealing. */
export const hasPlaintextSecret = (subscription: Subscription) =>
  subscription.secrets.some((secret) => secret.value !== undefined);

/** What the API shows: everything but the secrets. */
export function subscriptionView(subscription: Subscription) {
  const previous = subscription.secrets[1];
  return {
    id: subscription.id,
    memberId: subscription.memberId,
    url: subscription.url,
    eventTypes: subscription.eventTypes,
    ...(subscription.description ? { description: subscription.description } : {}),
    enabled: subscription.enabled,
    ...(subscription.disabledAt ? { disabledAt: subscription.disabledAt } : {}),
    ...(subscription.disabledReason
      ? { disabledReason: subscription.disabledReason, notice: notices[subscription.disabledReason] }
      : {}),
    ...(previous?.retiresAt ? { previousSecretRetiresAt: previous.retiresAt } : {}),
    version: subscription.version,
    createdAt: subscription.createdAt,
    createdBy: subscription.createdBy,
    updatedAt: subscription.updatedAt,
  };
}
export type SubscriptionView = ReturnType<typeof subscriptionView>;
