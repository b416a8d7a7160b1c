import type { Runtime } from '@finsam/local';
import { createStores } from '@finsam/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewer } from '../support/cycle.ts';
import { allItems, call, login, startTestRuntime } from '../support/runtime.ts';

/** Issue 4's refusals and missed deadlines, over HTTP with the cycle running. */
let runtime: Runtime;
const base = '/api/forbund/exempeldalen';
const budget = {
  frame: '4000000.00',
  areas: { styrelse: '200000.00', administration: '1800000.00', revision: '100000.00' },
  insatser: [{ id: 'steget', name: 'Steget vidare', amount: '1900000.00' }],
};

beforeAll(async () => {
  runtime = await startTestRuntime({ cycle: true });
});
afterAll(() => runtime?.stop());

describe('refusals', () => {
  it('refuses a settlement for a locked period with 409 and the reason, writing nothing', async () => {
    runtime.clock.set(new Date('2026-11-20T10:00:00Z'));
    const ekonom = await login(runtime, 'ekonom');
    await call(runtime, 'PUT', `${base}/budgets/2027`, { token: ekonom, body: { ...budget, expectedVersion: 0 } });
    const adopted = await call(runtime, 'POST', `${base}/budgets/2027/adoption`, {
      token: await login(runtime, 'styrelse'),
      body: { decisionReference: 'Styrelsen 2026-11-20 § 7' },
    });
    expect(adopted.status).toBe(201);
    const locked = await call(runtime, 'POST', `${base}/ledger/2027/periods/lock`, {
      token: ekonom,
      body: { period: '2027-01', reason: 'Januari stängd i förväg för revisionens stickprov' },
    });
    expect(locked.status).toBe(200);
    const before = await allItems(runtime);
    const run = await call(runtime, 'POST', `${base}/avrakning/2027/1/run`, { token: ekonom });
    expect(run.status).toBe(409);
    expect(run.body.detail).toContain('revisionens stickprov');
    expect(await allItems(runtime)).toEqual(before);
  });

  it('refuses an ansvarsfrihet decision by anyone but the member’s own representative', async () => {
    const before = await allItems(runtime);
    const decision = { decision: 'granted', decidedOn: '2028-04-20', decisionReference: 'KF 2028-04-20 § 12' };
    const otherMember = await call(runtime, 'POST', `${base}/closing/2027/discharge/beta`, {
      token: await login(runtime, 'medlem'),
      body: decision,
    });
    expect(otherMember.status).toBe(403);
    for (const user of ['ekonom', 'styrelse', 'revisor']) {
      const reply = await call(runtime, 'POST', `${base}/closing/2027/discharge/alfa`, {
        token: await login(runtime, user),
        body: decision,
      });
      expect(reply.status, user).toBe(403);
    }
    expect(await allItems(runtime)).toEqual(before);
  });
});

describe('a missed budget deadline', () => {
  it('is recorded once, told to every member and shown to the national view', async () => {
    // Year 2028: a draft exists but the board never adopts it.
    runtime.clock.set(new Date('2027-09-01T08:00:00Z'));
    await call(runtime, 'PUT', `${base}/budgets/2028`, {
      token: await login(runtime, 'ekonom'),
      body: { ...budget, expectedVersion: 0 },
    });
    runtime.clock.set(new Date('2027-11-30T22:59:00Z'));
    await runtime.cycle?.scheduler.runNow();
    const stores = createStores(runtime.table);
    expect((await stores.cycles.get('T#exempeldalen' as never, 2028))?.steps['deadline.budget']).toBeUndefined();

    runtime.clock.set(new Date('2027-11-30T23:00:00Z'));
    await runtime.cycle?.scheduler.runNow();
    await runtime.cycle?.scheduler.runNow();
    const state = await stores.cycles.get('T#exempeldalen' as never, 2028);
    expect(state?.steps['deadline.budget']?.detail).toBe('ej antagen');
    const events = await stores.outbox.forMember(viewer, 'exempeldalen', 'fk', { limit: 100 });
    const missed = events.items.filter((event) => event.type === 'deadline.missed');
    expect(missed.map((event) => event.payload)).toEqual([{ year: 2028, deadline: 'budget', dueDate: '2027-11-30' }]);
    const national = await call(runtime, 'GET', '/api/national/2028', { token: await login(runtime, 'nationell') });
    expect(national.body.items[0]).toMatchObject({
      budget: { adopted: false, onTime: false },
      deadlinesMissed: ['budget 2027-11-30'],
    });
  });
});

describe('reminders and escalation', () => {
  it('puts a reminder on the task list before the samråd deadline and the overdue item after', async () => {
    runtime.clock.set(new Date('2028-10-20T08:00:00Z'));
    await call(runtime, 'PUT', `${base}/budgets/2029`, {
      token: await login(runtime, 'ekonom'),
      body: { ...budget, expectedVersion: 0 },
    });
    await call(runtime, 'POST', `${base}/budgets/2029/samrad`, { token: await login(runtime, 'ekonom') });
    await runtime.cycle?.scheduler.runNow();
    const before = await call(runtime, 'GET', `${base}/cycle/2029`, { token: await login(runtime, 'ekonom') });
    expect(before.body.tasks.map((task: { text: string }) => task.text)).toContain(
      'Påminnelse: samrådssvar från medlemmarna senast 2028-10-31',
    );
    runtime.clock.set(new Date('2028-11-02T08:00:00Z'));
    await runtime.cycle?.scheduler.runNow();
    const after = await call(runtime, 'GET', `${base}/cycle/2029`, { token: await login(runtime, 'ekonom') });
    expect(after.body.tasks).toContainEqual({
      text: 'Försenat: samrådssvar från medlemmarna (sista dag 2028-10-31)',
      due: '2028-10-31',
      overdue: true,
    });
  });
});
