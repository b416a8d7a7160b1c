import type { Runtime } from '@finsam/local';
import { createStores } from '@finsam/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allItems, call, login, otherForbundBody, startTestRuntime } from '../support/runtime.ts';

/** The planning year over HTTP: budget versions, samråd, adoption by 30 November (Stockholm). */
let runtime: Runtime;
let ekonom: string;
let styrelse: string;
const base = '/api/forbund/exempeldalen/budgets/2027';
const balanced = {
  frame: '4000000.00',
  plannedEquityUse: '150000.00',
  areas: { styrelse: '180000.00', administration: '1450000.00', revision: '95000.00' },
  insatser: [
    { id: 'steget', name: 'Steget vidare', amount: '1425000.00', ownerMemberId: 'alfa' },
    { id: 'unga', name: 'Unga i arbete', amount: '1000000.00', ownerMemberId: 'region' },
  ],
  plan: 'Insatser för unga vuxna och för personer långt från arbetsmarknaden.',
};

beforeAll(async () => {
  runtime = await startTestRuntime();
  ekonom = await login(runtime, 'ekonom');
  styrelse = await login(runtime, 'styrelse');
});
afterAll(() => runtime?.stop());

describe('budget and samråd', () => {
  it('keeps budget versions, computes each member’s contribution, and refuses adopting one that does not balance', async () => {
    runtime.clock.set(new Date('2026-09-15T08:00:00Z'));
    const unbalanced = await call(runtime, 'PUT', base, {
      token: ekonom,
      body: { ...balanced, plannedEquityUse: '0.00', expectedVersion: 0 },
    });
    expect(unbalanced.status).toBe(201);
    const before = await allItems(runtime);
    const refused = await call(runtime, 'POST', `${base}/adoption`, {
      token: styrelse,
      body: { decisionReference: 'Styrelsen 2026-09-15 § 4' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].message).toMatch(/150\s000,00/);
    expect(await allItems(runtime)).toEqual(before);

    const fixed = await call(runtime, 'PUT', base, { token: ekonom, body: { ...balanced, expectedVersion: 1 } });
    expect(fixed.body.version).toBe(2);
    const year = await call(runtime, 'GET', base, { token: ekonom });
    expect(year.body.balanceIssues).toEqual([]);
    expect(
      Object.fromEntries(
        year.body.contributions.map((c: { memberId: string; amount: string }) => [c.memberId, c.amount]),
      ),
    ).toEqual({
      fk: '2000000.00',
      af: '0.00',
      region: '1000000.00',
      alfa: '750000.00',
      beta: '250000.00',
    });
  });

  it('lets only a member’s own representative answer, and records a late answer as late', async () => {
    const opened = await call(runtime, 'POST', `${base}/samrad`, { token: ekonom });
    expect(opened.status).toBe(201);
    expect(opened.body.deadline).toBe('2026-10-31');

    const medlem = await login(runtime, 'medlem');
    const forOther = await call(runtime, 'POST', `${base}/samrad/answers/beta`, {
      token: medlem,
      body: { answer: 'agree' },
    });
    expect(forOther.status).toBe(403);
    const byStaff = await call(runtime, 'POST', `${base}/samrad/answers/alfa`, {
      token: ekonom,
      body: { answer: 'agree' },
    });
    expect(byStaff.status).toBe(403);

    const onTime = await call(runtime, 'POST', `${base}/samrad/answers/alfa`, {
      token: medlem,
      body: { answer: 'comments', comments: 'Vi vill se en plan för utvärdering av Steget vidare.' },
    });
    expect(onTime.body.late).toBe(false);
    const twice = await call(runtime, 'POST', `${base}/samrad/answers/alfa`, {
      token: medlem,
      body: { answer: 'agree' },
    });
    expect(twice.status).toBe(409);

    const stores = createStores(runtime.table);
    await stores.users.add(
      {
        username: 'beta-rep',
        name: 'Beta',
        passwordHash: (await stores.users.find('medlem'))!.passwordHash,
        roles: ['member-rep'],
        forbundId: 'exempeldalen',
        memberId: 'beta',
      },
      runtime.clock.now(),
    );
    // 31 October 23:59 Stockholm is the last minute; 1 November 00:00 is late.
    runtime.clock.set(new Date('2026-10-31T23:00:00Z'));
    const late = await call(runtime, 'POST', `${base}/samrad/answers/beta`, {
      token: await login(runtime, 'beta-rep'),
      body: { answer: 'agree' },
    });
    expect(late.body.late).toBe(true);
  });
});

describe('the budget deadline, 30 November in Stockholm', () => {
  it('is met by a decision at 23:59 on 30 November and missed at 00:00 on 1 December', async () => {
    runtime.clock.set(new Date('2026-12-02T09:00:00Z'));
    // Tokens live an hour of the runtime's clock; moving the clock means signing in again.
    styrelse = await login(runtime, 'styrelse');
    ekonom = await login(runtime, 'ekonom');
    const onTime = await call(runtime, 'POST', `${base}/adoption`, {
      token: styrelse,
      body: { decisionReference: 'Styrelsen 2026-11-30 § 9', decidedAt: '2026-11-30T22:59:00Z' },
    });
    expect(onTime.status).toBe(201);
    expect(onTime.body).toMatchObject({ onTime: true, deadline: '2026-11-30', budgetVersion: 2 });
    const again = await call(runtime, 'POST', `${base}/adoption`, {
      token: styrelse,
      body: { decisionReference: 'Styrelsen 2026-12-01 § 1' },
    });
    expect(again.status).toBe(409);
    // Adopted, the budget is the board's decision: no new draft version on top of it.
    const redraft = await call(runtime, 'PUT', base, { token: ekonom, body: { ...balanced, expectedVersion: 2 } });
    expect(redraft.status).toBe(409);
    expect(redraft.body.detail).toBe(
      'Budgeten för 2027 är antagen av styrelsen (Styrelsen 2026-11-30 § 9) och kan inte längre ändras.',
    );
    expect((await call(runtime, 'GET', base, { token: ekonom })).body.current.version).toBe(2);

    const admin = await login(runtime, 'admin');
    const other = (await call(runtime, 'POST', '/api/forbund', { token: admin, body: otherForbundBody() })).body.id;
    const otherBase = `/api/forbund/${other}/budgets/2027`;
    await call(runtime, 'PUT', otherBase, { token: admin, body: { ...balanced, expectedVersion: 0 } }).then((reply) =>
      expect(reply.status).toBe(403),
    );
    const stores = createStores(runtime.table);
    await stores.users.add(
      {
        username: 'andra-admin',
        name: 'Andra',
        passwordHash: (await stores.users.find('medlem'))!.passwordHash,
        roles: ['forbund-admin'],
        forbundId: other,
      },
      runtime.clock.now(),
    );
    const otherAdmin = await login(runtime, 'andra-admin');
    await call(runtime, 'PUT', otherBase, {
      token: otherAdmin,
      body: { ...balanced, insatser: [{ id: 'x', name: 'X', amount: '2425000.00' }], expectedVersion: 0 },
    });
    const late = await call(runtime, 'POST', `${otherBase}/adoption`, {
      token: otherAdmin,
      body: { decisionReference: 'Styrelsen 2026-12-01 § 2', decidedAt: '2026-11-30T23:00:00Z' },
    });
    expect(late.status).toBe(201);
    expect(late.body.onTime).toBe(false);
  });

  it('records a preliminary budget as never meeting the deadline', async () => {
    // Checked through the stored adoption of another year of the demo förbund.
    await call(runtime, 'PUT', '/api/forbund/exempeldalen/budgets/2028', {
      token: ekonom,
      body: { ...balanced, expectedVersion: 0 },
    });
    const preliminary = await call(runtime, 'POST', '/api/forbund/exempeldalen/budgets/2028/adoption', {
      token: styrelse,
      body: { kind: 'preliminary', decisionReference: 'Styrelsen 2026-11-20 § 3', decidedAt: '2026-11-20T10:00:00Z' },
    });
    expect(preliminary.body).toMatchObject({ adoptionKind: 'preliminary', onTime: false });
  });

  it('publishes each member’s contribution schedule after the final adoption', async () => {
    const stores = createStores(runtime.table);
    const principal = { subject: 't', name: 't', roles: ['platform-admin' as const] };
    const fk = await stores.outbox.forMember(principal, 'exempeldalen', 'fk', {});
    const types = fk.items.map((event) => event.type);
    expect(types).toEqual(['samrad.opened', 'budget.adopted', 'contribution.scheduled']);
    const schedule = fk.items[2]?.payload as { installments: { amount: string }[]; total: string };
    expect(schedule.installments.map((m) => m.amount)).toEqual([...Array(11).fill('166666.67'), '166666.63']);
    expect(schedule.total).toBe('2000000.00');
  });
});
