import { describe, expect, it } from 'vitest';
import { invitationSchema, platformInvitationSchema } from './invitation.ts';

const issuesOf = (input: unknown) => {
  const result = invitationSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('an invitation into a förbund', () => {
  it('lower-cases the email, which becomes the login', () => {
    const invitation = invitationSchema.parse({ email: 'Anna.Ek@Exempel.se', name: 'Anna Ek', roles: ['ekonom'] });
    expect(invitation.email).toBe('anna.ek@exempel.se');
  });

  it('ties a member representative to exactly one member, and nobody else', () => {
    expect(issuesOf({ email: 'a@b.se', name: 'A', roles: ['member-rep'] })).toEqual(['memberId']);
    expect(issuesOf({ email: 'a@b.se', name: 'A', roles: ['member-rep'], memberId: 'fk' })).toEqual([]);
    expect(issuesOf({ email: 'a@b.se', name: 'A', roles: ['revisor'], memberId: 'fk' })).toEqual(['memberId']);
  });

  it('cannot hand out the platform-wide roles', () => {
    expect(issuesOf({ email: 'a@b.se', name: 'A', roles: ['platform-admin'] })).toEqual(['roles.0']);
    expect(issuesOf({ email: 'a@b.se', name: 'A', roles: ['national'] })).toEqual(['roles.0']);
  });

  it('names every field that is wrong', () => {
    expect(issuesOf({ email: 'inte-en-adress', name: ' ', roles: [] })).toEqual(['email', 'name', 'roles']);
    expect(issuesOf({ email: 'a@b.se', name: 'A', roles: ['ekonom', 'ekonom'] })).toEqual(['roles']);
  });
});

describe("an invitation into the platform's own staff", () => {
  it('hands out only the platform-wide roles, and to nobody as a member', () => {
    expect(platformInvitationSchema.safeParse({ email: 'a@b.se', name: 'A', roles: ['national'] }).success).toBe(true);
    const refused = platformInvitationSchema.safeParse({ email: 'a@b.se', name: 'A', roles: ['ekonom'] });
    expect(refused.error?.issues[0]?.path).toEqual(['roles', 0]);
  });
});
