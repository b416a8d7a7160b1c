import { z } from 'zod';
import { isoDate, moneyString } from './charter/schema.ts';

/** Event types members' finance systems receive (issue 5). */
export const eventTypes = [
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
export type EventType = (typeof eventTypes)[number];

/**
 * What each event tells a member's finance system, version 1. Every payload is parsed with its
 * schema when the event is built (`memberEvent`), so an event that would not reach a member is
 * never written; delivery and the pull API check again on the way out. Amounts are decimal
 * strings with two places, never JSON numbers; `memberReference` is the member's own reference in
 * its finance system (the charter's `externalReference`); documents are referred to by id and
 * become signed, expiring links when the event is sent.
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
  /**
   * A correction: the deadline a `deadline.missed` event said was missed was met after all (the
   * decision, dated no later than the due date, was recorded after the miss was told). Sent only
   * to a member that got that event, and only once; `corrects` is its event id.
   */
  'deadline.met': z.object({
    ...common,
    deadline: z.string().min(1).max(40),
    dueDate: isoDate,
    decidedOn: isoDate,
    corrects: z.string().regex(/^[A-Za-z0-9:._-]{1,200}$/),
  }),
} satisfies Record<EventType, z.ZodObject>;

export type EventPayload<T extends EventType> = z.input<(typeof payloadSchemas)[T]>;

export interface MemberEvent {
  eventId: string;
  type: EventType;
  memberId: string;
  payload: Record<string, unknown>;
}

/** Builds one member's event, its payload checked against the v1 schema of its type. */
export function memberEvent<T extends EventType>(
  type: T,
  eventId: string,
  memberId: string,
  payload: EventPayload<T>,
): MemberEvent {
  return { eventId, type, memberId, payload: payloadSchemas[type].parse(payload) as Record<string, unknown> };
}

/**
 * Ids of the documents an event can refer to; the API renders them behind signed links
 * (`statement.<YYYY-MM>.<memberId>.pdf`, `annual-report.<year>.pdf`, `sie.<year>.se`,
 * `interim.<YYYY-MM-DD>.pdf`, `cash-settlement.<year>.<memberId>.pdf`).
 */
export const documentIds = {
  statement: (period: string, memberId: string) => `statement.${period}.${memberId}.pdf`,
  annualReport: (year: number) => `annual-report.${year}.pdf`,
  sie: (year: number) => `sie.${year}.se`,
  interim: (periodEnd: string) => `interim.${periodEnd}.pdf`,
  /** The member's likvidavräkning of the year (its settlement document). */
  cashSettlement: (year: number, memberId: string) => `cash-settlement.${year}.${memberId}.pdf`,
};
export const document_id_pattern =
  /^(statement\.\d{4}-\d{2}\.[A-Za-z0-9_-]{1,40}\.pdf|annual-report\.\d{4}\.pdf|sie\.\d{4}\.se|interim\.\d{4}-\d{2}-\d{2}\.pdf|cash-settlement\.\d{4}\.[A-Za-z0-9_-]{1,40}\.pdf)$/;
