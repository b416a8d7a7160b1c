import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  type AttributeType,
  CodeDeliveryFailureException,
  type CognitoIdentityProviderClient,
  InternalErrorException,
  InvalidEmailRoleAccessPolicyException,
  InvalidParameterException,
  LimitExceededException,
  TooManyRequestsException,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { conflict, FinsamError, invalid } from '@finsam/domain';
import type { IdentityProvider, NewIdentity } from './identity-provider.ts';

export interface CognitoIdentityProviderConfig {
  client: CognitoIdentityProviderClient;
  userPoolId: string;
}

/**
 * Logins in the Cognito user pool (infra/constructs/auth.ts). The pool signs in by email, so the
 * email is the username in every admin call; Cognito keys the user by a generated `sub` inside.
 */
export function createCognitoIdentityProvider({ client, userPoolId }: CognitoIdentityProviderConfig): IdentityProvider {
  const deleteUser = async (email: string) => {
    try {
      await client.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: email }));
    } catch (error) {
      // Removing is idempotent: a retried request or a login already gone leaves the same state.
      if (!(error instanceof UserNotFoundException)) throw error;
    }
  };

  return {
    async invite(identity) {
      try {
        await client.send(
          new AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: identity.email,
            UserAttributes: userAttributes(identity),
            DesiredDeliveryMediums: ['EMAIL'],
          }),
        );
      } catch (error) {
        // Cognito may have stored the login before the mail failed; nothing is left half-made.
        if (error instanceof CodeDeliveryFailureException) await deleteUser(identity.email);
        throw refusal(error, identity.email) ?? error;
      }
      try {
        // Cognito has no transaction over a user and its groups. A login without its roles would
        // sign in and see nothing, and a second invitation would then fail as a conflict, so the
        // user is deleted again and the whole invitation can simply be retried.
        for (const role of identity.roles) {
          await client.send(
            new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: identity.email, GroupName: role }),
          );
        }
      } catch (error) {
        try {
          await deleteUser(identity.email);
        } catch (deleteError) {
          throw new AggregateError(
            [error, deleteError],
            `Roles not added and the new login ${identity.email} not deleted again; delete it by hand.`,
          );
        }
        throw refusal(error, identity.email) ?? error;
      }
      return { delivery: 'email' };
    },
    remove: deleteUser,
  };
}

/**
 * Cognito's refusals as the errors a person can act on (problem+json 409, 429, 400, 502), in
 * Swedish and without Cognito's own codes. Anything else (a missing group, denied IAM) is a fault
 * of the deployment and stays a 500 with the cause in the log.
 */
function refusal(error: unknown, email: string): FinsamError | undefined {
  if (error instanceof UsernameExistsException) {
    return conflict(`Det finns redan en användare med e-postadressen ${email}.`);
  }
  if (error instanceof TooManyRequestsException) {
    return new FinsamError(
      'throttled',
      'Inloggningstjänsten får för många förfrågningar just nu. Försök igen om en stund.',
    );
  }
  if (error instanceof LimitExceededException) {
    // Among Cognito's limits is its own mail's 50 messages a day, when the pool does not use SES.
    return new FinsamError(
      'throttled',
      'Inloggningstjänsten har nått en gräns, till exempel för hur många inbjudningar som kan skickas per dygn. ' +
        'Försök igen senare, eller be driften att skicka inbjudningar via SES.',
    );
  }
  if (error instanceof InvalidParameterException) {
    // The API has checked the address and name already; what Cognito still refuses is the address
    // (its username) or, rarely, an attribute's length, which it names in English.
    const field = /email|username/i.test(error.message) ? 'email' : 'name';
    return invalid('Inloggningstjänsten godtog inte uppgifterna.', [
      {
        field,
        message:
          field === 'email'
            ? 'Inloggningstjänsten godtar inte e-postadressen.'
            : 'Inloggningstjänsten godtar inte namnet.',
      },
    ]);
  }
  if (error instanceof CodeDeliveryFailureException) {
    return new FinsamError(
      'upstream',
      `Inbjudan kunde inte skickas till ${email}. Kontrollera adressen och försök igen; ingen användare skapades.`,
    );
  }
  if (error instanceof InvalidEmailRoleAccessPolicyException || error instanceof InternalErrorException) {
    return new FinsamError(
      'upstream',
      'Inloggningstjänsten kunde inte skicka inbjudan just nu. Försök igen senare; kvarstår felet, kontakta driften.',
    );
  }
  return undefined;
}

function userAttributes(identity: NewIdentity): AttributeType[] {
  const attributes: AttributeType[] = [
    { Name: 'email', Value: identity.email },
    // The temporary password is sent to this address, so using it proves the address; password
    // recovery (email only, auth.ts) needs it verified, and a separate code mail would add nothing.
    { Name: 'email_verified', Value: 'true' },
    { Name: 'name', Value: identity.name },
  ];
  // The tenant attributes are the token claims the API scopes every request by (auth/verifier.ts).
  if (identity.forbundId !== undefined) attributes.push({ Name: 'custom:forbund_id', Value: identity.forbundId });
  if (identity.memberId !== undefined) attributes.push({ Name: 'custom:member_id', Value: identity.memberId });
  return attributes;
}
