import { parseArgs } from 'node:util';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoIdentityProvider } from '@finsam/api';
import { FinsamError } from '@finsam/domain';

/**
 * The first platform administrator of a deployed stack, who then invites everyone else in the
 * portal:
 *
 *   npm run first-admin -- --user-pool-id <UserPoolId output> --email anna@example.se --name "Anna Andersson"
 *
 * Through the same Cognito adapter as the API's invitations, so Cognito sends the same Swedish
 * invitation with a temporary password. Credentials and region come from the AWS SDK's usual
 * chain (AWS_PROFILE, AWS_REGION, …), or --region; AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER
 * points it elsewhere (the test uses cognito-local).
 *
 * Exit codes: 0 invited, 1 Cognito refused (the reason is printed), 2 wrong arguments.
 */
const usage =
  'Användning / usage: npm run first-admin -- --user-pool-id <UserPoolId> --email <e-post> --name "<namn>" [--region <region>]';

async function main(): Promise<number> {
  let values: { 'user-pool-id'?: string; email?: string; name?: string; region?: string };
  try {
    ({ values } = parseArgs({
      options: {
        'user-pool-id': { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        region: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const userPoolId = values['user-pool-id'];
  const email = values.email?.trim().toLowerCase();
  const name = values.name?.trim();
  if (!userPoolId || !email || !name) {
    console.error(usage);
    return 2;
  }

  const client = new CognitoIdentityProviderClient(values.region ? { region: values.region } : {});
  try {
    await createCognitoIdentityProvider({ client, userPoolId }).invite({ email, name, roles: ['platform-admin'] });
  } catch (error) {
    if (error instanceof FinsamError) {
      console.error(`Ingen administratör skapades: ${error.message}`);
      const reason = error.kind === 'conflict' ? 'a user with this e-mail address already exists' : error.kind;
      console.error(`No administrator created: Cognito refused (${reason}).`);
      return 1;
    }
    throw error;
  } finally {
    client.destroy();
  }
  console.log(
    `${name} <${email}> är plattformsadministratör. Cognito har skickat en inbjudan med ett tillfälligt lösenord.`,
  );
  console.log(`${name} <${email}> is a platform administrator; Cognito has e-mailed the invitation.`);
  return 0;
}

process.exitCode = await main();
