import type { Role } from '@finsam/domain';

/** A person to give a login: the email is the username (Cognito's pool signs in by email). */
export interface NewIdentity {
  /** Lower-cased by the caller; one login per address across the whole platform. */
  email: string;
  name: string;
  roles: Role[];
  forbundId?: string | undefined;
  memberId?: string | undefined;
}

/**
 * How the invited person learns the temporary password: Cognito emails it; the local runtime has
 * no mail, so it hands the password back once, to be passed on by the person who invited.
 */
export type InvitationDelivery = { delivery: 'email' } | { delivery: 'response'; temporaryPassword: string };

/**
 * Where logins live: the Cognito user pool in AWS, the embedded directory locally. The API keeps
 * its own record of who was invited (for listing and the audit trail); this port only creates and
 * removes the ability to sign in, with the roles as groups and the tenant as attributes.
 */
export interface IdentityProvider {
  /** Creates the login and sends the invitation; a FinsamError 'conflict' if the email is taken. */
  invite(identity: NewIdentity): Promise<InvitationDelivery>;
  /** Removes the login; tokens already issued run out within the hour. Unknown emails are ignored. */
  remove(email: string): Promise<void>;
}
