import { z } from 'zod';
import { identifier, moneyString } from '../charter/schema.ts';

/** A budget names at most this many insatser; the largest förbund fund a few dozen. */
export const budget_insatser_max = 200;

const nonNegativeMoney = moneyString.refine((value) => !value.startsWith('-'), 'Beloppet får inte vara negativt.');

/**
 * Verksamhetsplan med budget for one year (DOMAIN.md §2): the resources (the members' frame plus
 * any planned use of eget kapital) and their use by area and per insats. It balances when the
 * use equals the resources, to the öre.
 */
export const budgetDraftSchema = z.object({
  /** The finansiell ram: what the members together contribute; split by the charter's key. */
  frame: nonNegativeMoney,
  plannedEquityUse: nonNegativeMoney.default('0.00'),
  areas: z.object({
    styrelse: nonNegativeMoney,
    administration: nonNegativeMoney,
    revision: nonNegativeMoney,
  }),
  insatser: z
    .array(
      z.object({
        id: identifier,
        name: z.string().trim().min(1).max(200),
        amount: nonNegativeMoney,
        /** The member organisation that runs the insats (the förbund funds, never runs). */
        ownerMemberId: identifier.optional(),
      }),
    )
    .max(budget_insatser_max)
    .default([]),
  /** Verksamhetsplan text: goals and direction, decided by the board, never delegated. */
  plan: z.string().trim().max(20_000).default(''),
});
export type BudgetDraft = z.infer<typeof budgetDraftSchema>;
export type BudgetDraftInput = z.input<typeof budgetDraftSchema>;

export const samradAnswerSchema = z.object({
  answer: z.enum(['agree', 'comments'], { error: 'Välj "tillstyrker" eller "har synpunkter".' }),
  comments: z.string().trim().max(5_000).default(''),
});
export type SamradAnswer = z.infer<typeof samradAnswerSchema>;
/** The answers in Swedish, as a person reads them in the audit trail (the portal has the same). */
export const samradAnswerNames: Record<SamradAnswer['answer'], string> = {
  agree: 'tillstyrker förslaget',
  comments: 'har synpunkter',
};

export const adoptionSchema = z.object({
  /** A preliminary budget does not meet the law's deadline; auditors call it unlawful (000 L227). */
  kind: z.enum(['final', 'preliminary']).default('final'),
  /** Protokoll § of the board meeting. */
  decisionReference: z.string().trim().min(1).max(200),
  /** When the board decided; defaults to now. Deadlines are judged on this, in Stockholm time. */
  decidedAt: z.iso.datetime({ offset: true }).optional(),
});
export type Adoption = z.infer<typeof adoptionSchema>;
