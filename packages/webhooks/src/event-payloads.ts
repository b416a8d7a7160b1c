import { isoDate, moneyString } from '@finsam/domain';
import { type EventType, eventTypes } from '@finsam/store';
import { z } from 'zod';

/**
 * What each event tells a member's finance system, version 1. The cycle writes these payloads
 * into the outbox (`payloadSchemas[type].parse(...)` before `outbox.emit`); delivery and the pull
 * API check them again on the way out. Amounts are decimal strings with two places, never JSON
 * numbers; `memberReference` is the member's own reference in its finance system (the charter's
 * `externalReference`); documents are referred to by id and become signed, expiring links when
 * the event is sent.
 */
export const payload_schema_version = 1;
/** Documents attached to one event (a statement PDF and its SIE 4 file, typically). */
export const event_documents_max = 10;

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Ange perioden som ÅÅÅÅ-MM.');
const reference = z.string().trim().min(1).max(100);

export const documentReferenceSchema = z.object({
  kind: z.enum(['pdf', 'sie4']),
  documentId: z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/),
  fileName: z.string().trim().min(1).max(200),
});
export type DocumentReference = z.infer<typeof documentReferenceSchema>;

const common = {
  /** The budget year the event belongs to. */
  year: z.number().int().min(2000).max(2199),
  memberReference: reference.optional(),
  /** The förbund's own reference: decision, statement or invoice number. */
  reference: reference.optional(),
  documents: z.array(documentReferenceSchema).max(event_documents_max).optional(),
};

export const payloadSchemas = {
  'samrad.opened': z.object({
    ...common,
    answerBy: isoDate,
    proposedFrame: moneyString,
    proposedContribution: moneyString,
  }),
  'budget.adopted': z.object({ ...common, adoptedOn: isoDate, frame: moneyString, contribution: moneyString }),
  'contribution.scheduled': z.object({
    ...common,
    total: moneyString,
    installments: z
      .array(z.object({ dueDate: isoDate, amount: moneyString }))
      .min(1)
      .max(12),
  }),
  'settlement.issued': z.object({
    ...common,
    period,
    amount: moneyString,
    dueDate: isoDate.optional(),
    settlement: z.enum(['cash', 'carried']),
  }),
  'cost_invoice.requested': z.object({ ...common, period, amount: moneyString, dueDate: isoDate }),
  'interim_report.adopted': z.object({ ...common, periodEnd: isoDate, adoptedOn: isoDate }),
  'annual_report.adopted': z.object({
    ...common,
    adoptedOn: isoDate,
    result: moneyString.optional(),
    equity: moneyString.optional(),
  }),
  'audit_report.submitted': z.object({ ...common, submittedOn: isoDate, recommendsDischarge: z.boolean() }),
  'discharge.requested': z.object({ ...common, answerBy: isoDate }),
  'discharge.decided': z.object({ ...common, decidedOn: isoDate, granted: z.boolean() }),
  'cash_settlement.issued': z.object({
    ...common,
    /** Positive: the member pays the förbund; negative: the förbund pays the member. */
    amount: moneyString,
    interest: moneyString,
    dueDate: isoDate,
  }),
  'deadline.missed': z.object({ ...common, deadline: z.string().min(1).max(40), dueDate: isoDate }),
} satisfies Record<EventType, z.ZodObject>;

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
