import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  type AttributeType,
  type CognitoIdentityProviderClient,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { conflict } from '@finsam/domain';
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
        if (error instanceof UsernameExistsException) {
          throw conflict(`Det finns redan en användare med e-postadressen ${identity.email}.`);
        }
        throw error;
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
        throw error;
      }
      return { delivery: 'email' };
    },
    remove: deleteUser,
  };
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
