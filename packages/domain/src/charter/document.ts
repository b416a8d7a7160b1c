import { z } from 'zod';
import { charterIssues } from './composition.ts';
import { charterSettingsSchema, isoDate, memberSchema, members_max } from './schema.ts';

export { members_max };

/**
 * A version of the förbundsordning: the members it names and every setting, effective from a
 * date. Members live in the charter because the förbundsordning is what names them: a kommun
 * joining is a new version with an effective date.
 */
export const charterDocumentFields = z.object({
  effectiveFrom: isoDate,
  decisionReference: z.string().trim().max(200).optional(),
  members: z.array(memberSchema).min(1).max(members_max),
  settings: charterSettingsSchema.default(() => charterSettingsSchema.parse({})),
});

/** Adds the rules across fields (composition, key sums) to a schema holding the charter fields. */
export function withCharterRules<T extends z.ZodType<z.output<typeof charterDocumentFields>>>(schema: T) {
  return schema.superRefine((charter, context) => {
    for (const issue of charterIssues(charter.members, charter.settings))
      context.addIssue({ code: 'custom', path: issue.field.split('.'), message: issue.message });
  });
}

export const charterDocumentSchema = withCharterRules(charterDocumentFields);
export type CharterDocument = z.infer<typeof charterDocumentSchema>;
export type CharterDocumentInput = z.input<typeof charterDocumentSchema>;
