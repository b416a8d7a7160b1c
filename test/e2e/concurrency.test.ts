import type { Runtime } from '@finsam/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestRuntime } from '../support/runtime.ts';

let runtime: Runtime;
let token: string;
beforeAll(async () => {
  runtime = await startTestRuntime();
  token = await login(runtime, 'forbundsadmin');
});
afterAll(() => runtime?.stop());

async function currentCharter() {
  const reply = await call(runtime, 'GET', '/api/forbund/exempeldalen/charter', { token });
  const { version, forbundId: _f, createdAt: _c, createdBy: _b, ...document } = reply.body;
  return { version: version as number, document };
}

describe('optimistic locking', () => {
  it('lets exactly one of two parallel charter updates with the same version win; the other gets 409', async () => {
    const { version, document } = await currentCharter();
    const update = (reference: string) =>
      call(runtime, 'PUT', '/api/forbund/exempeldalen/charter', {
        token,
        body: { ...document, decisionReference: reference, expectedVersion: version },
      });
    const replies = await Promise.all([update('Styrelsen § 12'), update('Styrelsen § 13')]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = replies.find((r) => r.status === 409);
    expect(loser?.contentType).toContain('application/problem+json');

    const after = await currentCharter();
    expect(after.version).toBe(version + 1);
    const winner = replies.find((r) => r.status === 201);
    expect(after.document.decisionReference).toBe(winner?.body.decisionReference);
  });

  it('refuses a version from the future, so numbering never gets a gap', async () => {
    const { version, document } = await currentCharter();
    const reply = await call(runtime, 'PUT', '/api/forbund/exempeldalen/charter', {
      token,
      body: { ...document, expectedVersion: version + 5 },
    });
    expect(reply.status).toBe(409);
  });

  it('keeps every version readable in the history, and the audit trail names who changed it', async () => {
    const { version } = await currentCharter();
    const history = await call(runtime, 'GET', '/api/forbund/exempeldalen/charter/versions', { token });
    expect(history.body.items.map((v: { version: number }) => v.version)).toEqual(
      Array.from({ length: version }, (_, i) => version - i),
    );
    const audit = await call(runtime, 'GET', '/api/forbund/exempeldalen/audit', { token });
    expect(audit.body.items[0]).toMatchObject({ actor: 'forbundsadmin', action: 'charter.versioned' });
  });

  it('lets exactly one of two parallel profile updates win', async () => {
    const current = (await call(runtime, 'GET', '/api/forbund/exempeldalen', { token })).body;
    const { id: _i, version, createdAt: _a, createdBy: _b, updatedAt: _u, ...profile } = current;
    const update = (seat: string) =>
      call(runtime, 'PUT', '/api/forbund/exempeldalen', {
        token,
        body: { ...profile, seat, expectedVersion: version },
      });
    const replies = await Promise.all([update('Alfa'), update('Beta')]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});
