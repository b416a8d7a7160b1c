import { z } from 'zod';
import { identifier, isoDate } from '../charter/schema.ts';

/** An uploaded revisionsberättelse travels inside one item; a signed PDF of a few pages fits. */
export const audit_report_file_bytes_max = 150_000;

/** The board adopts and signs the årsredovisning (within three months of year end). */
export const annualReportAdoptionSchema = z.object({
  decisionReference: z.string().trim().min(1).max(200),
  decidedAt: z.iso.datetime({ offset: true }).optional(),
  /** The board members who signed, as their names are printed. */
  signedBy: z.array(z.string().trim().min(1).max(200)).min(1).max(40),
  /** Förvaltningsberättelse: the board's account of the year, printed first in the report. */
  forvaltningsberattelse: z.string().trim().max(20_000).default(''),
});
export type AnnualReportAdoption = z.infer<typeof annualReportAdoptionSchema>;

/**
 * One auditor per member; Försäkringskassan and Arbetsförmedlingen appoint one jointly by
 * default (001 L1409). Each has a personal substitute. The id is the auditor's user name, so a
 * signed-in revisor submits as exactly one auditor.
 */
export const auditorSchema = z.object({
  id: identifier,
  name: z.string().trim().min(1).max(200),
  appointedBy: z.array(identifier).min(1).max(10),
  substitute: z.object({ name: z.string().trim().min(1).max(200) }),
});
export type Auditor = z.infer<typeof auditorSchema>;

export const auditReportSchema = z.object({
  /** The auditor's recommendation on ansvarsfrihet. */
  recommendation: z.enum(['grant', 'refuse'], { error: 'Välj tillstyrker eller avstyrker ansvarsfrihet.' }),
  statement: z.string().trim().min(1).max(20_000),
  /** The signed revisionsberättelse, optional, as base64. */
  file: z
    .object({
      fileName: z.string().trim().min(1).max(100),
      contentBase64: z
        .string()
        .max(Math.ceil(audit_report_file_bytes_max / 3) * 4)
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Ange filen som base64.'),
    })
    .optional(),
});
export type AuditReport = z.infer<typeof auditReportSchema>;
/** The recommendations in Swedish, as a person reads them in the audit trail (the portal has the same). */
export const recommendationNames: Record<AuditReport['recommendation'], string> = {
  grant: 'tillstyrker ansvarsfrihet',
  refuse: 'avstyrker ansvarsfrihet',
};

/** Each member decides on ansvarsfrihet for itself, with date and its own decision reference. */
export const dischargeDecisionSchema = z.object({
  decision: z.enum(['granted', 'refused'], { error: 'Välj beviljar eller vägrar ansvarsfrihet.' }),
  decidedOn: isoDate,
  decisionReference: z.string().trim().min(1).max(200),
  comment: z.string().trim().max(5_000).default(''),
});
export type DischargeDecision = z.infer<typeof dischargeDecisionSchema>;
/** The members' decisions in Swedish, for the audit trail. */
export const dischargeDecisionNames: Record<DischargeDecision['decision'], string> = {
  granted: 'beviljar ansvarsfrihet',
  refused: 'vägrar ansvarsfrihet',
};

/** Default auditors for a member list: one per member, FK and AF together. */
export function defaultAuditorAppointments(members: readonly { id: string; type: string }[]): string[][] {
  const state = members.filter((m) => m.type === 'fk' || m.type === 'af').map((m) => m.id);
  const others = members.filter((m) => m.type !== 'fk' && m.type !== 'af').map((m) => [m.id]);
  return state.length > 0 ? [state, ...others] : others;
}

/**
 * How a member's refusal of ansvarsfrihet was resolved, as the board records it: the board's (or
 * the member's renewed) decision, with its reference, date and what was done. A refused member's
 * likvidavräkning waits until this is recorded (likvid-waits rule, packages/cycle human-steps.ts).
 */
export const dischargeResolutionSchema = z.object({
  memberId: identifier,
  decisionReference: z.string().trim().min(1).max(200),
  decidedOn: isoDate,
  text: z.string().trim().min(1).max(5_000),
});
export type DischargeResolution = z.infer<typeof dischargeResolutionSchema>;
