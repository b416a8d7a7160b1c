import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { password_policy } from '../support/cognito-local.ts';
import { otherForbundBody } from '../support/runtime.ts';
import { type Deployment, deploy } from './support/deployment.ts';
import { lambdaNodeMajor } from './support/lambda.ts';
import { createSignedInUser, request, signIn } from './support/sign-in.ts';

/**
 * The product as deployed (test/aws/support/deployment.ts says what stands in for which managed
 * service): the synthesized bundles behind the template's routes and authorizers, tokens from
 * cognito-local, the template's state machines. The journeys are those of issue 11.
 */
let deployment: Deployment;
let admin: string;
let forbundId: string;

beforeAll(async () => {
  deployment = await deploy();
  admin = await createSignedInUser(deployment, {
    email: 'plattform@finsam.example',
    name: 'Petra Plattform',
    groups: ['platform-admin'],
  });
  const created = await request(deployment, 'POST', '/api/forbund', { token: admin, body: otherForbundBody() });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  forbundId = created.body.id;
}, 240_000);
afterAll(() => deployment?.stop());

describe('the deployed artefacts', () => {
  it('run on the Node.js major of the runtime the template names', () => {
    const runtimes = new Set(
      deployment.template
        .ofType('AWS::Lambda::Function')
        .filter(([, f]) => f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME)
        .map(([, f]) => f.Properties.Runtime),
    );
    expect([...runtimes]).toEqual([`nodejs${lambdaNodeMajor()}.x`]);
  });

  it('stand up a pool with the password policy the template declares', () => {
    const [, pool] = deployment.template.single('AWS::Cognito::UserPool');
    const policy = pool.Properties.Policies.PasswordPolicy;
    expect({
      MinimumLength: policy.MinimumLength,
      RequireLowercase: policy.RequireLowercase,
      RequireUppercase: policy.RequireUppercase,
      RequireNumbers: policy.RequireNumbers,
      RequireSymbols: policy.RequireSymbols,
      TemporaryPasswordValidityDays: policy.TemporaryPasswordValidityDays,
    }).toEqual(password_policy);
  });
});

describe('routes and authorizers of the template', () => {
  it('refuse a protected route without a token, or with a forged one, before the function runs', async () => {
    const invokedBefore = deployment.httpApi.invoked.length;
    const bare = await request(deployment, 'GET', `/api/forbund/${forbundId}`);
    expect(bare.status).toBe(401);
    expect(bare.body).toEqual({ message: 'Unauthorized' });
    // A token with a valid shape but signed by no key of the pool.
    const [header, payload] = admin.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    expect((await request(deployment, 'GET', `/api/forbund/${forbundId}`, { token: forged })).status).toBe(401);
    expect(deployment.httpApi.invoked.length).toBe(invokedBefore);
  });

  it('let a public route through without a token', async () => {
    const health = await request(deployment, 'GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    const openapi = await request(deployment, 'GET', '/openapi.json');
    expect(openapi.status).toBe(200);
    expect(openapi.body.openapi).toMatch(/^3\./);
  });

  it('serve the portal and its config.json at the same address', async () => {
    const page = await request(deployment, 'GET', '/forbund/x/ekonomi');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root"');
    const config = await request(deployment, 'GET', '/config.json');
    expect(config.body).toMatchObject({
      userPoolId: deployment.pool.userPoolId,
      userPoolClientId: deployment.pool.clientId,
    });
  });
});

describe('invitations through Cognito', () => {
  it('invite a user, who signs in the first time by choosing a new password and lands in their förbund', async () => {
    const invited = await request(deployment, 'POST', `/api/forbund/${forbundId}/users`, {
      token: admin,
      body: { email: 'Eva.Ekonom@Gamma.example', name: 'Eva Ekonom', roles: ['ekonom'] },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    expect(invited.body.delivery).toBe('email');
    const temporary = deployment.cognito.lastCodeSentTo('eva.ekonom@gamma.example');
    expect(temporary).toBeTruthy();
    const tokens = await signIn(deployment, 'eva.ekonom@gamma.example', temporary!, 'Nytt-Losenord-2026!');
    const me = await request(deployment, 'GET', '/api/me', { token: tokens.IdToken });
    expect(me.status, JSON.stringify(me.body)).toBe(200);
    expect(me.body).toMatchObject({ roles: ['ekonom'], forbundId });

    const again = await request(deployment, 'POST', `/api/forbund/${forbundId}/users`, {
      token: admin,
      body: { email: 'eva.ekonom@gamma.example', name: 'Eva Ekonom', roles: ['ekonom'] },
    });
    expect(again.status).toBe(409);
    expect(again.contentType).toContain('application/problem+json');
  });
});

describe('pagination in the deployed API', () => {
  it('pages the audit trail with sealed cursors, and refuses a tampered one with 400', async () => {
    const base = `/api/forbund/${forbundId}/audit?limit=1`;
    const first = await request(deployment, 'GET', base, { token: admin });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const cursor = first.body.nextCursor as string;
    expect(cursor).toMatch(/^c1\./);
    expect(Buffer.from(cursor.slice(3), 'base64url').toString('latin1')).not.toContain(forbundId);
    // The key comes from Secrets Manager, through the bundle's own client: the next page opens.
    const second = await request(deployment, 'GET', `${base}&cursor=${cursor}`, { token: admin });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body.items[0]).not.toEqual(first.body.items[0]);
    const tampered = `${cursor.slice(0, -3)}${cursor.at(-3) === 'A' ? 'B' : 'A'}${cursor.slice(-2)}`;
    const refused = await request(deployment, 'GET', `${base}&cursor=${tampered}`, { token: admin });
    expect(refused.status).toBe(400);
    expect(refused.contentType).toContain('application/problem+json');
  });
});

describe('downloads through the Lambda adapter', () => {
  it('deliver SIE 4 byte-exact in CP437', async () => {
    const ekonom = await createSignedInUser(deployment, {
      email: 'sie@gamma.example',
      name: 'Sara Sie',
      groups: ['ekonom'],
      forbundId,
    });
    const booked = await request(deployment, 'POST', `/api/forbund/${forbundId}/ledger/vouchers`, {
      token: ekonom,
      body: {
        series: 'A',
        year: 2026,
        date: '2026-11-05',
        text: 'Årsmöte på Östgöta gård, Ängelholm',
        basis: { kind: 'invoice', reference: 'F-1001' },
        lines: [
          { account: '5410', amount: '1250.00' },
          { account: '1930', amount: '-1250.00' },
        ],
      },
    });
    expect(booked.status, deployment.lambda('finsam-api').logs().slice(-3000)).toBe(201);
    const sie = await request(deployment, 'GET', `/api/forbund/${forbundId}/ledger/2026/sie`, { token: ekonom });
    expect(sie.status).toBe(200);
    // CP437, by the table of the code page, not by a decoder under test: Å 8F, Ö 99, Ä 8E, å 86.
    const expected = Buffer.from([
      0x8f,
      ...Buffer.from('rsm'),
      0x94,
      ...Buffer.from('te p'),
      0x86,
      ...Buffer.from(' '),
    ]);
    expect(Buffer.from(sie.bytes).includes(expected)).toBe(true);
    expect(Buffer.from(sie.bytes).includes(Buffer.from([0xef, 0xbf, 0xbd]))).toBe(false); // no U+FFFD
    expect(Buffer.from(sie.bytes).subarray(0, 5).toString('latin1')).toBe('#FLAG');
  });
});
