import { conflict, type Invitation, invalid, notFound, type PlatformInvitation, type Principal } from '@finsam/domain';
import type { InvitedUser, Stores, UserScope } from '@finsam/store';
import type { IdentityProvider, InvitationDelivery } from '../identity/identity-provider.ts';

export type InvitationResult = { user: InvitedUser } & InvitationDelivery;

/**
 * Invites a person into a förbund (or, with scope null, into the platform's own staff): first
 * the login, which refuses an address taken anywhere on the platform, then the record. If the
 * record cannot be written, the login is removed again, so an invitation happens whole or not at all.
 */
export async function inviteUser(
  stores: Stores,
  identity: IdentityProvider,
  principal: Principal,
  scope: UserScope,
  invitation: Invitation | PlatformInvitation,
  at: Date,
): Promise<InvitationResult> {
  if (scope !== null && 'memberId' in invitation && invitation.memberId) {
    const charter = await stores.charters.current(principal, scope);
    if (!charter.members.some((member) => member.id === invitation.memberId))
      throw invalid('Medlemmen finns inte i förbundsordningen.', [
        { field: 'memberId', message: 'Välj en medlem i förbundet.' },
      ]);
  }
  if (await stores.invitedUsers.find(principal, scope, invitation.email))
    throw conflict(`Det finns redan en användare med e-postadressen ${invitation.email}.`);

  // A place among the scope's people first, so the limit holds with any number of inviters.
  const place = await stores.invitedUsers.reserve(principal, scope, invitation.email, at);
  let delivery: Awaited<ReturnType<IdentityProvider['invite']>>;
  try {
    delivery = await identity.invite({ ...invitation, ...(scope === null ? {} : { forbundId: scope }) });
  } catch (error) {
    await stores.invitedUsers.giveBack(principal, scope, invitation.email, place);
    throw error;
  }
  try {
    const user = await stores.invitedUsers.add(principal, scope, invitation, at);
    return { user, ...delivery };
  } catch (error) {
    await identity.remove(invitation.email);
    await stores.invitedUsers.giveBack(principal, scope, invitation.email, place);
    throw error;
  }
}

/** Removes a person's access: the login goes first, so a half-done removal errs toward no access. */
export async function removeUser(
  stores: Stores,
  identity: IdentityProvider,
  principal: Principal,
  scope: UserScope,
  email: string,
  at: Date,
): Promise<void> {
  const address = email.toLowerCase();
  // Nobody locks themself out by mistake, least of all the last administrator.
  const own = [principal.subject, principal.email].some((login) => login?.toLowerCase() === address);
  if (own) throw conflict('Du kan inte ta bort din egen inloggning.');
  if (!(await stores.invitedUsers.find(principal, scope, address))) throw notFound('Användaren finns inte.');
  await identity.remove(address);
  await stores.invitedUsers.remove(principal, scope, address, at);
}
