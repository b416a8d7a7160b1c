import { adoptionSchema, budgetDraftSchema, samradAnswerSchema } from '@finsam/domain';
import { z } from 'zod';

const keyed = { PK: z.string(), SK: z.string() };
const timestamp = z.iso.datetime({ offset: true });

export const budgetItem = z.object({
  ...keyed,
  kind: z.literal('budget'),
  year: z.number().int(),
  version: z.number().int().positive(),
  ...budgetDraftSchema.shape,
  createdAt: timestamp,
  createdBy: z.string(),
});

export const samradItem = z.object({
  ...keyed,
  kind: z.literal('samrad'),
  year: z.number().int(),
  budgetVersion: z.number().int().positive(),
  deadline: z.iso.date(),
  openedAt: timestamp,
  openedBy: z.string(),
});

export const samradAnswerItem = z.object({
  ...keyed,
  kind: z.literal('samrad-answer'),
  year: z.number().int(),
  memberId: z.string(),
  ...samradAnswerSchema.shape,
  budgetVersion: z.number().int().positive(),
  answeredAt: timestamp,
  answeredBy: z.string(),
  /** Answered after the samråd deadline (Europe/Stockholm); recorded, never refused. */
  late: z.boolean(),
});

export const adoptionItem = z.object({
  ...keyed,
  kind: z.literal('adoption'),
  year: z.number().int(),
  adoptionKind: adoptionSchema.shape.kind,
  budgetVersion: z.number().int().positive(),
  decisionReference: z.string(),
  decidedAt: timestamp,
  recordedAt: timestamp,
  recordedBy: z.string(),
  deadline: z.iso.date(),
  /** Decided by the end of the deadline day in Stockholm (the law: before 30 November). */
  onTime: z.boolean(),
});
