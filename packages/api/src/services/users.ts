import { conflict, type Invitation, invalid, notFound, type Principal } from '@finsam/domain';
import type { ForbundUser, Stores } from '@finsam/store';
import type { IdentityProvider, InvitationDelivery } from '../identity/identity-provider.ts';

export type InvitationResult = { user: ForbundUser } & InvitationDelivery;

/**
 * Invites a person into a förbund: first the login (which refuses an address taken anywhere on
 * the platform), then the förbund's record. If the record cannot be written, the login is
 * removed again, so an invitation either happens whole or not at all.
 */
export async function inviteUser(
  stores: Stores,
  identity: IdentityProvider,
  principal: Principal,
  forbundId: string,
  invitation: Invitation,
  at: Date,
): Promise<InvitationResult> {
  const charter = await stores.charters.current(principal, forbundId);
  if (invitation.memberId && !charter.members.some((member) => member.id === invitation.memberId))
    throw invalid('Medlemmen finns inte i förbundsordningen.', [
      { field: 'memberId', message: 'Välj en medlem i förbundet.' },
    ]);
  if (await stores.forbundUsers.find(principal, forbundId, invitation.email))
    throw conflict(`Det finns redan en användare med e-postadressen ${invitation.email}.`);

  const delivery = await identity.invite({ ...invitation, forbundId });
  try {
    const user = await stores.forbundUsers.add(principal, forbundId, invitation, at);
    return { user, ...delivery };
  } catch (error) {
    await identity.remove(invitation.email);
    throw error;
  }
}

/** Removes a person's access: the login goes first, so a half-done removal errs toward no access. */
export async function removeUser(
  stores: Stores,
  identity: IdentityProvider,
  principal: Principal,
  forbundId: string,
  email: string,
  at: Date,
): Promise<void> {
  const address = email.toLowerCase();
  // Nobody locks the förbund out by removing the last administrator by mistake: themselves.
  if (address === principal.subject.toLowerCase()) throw conflict('Du kan inte ta bort din egen inloggning.');
  if (!(await stores.forbundUsers.find(principal, forbundId, address))) throw notFound('Användaren finns inte.');
  await identity.remove(address);
  await stores.forbundUsers.remove(principal, forbundId, address, at);
}
