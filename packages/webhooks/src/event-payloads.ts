import { type EventType, eventTypes, payload_schema_version, payloadSchemas } from '@finsam/domain';
import { z } from 'zod';

export type { DocumentReference } from '@finsam/domain';
export { documentReferenceSchema, event_documents_max, payload_schema_version, payloadSchemas } from '@finsam/domain';

export const documentLinkSchema = z.object({
  kind: z.enum(['pdf', 'sie4']),
  fileName: z.string(),
  url: z.url(),
  expiresAt: z.iso.datetime(),
});

/** The payload as sent: document references replaced by links. */
export const sentPayloadSchemas = Object.fromEntries(
  eventTypes.map((type) => [type, payloadSchemas[type].extend({ documents: z.array(documentLinkSchema).optional() })]),
) as unknown as Record<EventType, z.ZodObject>;

/** The body of a webhook and of one item of the pull API, for one event type. */
export function envelopeSchema<T extends EventType>(type: T) {
  return z.object({
    id: z.string(),
    type: z.literal(type),
    version: z.literal(payload_schema_version),
    /** When the state change happened. */
    timestamp: z.iso.datetime({ offset: true }),
    /** Increases per member: order and detect gaps with it; delivery order is not promised. */
    sequence: z.number().int().positive(),
    forbundId: z.string(),
    memberId: z.string(),
    data: sentPayloadSchemas[type],
  });
}

/** The test ping's body: not an outbox event, and not counted in any member's sequence. */
export const pingEnvelopeSchema = z.object({
  id: z.string(),
  type: z.literal('webhook.test'),
  version: z.literal(payload_schema_version),
  timestamp: z.iso.datetime({ offset: true }),
  forbundId: z.string(),
  memberId: z.string(),
  data: z.object({ subscriptionId: z.string(), message: z.string() }),
});
