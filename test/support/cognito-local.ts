import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { roles } from '@finsam/domain';
import { repositoryRoot } from './runtime.ts';

/**
 * cognito-local, a real implementation of the Cognito user pool API (its own store, its own
 * errors and tokens), started as its own process for one test file. Shared by the e2e, browser
 * and AWS-faithful tiers so that they all meet the same pool shape as infra/constructs/auth.ts.
 *
 * What cognito-local does not model, so no test should assert it: it sends no email (it prints
 * the message, codes included), it does not apply the password policy, it answers a user in
 * FORCE_CHANGE_PASSWORD with NEW_PASSWORD_REQUIRED without checking the temporary password, and
 * it only remembers (for refresh and revocation) refresh tokens issued by a plain
 * USER_PASSWORD_AUTH sign-in, not those issued after a challenge.
 */
const start_wait_ms_max = 20_000;
const start_poll_interval_ms = 100;
export const cognito_local_region = 'eu-north-1';

/** The policy of the deployed pool (infra/constructs/auth.ts). */
export const password_policy = {
  MinimumLength: 12,
  RequireLowercase: true,
  RequireUppercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 3,
} as const;

export interface CognitoPool {
  userPoolId: string;
  /** The portal's client: no secret, USER_PASSWORD_AUTH and refresh allowed. */
  clientId: string;
  /** The `iss` of this pool's tokens. */
  issuer: string;
  jwksUrl: string;
}

export interface CognitoLocal {
  /** Where the SDK (and the portal, through config.json `endpoint`) reaches it. */
  endpoint: string;
  region: string;
  /** An admin client (any credentials do locally). */
  client: CognitoIdentityProviderClient;
  /** Everything cognito-local printed so far. */
  output(): string;
  /** A pool shaped like the deployed one, with the given groups (all roles by default). */
  createPool(options?: { groups?: readonly string[]; mfa?: 'OFF' | 'OPTIONAL' | 'ON' }): Promise<CognitoPool>;
  /** The last code cognito-local "sent" to this address (invitation, forgotten password), if any. */
  lastCodeSentTo(email: string): string | undefined;
  stop(): Promise<void>;
}

export async function startCognitoLocal(): Promise<CognitoLocal> {
  const port = await freePort();
  // cognito-local keeps its pools in ./.cognito, so each start gets a directory of its own.
  const dataDirectory = mkdtempSync(join(tmpdir(), 'finsam-cognito-'));
  const child = spawn(process.execPath, [join(repositoryRoot, 'node_modules/cognito-local/lib/bin/start.js')], {
    cwd: dataDirectory,
    // HOST also becomes the issuer's host, so tokens name 127.0.0.1 as the endpoint does.
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const collect = (chunk: Buffer) => {
    printed += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(child, endpoint, () => printed);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dataDirectory, { recursive: true, force: true });
    throw error;
  }
  const client = new CognitoIdentityProviderClient({
    endpoint,
    region: cognito_local_region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

  return {
    endpoint,
    region: cognito_local_region,
    client,
    output: () => printed,
    createPool: (options = {}) => createPool(client, endpoint, options.groups ?? roles, options.mfa ?? 'OPTIONAL'),
    lastCodeSentTo: (email) => lastCode(printed, email),
    async stop() {
      client.destroy();
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}

async function createPool(
  client: CognitoIdentityProviderClient,
  endpoint: string,
  groups: readonly string[],
  mfa: 'OFF' | 'OPTIONAL' | 'ON',
): Promise<CognitoPool> {
  const created = await client.send(
    new CreateUserPoolCommand({
      PoolName: 'finsam-test',
      UsernameAttributes: ['email'],
      MfaConfiguration: mfa,
      Policies: { PasswordPolicy: password_policy },
      Schema: [
        { Name: 'forbund_id', AttributeDataType: 'String', Mutable: true },
        { Name: 'member_id', AttributeDataType: 'String', Mutable: true },
      ],
    }),
  );
  const userPoolId = created.UserPool!.Id!;
  for (const group of groups) await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: group }));
  const portalClient = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'portal',
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'ENABLED',
    }),
  );
  const issuer = `${endpoint}/${userPoolId}`;
  return {
    userPoolId,
    clientId: portalClient.UserPoolClient!.ClientId!,
    issuer,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
  };
}

/**
 * cognito-local prints each message as a box of "Field: value" lines (Username, Destination,
 * Code, …), inside a JSON log line where the line breaks are escaped.
 */
function lastCode(printed: string, email: string): string | undefined {
  const text = printed.replaceAll('\\n', '\n');
  const escaped = email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`Destination: +${escaped}\\s(?:(?!Destination:)[^])*?Code: +(\\S+)`, 'g');
  let code: string | undefined;
  for (const match of text.matchAll(pattern)) code = match[1];
  return code;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error())));
    });
  });
}

async function waitUntilAnswering(child: ChildProcess, endpoint: string, printed: () => string): Promise<void> {
  const deadline = Date.now() + start_wait_ms_max;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`cognito-local exited with ${child.exitCode}:\n${printed()}`);
    try {
      if ((await fetch(`${endpoint}/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, start_poll_interval_ms));
  }
  throw new Error(`cognito-local did not answer within ${start_wait_ms_max} ms:\n${printed()}`);
}
