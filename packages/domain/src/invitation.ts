import { z } from 'zod';
import { type Role, roles } from './roles.ts';

/**
 * The roles a förbund gives its own people. Platform administrators and Nationella rådet work
 * across all förbund, so no förbund can hand those out.
 */
export const forbundRoles = roles.filter(
  (role): role is Exclude<Role, 'platform-admin' | 'national'> => role !== 'platform-admin' && role !== 'national',
);

/** The fields of an invitation into one förbund: the email becomes the login, the roles its rights. */
export const invitationShape = {
  email: z
    .email('Ange en giltig e-postadress.')
    .max(254)
    .transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1, 'Ange namnet.').max(200),
  roles: z
    .array(z.enum(forbundRoles as [Role, ...Role[]]))
    .min(1, 'Välj minst en roll.')
    .max(forbundRoles.length, 'Välj varje roll en gång.')
    .refine((chosen) => new Set(chosen).size === chosen.length, 'Välj varje roll en gång.'),
  memberId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .optional(),
};

/** A representative acts for exactly one member; any other role acts for the förbund as a whole. */
export function checkRepresentation(
  invitation: { roles: Role[]; memberId?: string | undefined },
  context: z.RefinementCtx,
) {
  const representative = invitation.roles.includes('member-rep');
  if (representative && !invitation.memberId)
    context.addIssue({
      code: 'custom',
      path: ['memberId'],
      message: 'En medlemsrepresentant företräder en medlem: välj vilken.',
    });
  if (!representative && invitation.memberId)
    context.addIssue({
      code: 'custom',
      path: ['memberId'],
      message: 'Bara en medlemsrepresentant knyts till en medlem.',
    });
}

export const invitationSchema = z.object(invitationShape).superRefine(checkRepresentation);
export type Invitation = z.output<typeof invitationSchema>;

/** The platform's own people: its administrators and Nationella rådet, who belong to no förbund. */
export const platformRoles = ['platform-admin', 'national'] as const satisfies readonly Role[];

export const platformInvitationSchema = z.object({
  email: invitationShape.email,
  name: invitationShape.name,
  roles: z
    .array(z.enum(platformRoles))
    .min(1, 'Välj minst en roll.')
    .max(platformRoles.length, 'Välj varje roll en gång.')
    .refine((chosen) => new Set(chosen).size === chosen.length, 'Välj varje roll en gång.'),
});
export type PlatformInvitation = z.output<typeof platformInvitationSchema>;
