import type { FieldIssue } from '../api/types.ts';
import type { InvitableRole, NewUser } from '../api/user-types.ts';

/** What the invitation form holds while the user types; `memberId` is '' until a member is chosen. */
export interface InviteState {
  email: string;
  name: string;
  roles: InvitableRole[];
  memberId: string;
}

export const initialInviteState: InviteState = { email: '', name: '', roles: [], memberId: '' };

/** The API's bounds (packages/domain invitation.ts): RFC 5321's address length and a name's. */
export const email_length_max = 254;
export const name_length_max = 200;

/** Ticks or unticks a role, keeping the roles in the order the form lists them (`offered`). */
export function toggleRole(
  offered: readonly InvitableRole[],
  chosen: readonly InvitableRole[],
  role: InvitableRole,
  checked: boolean,
): InvitableRole[] {
  return offered.filter((each) => (each === role ? checked : chosen.includes(each)));
}

export const representsMember = (state: Pick<InviteState, 'roles'>) => state.roles.includes('member-rep');

/**
 * The request, or what is missing. Only what the browser can know is checked here: whether the
 * address is valid, taken, or the member is in the förbundsordning is the API's call. A member
 * chosen and then left by unticking "Medlemsrepresentant" is not sent: only a representative
 * acts for a member.
 */
export function toInviteRequest(state: InviteState): { body: NewUser } | { issues: FieldIssue[] } {
  const email = state.email.trim().toLowerCase();
  const name = state.name.trim();
  const representative = representsMember(state);
  const issues: FieldIssue[] = [
    ...(email ? [] : [{ field: 'email', message: 'E-postadress: skriv användarens e-postadress.' }]),
    ...(name ? [] : [{ field: 'name', message: 'Namn: skriv användarens namn.' }]),
    ...(state.roles.length > 0 ? [] : [{ field: 'roles', message: 'Roller: välj minst en roll.' }]),
    ...(representative && !state.memberId
      ? [{ field: 'memberId', message: 'Medlem: välj vilken medlem representanten företräder.' }]
      : []),
  ];
  if (issues.length > 0) return { issues };
  return {
    body: { email, name, roles: [...state.roles], ...(representative ? { memberId: state.memberId } : {}) },
  };
}
