import type { Runtime } from '@finsam/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allItems, call, login, startTestRuntime } from '../support/runtime.ts';

/**
 * Every change leaves exactly one audit item naming who made it and what changed: the changes
 * whose stores wrote none before (an account, a period lock, a platform invitation, an avräkning
 * run) get theirs from the one path every write request takes (audit-trail in @finsam/api), and
 * the changes that write their own get no second one.
 */
let runtime: Runtime;
const base = '/api/forbund/exempeldalen';

beforeAll(async () => {
  runtime = await startTestRuntime();
});
afterAll(() => runtime?.stop());

type Audit = { kind: string; id: string; actor: string; action: string; entity: string; summary?: string };
const audits = async () =>
  ((await allItems(runtime)) as unknown as Audit[])
    .filter((item) => item.kind === 'audit')
    .sort((a, b) => a.id.localeCompare(b.id));

async function oneAuditFor(change: () => Promise<{ status: number; body: unknown }>) {
  const before = await audits();
  const reply = await change();
  expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(300);
  const after = await audits();
  const added = after.filter((item) => !before.some((old) => old.id === item.id));
  expect(added, JSON.stringify(added)).toHaveLength(1);
  return added[0]!;
}

describe('the audit trail', () => {
  it('records an account added to the chart, with the actor and the route’s Swedish summary', async () => {
    const token = await login(runtime, 'ekonom');
    const chart = await call(runtime, 'GET', `${base}/ledger/accounts`, { token });
    const audit = await oneAuditFor(() =>
      call(runtime, 'POST', `${base}/ledger/accounts`, {
        token,
        body: {
          account: { number: '5421', name: 'Programlicenser', kind: 'cost', area: 'administration' },
          expectedVersion: chart.body.version,
        },
      }),
    );
    expect(audit.actor).toBeTruthy();
    expect(audit.entity).toContain('/ledger/accounts');
    // The route's own summary in the OpenAPI document, not its address in its place.
    expect(audit.summary).toMatch(/^Lägg till ett konto/);
  });

  it('records a period lock', async () => {
    const token = await login(runtime, 'ekonom');
    const audit = await oneAuditFor(() =>
      call(runtime, 'POST', `${base}/ledger/2026/periods/lock`, {
        token,
        body: { period: '2026-01', reason: 'Januari avstämd och rapporterad till styrelsen' },
      }),
    );
    expect(audit.entity).toContain('/periods/lock');
  });

  it('records a platform invitation in the platform’s own trail', async () => {
    const token = await login(runtime, 'admin');
    const audit = await oneAuditFor(() =>
      call(runtime, 'POST', '/api/platform/users', {
        token,
        body: { email: 'analytiker@radet.example', name: 'Rådets analytiker', roles: ['national'] },
      }),
    );
    expect(audit.entity).toContain('analytiker@radet.example');
  });

  it('writes no second item for a change whose store records its own', async () => {
    const token = await login(runtime, 'forbundsadmin');
    const current = (await call(runtime, 'GET', base, { token })).body;
    const { id: _i, version, createdAt: _c, createdBy: _b, updatedAt: _u, ...profile } = current;
    const audit = await oneAuditFor(() =>
      call(runtime, 'PUT', base, { token, body: { ...profile, seat: 'Nyköping', expectedVersion: version } }),
    );
    expect(audit.action).toBe('forbund.updated');
  });

  it('writes nothing for a refused change', async () => {
    const token = await login(runtime, 'ekonom');
    const before = await audits();
    const refused = await call(runtime, 'POST', `${base}/ledger/2026/periods/lock`, {
      token,
      body: { period: '2026-13', reason: 'x' },
    });
    expect(refused.status).toBe(400);
    expect(await audits()).toEqual(before);
  });
});
