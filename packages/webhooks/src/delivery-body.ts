import type { OutboxEvent } from '@finsam/store';
import type { DocumentLinks } from './document-links.ts';
import { documentReferenceSchema, payload_schema_version, payloadSchemas } from './event-payloads.ts';

/** A payload in the outbox that fails its schema: a bug in the producer, never retried into success. */
export class PayloadError extends Error {
  override name = 'PayloadError';
}

/**
 * The JSON a member's system receives for one outbox event, by webhook or by pull: the envelope
 * (id, type, version, time, the member's sequence) around the v1 payload, with each document
 * reference replaced by a signed link for the event's member that expires
 * `document_link_ttl_ms` after it is made. A document that member may not open
 * (`memberMayOpen`) is left out: the event still tells what happened, without the link.
 */
export function buildEventEnvelope(event: OutboxEvent, links: DocumentLinks) {
  const parsed = payloadSchemas[event.type].safeParse(event.payload);
  if (!parsed.success)
    throw new PayloadError(`event ${event.eventId} (${event.type}) has an invalid payload: ${parsed.error.message}`);
  const { documents, ...data } = parsed.data as Record<string, unknown> & { documents?: unknown[] };
  return {
    id: event.eventId,
    type: event.type,
    version: payload_schema_version,
    timestamp: event.occurredAt,
    sequence: event.sequence,
    forbundId: event.forbundId,
    memberId: event.memberId,
    data: {
      ...data,
      ...(documents
        ? {
            documents: documents.flatMap(
              (document) => links.link(event.forbundId, event.memberId, documentReferenceSchema.parse(document)) ?? [],
            ),
          }
        : {}),
    },
  };
}
export type EventEnvelope = ReturnType<typeof buildEventEnvelope>;

/** The body bytes that are signed and sent; one serialization, so signature and body agree. */
export function buildDeliveryBody(event: OutboxEvent, links: DocumentLinks): string {
  return JSON.stringify(buildEventEnvelope(event, links));
}
