import type { Runtime } from '@finsam/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allItems, call, login, otherForbundBody, startTestRuntime } from '../support/runtime.ts';

/**
 * Inviting people into a förbund with roles (issue 6, platform admin): through the real API and
 * the local directory, which stands where Cognito stands in AWS (its adapter is tested against
 * cognito-local in cognito-identity.test.ts).
 */
let runtime: Runtime;
let admin: string;
let forbundsadmin: string;
const users = '/api/forbund/exempeldalen/users';

beforeAll(async () => {
  runtime = await startTestRuntime();
  admin = await login(runtime, 'admin');
  forbundsadmin = await login(runtime, 'forbundsadmin');
});
afterAll(() => runtime?.stop());

describe('the users of a förbund', () => {
  it('lists the people who already have access, with their roles', async () => {
    const reply = await call(runtime, 'GET', users, { token: forbundsadmin });
    expect(reply.status).toBe(200);
    const byLogin = new Map(reply.body.items.map((u: { email: string }) => [u.email, u]));
    expect(byLogin.get('ekonom')).toMatchObject({ name: 'Elin Ekonom', roles: ['ekonom'] });
    expect(byLogin.get('medlem')).toMatchObject({ roles: ['member-rep'], memberId: 'alfa' });
    expect(byLogin.has('admin')).toBe(false); // the platform's own people belong to no förbund
  });

  it('invites a representative who then signs in with the temporary password and acts for that member only', async () => {
    const reply = await call(runtime, 'POST', users, {
      token: forbundsadmin,
      body: { email: 'Berit.Beta@Exempel.se', name: 'Berit Beta', roles: ['member-rep'], memberId: 'beta' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      delivery: 'response',
      user: {
        email: 'berit.beta@exempel.se',
        roles: ['member-rep'],
        memberId: 'beta',
        invitedBy: 'Frida Förbundschef',
      },
    });
    const token = await login(runtime, 'berit.beta@exempel.se', reply.body.temporaryPassword);
    const me = await call(runtime, 'GET', '/api/me', { token });
    expect(me.body).toMatchObject({ roles: ['member-rep'], forbundId: 'exempeldalen', memberId: 'beta' });
    const own = await call(runtime, 'GET', '/api/forbund/exempeldalen/members/beta/webhooks', { token });
    expect(own.status).toBe(200);
    const other = await call(runtime, 'GET', '/api/forbund/exempeldalen/members/alfa/webhooks', { token });
    expect(other.status).toBe(404); // another member's resources are not found for a representative

    const audit = await call(runtime, 'GET', '/api/forbund/exempeldalen/audit', { token: forbundsadmin });
    expect(audit.body.items[0]).toMatchObject({ action: 'user.invited', actor: 'forbundsadmin' });
  });

  it('refuses an address that already has a login, anywhere on the platform, and writes nothing', async () => {
    const created = await call(runtime, 'POST', '/api/forbund', { token: admin, body: otherForbundBody() });
    const body = { email: 'berit.beta@exempel.se', name: 'Berit igen', roles: ['ekonom'] };
    const before = await allItems(runtime);
    for (const forbundId of ['exempeldalen', created.body.id]) {
      const reply = await call(runtime, 'POST', `/api/forbund/${forbundId}/users`, { token: admin, body });
      expect(reply.status).toBe(409);
      expect(reply.body.detail).toContain('berit.beta@exempel.se');
    }
    // Nothing is written but the places counter (LimitedSlots), whose places are as they were:
    // the refused invitation took one and gave it back.
    const places = (items: Record<string, unknown>[]) =>
      Object.fromEntries(
        items
          .filter((item) => item.kind === 'limit')
          .map((item) => [`${item.PK}|${item.SK}`, Object.keys(item.slots as object).sort()]),
      );
    const after = await allItems(runtime);
    expect(after.filter((item) => item.kind !== 'limit')).toEqual(before.filter((item) => item.kind !== 'limit'));
    for (const [key, held] of Object.entries(places(after))) expect(held, key).toEqual(places(before)[key] ?? []);
  });

  it('lets only the platform admin and the förbund admin hand out access', async () => {
    const body = { email: 'x@exempel.se', name: 'X', roles: ['ekonom'] };
    for (const user of ['ekonom', 'styrelse', 'revisor', 'medlem']) {
      const token = await login(runtime, user);
      expect((await call(runtime, 'POST', users, { token, body })).status).toBe(403);
      expect((await call(runtime, 'GET', users, { token })).status).toBe(403);
    }
    const national = await login(runtime, 'nationell');
    expect((await call(runtime, 'GET', users, { token: national })).status).toBe(404);
  });

  it('removes a login: the person can no longer sign in, and an administrator cannot remove themself', async () => {
    const invited = await call(runtime, 'POST', users, {
      token: admin,
      body: { email: 'tillfallig@exempel.se', name: 'Tillfällig Revisor', roles: ['revisor'] },
    });
    expect(invited.status).toBe(201);
    const removed = await call(runtime, 'DELETE', `${users}/tillfallig@exempel.se`, { token: forbundsadmin });
    expect(removed.status).toBe(204);
    const signIn = await call(runtime, 'POST', '/api/auth/login', {
      body: { username: 'tillfallig@exempel.se', password: invited.body.temporaryPassword },
    });
    expect(signIn.status).toBe(401);
    const list = await call(runtime, 'GET', users, { token: forbundsadmin });
    expect(list.body.items.map((u: { email: string }) => u.email)).not.toContain('tillfallig@exempel.se');
    expect((await call(runtime, 'DELETE', `${users}/tillfallig@exempel.se`, { token: forbundsadmin })).status).toBe(
      404,
    );
    const self = await call(runtime, 'DELETE', `${users}/forbundsadmin`, { token: forbundsadmin });
    expect(self.status).toBe(409);

    // The address is free again: a person who left may be invited back.
    const back = await call(runtime, 'POST', users, {
      token: forbundsadmin,
      body: { email: 'tillfallig@exempel.se', name: 'Tillbaka', roles: ['styrelse'] },
    });
    expect(back.status).toBe(201);
  });
});

describe("the platform's own people", () => {
  it('are invited by a platform admin only, with platform roles only, and see what their role sees', async () => {
    const before = await call(runtime, 'GET', '/api/platform/users', { token: admin });
    expect(before.body.items.map((u: { email: string }) => u.email).sort()).toEqual(['admin', 'nationell']);
    const invited = await call(runtime, 'POST', '/api/platform/users', {
      token: admin,
      body: { email: 'radet@exempel.se', name: 'Rådets analytiker', roles: ['national'] },
    });
    expect(invited.status).toBe(201);
    const token = await login(runtime, 'radet@exempel.se', invited.body.temporaryPassword);
    expect((await call(runtime, 'GET', '/api/national/2026', { token })).status).toBe(200);
    expect((await call(runtime, 'GET', '/api/forbund/exempeldalen', { token })).status).toBe(404);

    const ekonomRole = await call(runtime, 'POST', '/api/platform/users', {
      token: admin,
      body: { email: 'x@exempel.se', name: 'X', roles: ['ekonom'] },
    });
    expect(ekonomRole.status).toBe(400);
    for (const token of [forbundsadmin, await login(runtime, 'nationell')]) {
      expect((await call(runtime, 'GET', '/api/platform/users', { token })).status).toBe(403);
      const body = { email: 'y@exempel.se', name: 'Y', roles: ['platform-admin'] };
      expect((await call(runtime, 'POST', '/api/platform/users', { token, body })).status).toBe(403);
    }
    expect((await call(runtime, 'DELETE', '/api/platform/users/radet@exempel.se', { token: admin })).status).toBe(204);
  });
});
