import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Deployment } from './deployment.ts';

/** Signs in with USER_PASSWORD_AUTH as the portal does; answers NEW_PASSWORD_REQUIRED when asked. */
export async function signIn(deployment: Deployment, email: string, password: string, newPassword?: string) {
  const { client } = deployment.cognito;
  const started = await client.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: deployment.pool.clientId,
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
  if (started.AuthenticationResult) return started.AuthenticationResult;
  if (started.ChallengeName !== 'NEW_PASSWORD_REQUIRED' || !newPassword)
    throw new Error(`sign-in of ${email} asks for ${started.ChallengeName}`);
  const answered = await client.send(
    new RespondToAuthChallengeCommand({
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      ClientId: deployment.pool.clientId,
      Session: started.Session,
      ChallengeResponses: { USERNAME: email, NEW_PASSWORD: newPassword },
    }),
  );
  return answered.AuthenticationResult!;
}

/** A user made directly in the pool, for roles the journeys do not invite through the API. */
export async function createSignedInUser(
  deployment: Deployment,
  user: { email: string; name: string; groups: string[]; forbundId?: string; memberId?: string },
): Promise<string> {
  const { client } = deployment.cognito;
  const UserPoolId = deployment.pool.userPoolId;
  const password = 'Deployed-Pass-1234!';
  await client.send(
    new AdminCreateUserCommand({
      UserPoolId,
      Username: user.email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: user.email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: user.name },
        ...(user.forbundId ? [{ Name: 'custom:forbund_id', Value: user.forbundId }] : []),
        ...(user.memberId ? [{ Name: 'custom:member_id', Value: user.memberId }] : []),
      ],
    }),
  );
  await client.send(
    new AdminSetUserPasswordCommand({ UserPoolId, Username: user.email, Password: password, Permanent: true }),
  );
  for (const group of user.groups)
    await client.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: user.email, GroupName: group }));
  return (await signIn(deployment, user.email, password)).IdToken!;
}

/** Calls the deployed product through its public address, as a browser or a member's system would. */
export async function request(
  deployment: Deployment,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
) {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${deployment.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const contentType = response.headers.get('content-type') ?? '';
  const text = new TextDecoder().decode(bytes);
  return {
    status: response.status,
    contentType,
    headers: response.headers,
    bytes,
    body: contentType.includes('json') && text ? JSON.parse(text) : text,
  };
}
