import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { AdminGetUserCommand, AdminListGroupsForUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CognitoLocal, startCognitoLocal } from '../support/cognito-local.ts';
import { repositoryRoot } from '../support/runtime.ts';

/**
 * `npm run first-admin` as an operator runs it, against cognito-local instead of a deployed pool:
 * the AWS SDK sends Cognito calls to AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER when it is set.
 */
const run = promisify(execFile);
let cognito: CognitoLocal;
let userPoolId: string;

beforeAll(async () => {
  cognito = await startCognitoLocal();
  ({ userPoolId } = await cognito.createPool());
});

afterAll(async () => {
  await cognito?.stop();
});

const firstAdmin = (args: string[]) =>
  run('npm', ['run', '--silent', 'first-admin', '--', ...args], {
    cwd: repositoryRoot,
    env: {
      ...process.env,
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
      AWS_REGION: cognito.region,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

describe('npm run first-admin', () => {
  it('creates a platform administrator and has Cognito send the invitation', async () => {
    const result = await firstAdmin([
      '--user-pool-id',
      userPoolId,
      '--email',
      'Anna@Example.se',
      '--name',
      'Anna Andersson',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Anna Andersson <anna@example.se> är plattformsadministratör');
    const user = await cognito.client.send(
      new AdminGetUserCommand({ UserPoolId: userPoolId, Username: 'anna@example.se' }),
    );
    expect(user.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    const groups = await cognito.client.send(
      new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: user.Username }),
    );
    expect(groups.Groups?.map((group) => group.GroupName)).toEqual(['platform-admin']);
    expect(cognito.lastCodeSentTo('anna@example.se')).toBeDefined();
  });

  it('says so clearly, in Swedish and English, when the address already has a login', async () => {
    const args = ['--user-pool-id', userPoolId, '--email', 'bo@example.se', '--name', 'Bo Berg'];
    expect((await firstAdmin(args)).code).toBe(0);
    const again = await firstAdmin(args);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      'Ingen administratör skapades: Det finns redan en användare med e-postadressen bo@example.se.',
    );
    expect(again.stderr).toContain('a user with this e-mail address already exists');
  });

  it('shows how to call it when an argument is missing', async () => {
    const result = await firstAdmin(['--email', 'cecilia@example.se']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('npm run first-admin -- --user-pool-id');
  });
});
