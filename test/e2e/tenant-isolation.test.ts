import type { Runtime } from '@finsam/local';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, fillPath, login, operations, otherForbundBody, startTestRuntime } from '../support/runtime.ts';

/**
 * Tenant isolation over HTTP against the running local runtime: every route of another förbund
 * answers 404 to every user of the demo förbund, whatever the role and whatever the body.
 */
let runtime: Runtime;
let otherId: string;
const tokens: Record<string, string> = {};
const demoUsers = ['forbundsadmin', 'ekonom', 'styrelse', 'revisor', 'medlem', 'nationell'];

beforeAll(async () => {
  runtime = await startTestRuntime();
  for (const user of [...demoUsers, 'admin']) tokens[user] = await login(runtime, user);
  const created = await call(runtime, 'POST', '/api/forbund', { token: tokens.admin, body: otherForbundBody() });
  expect(created.status).toBe(201);
  otherId = created.body.id;
});
afterAll(() => runtime?.stop());

describe("another förbund's resources", () => {
  it('answer 404 on every tenant route, for every role of the demo förbund', async () => {
    const tenantRoutes = (await operations(runtime)).filter((op) => op.path.includes('{forbundId}'));
    expect(tenantRoutes.length).toBeGreaterThanOrEqual(8);
    for (const route of tenantRoutes) {
      const path = fillPath(route.path, otherId);
      for (const user of demoUsers) {
        const reply = await call(runtime, route.method, path, {
          token: tokens[user],
          ...(route.hasBody ? { body: { expectedVersion: 1 } } : {}),
        });
        expect(reply.status, `${user} ${route.method} ${route.path}`).toBe(404);
        expect(reply.contentType).toContain('application/problem+json');
        expect(JSON.stringify(reply.body)).not.toContain('Gamma');
      }
    }
  });

  it('do not appear in the förbund list of a demo user', async () => {
    const reply = await call(runtime, 'GET', '/api/forbund', { token: tokens.ekonom });
    expect(reply.body.items.map((f: { id: string }) => f.id)).toEqual(['exempeldalen']);
    const national = await call(runtime, 'GET', '/api/forbund', { token: tokens.nationell });
    expect(national.body.items).toEqual([]);
  });

  it('are reachable by the platform administrator', async () => {
    const reply = await call(runtime, 'GET', `/api/forbund/${otherId}/members`, { token: tokens.admin });
    expect(reply.status).toBe(200);
    expect(reply.body.items).toHaveLength(4);
  });
});

describe('tokens', () => {
  it('refuse a missing, tampered, foreign-signed or expired token with 401', async () => {
    const path = '/api/forbund/exempeldalen';
    expect((await call(runtime, 'GET', path)).status).toBe(401);

    const [header, payload, signature] = tokens.ekonom!.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['platform-admin'] })).toString(
      'base64url',
    );
    const tampered = await call(runtime, 'GET', path, { token: `${header}.${forged}.${signature}` });
    expect(tampered.status).toBe(401);
    expect(tampered.contentType).toContain('application/problem+json');

    const strangerKey = new TextEncoder().encode('a-secret-nobody-trusts-0123456789');
    const foreign = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(strangerKey);
    expect((await call(runtime, 'GET', path, { token: foreign })).status).toBe(401);

    const token = await login(runtime, 'ekonom');
    runtime.sessionClock.advance(2 * 60 * 60 * 1000);
    const expired = await call(runtime, 'GET', path, { token });
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toContain('gått ut');
  });

  it('let a member-rep read but not change the charter (403)', async () => {
    const token = await login(runtime, 'medlem');
    const charter = await call(runtime, 'GET', '/api/forbund/exempeldalen/charter', { token });
    expect(charter.status).toBe(200);
    const { version, forbundId: _f, createdAt: _c, createdBy: _b, ...document } = charter.body;
    const change = await call(runtime, 'PUT', '/api/forbund/exempeldalen/charter', {
      token,
      body: { ...document, expectedVersion: version },
    });
    expect(change.status).toBe(403);
  });

  it('refuse wrong passwords without saying which part was wrong', async () => {
    const wrong = await call(runtime, 'POST', '/api/auth/login', { body: { username: 'ekonom', password: 'x' } });
    const unknown = await call(runtime, 'POST', '/api/auth/login', { body: { username: 'okand', password: 'x' } });
    expect(wrong.status).toBe(401);
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });
});
