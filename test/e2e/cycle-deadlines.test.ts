import { publishAggregate, settleDeadline } from '@finsam/cycle';
import type { Runtime } from '@finsam/local';
import { createStores, type Stores } from '@finsam/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewer } from '../support/cycle.ts';
import { call, login, startTestRuntime } from '../support/runtime.ts';

/**
 * Issue 10 point 4: a deadline is judged once, and never both ways. The rule: a deadline is
 * judged by the decision's decidedAt; until a decision exists, by today. Each ordering of "the
 * daily check runs" and "the board's decision is recorded" is driven deliberately: the
 * scheduler's own timer is stopped, so the daily check runs only when the test says so.
 */
let runtime: Runtime;
let stores: Stores;
const base = '/api/forbund/exempeldalen';
const partition = 'T#exempeldalen' as never;
const members = ['fk', 'af', 'region', 'alfa', 'beta'];
const budget = {
  frame: '4000000.00',
  areas: { styrelse: '200000.00', administration: '1800000.00', revision: '100000.00' },
  insatser: [{ id: 'steget', name: 'Steget vidare', amount: '1900000.00' }],
};

beforeAll(async () => {
  runtime = await startTestRuntime({ cycle: true });
  // Only explicit runs from here on: the orderings below are the point of the test.
  await runtime.cycle?.scheduler.stop();
  stores = createStores(runtime.table);
});
afterAll(() => runtime?.stop());

const daily = () => runtime.cycle?.scheduler.runNow() as Promise<string[]>;

/** The planning year is open (the daily work opens it from August) and has a budget draft. */
async function draftBudget(year: number) {
  runtime.clock.set(new Date(`${year - 1}-09-01T08:00:00Z`));
  await daily();
  const reply = await call(runtime, 'PUT', `${base}/budgets/${year}`, {
    token: await login(runtime, 'ekonom'),
    body: { ...budget, expectedVersion: 0 },
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
}

async function adopt(year: number, decidedAt: string) {
  const reply = await call(runtime, 'POST', `${base}/budgets/${year}/adoption`, {
    token: await login(runtime, 'styrelse'),
    body: { decisionReference: `Styrelsen ${decidedAt.slice(0, 10)} § 7`, decidedAt },
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
}

/** Every deadline event of the year, per member, in the member's order. */
async function deadlineEvents(year: number) {
  const byMember: Record<string, { type: string; payload: Record<string, unknown>; sequence: number }[]> = {};
  for (const memberId of members) {
    const page = await stores.outbox.forMember(viewer, 'exempeldalen', memberId, { limit: 500 });
    byMember[memberId] = page.items
      .filter((event) => event.type.startsWith('deadline.') && event.payload.year === year)
      .sort((a, b) => a.sequence - b.sequence)
      .map(({ type, payload, sequence }) => ({ type, payload, sequence }));
  }
  return byMember;
}

async function nationalView(year: number) {
  const reply = await call(runtime, 'GET', `/api/national/${year}`, { token: await login(runtime, 'nationell') });
  expect(reply.status).toBe(200);
  return reply.body.items.find((item: { forbundId: string }) => item.forbundId === 'exempeldalen');
}

async function steps(year: number) {
  return (await stores.cycles.get(partition, year))?.steps ?? {};
}

// The scenarios' budget years are three apart, so no year adopted in one is running its
// avräkningar or closing while another is checked.
describe('an on-time decision recorded after the daily check had recorded the deadline as missed', () => {
  const year = 2031;
  it('corrects the miss: members are told it was met, the national view says on time and not missed', async () => {
    await draftBudget(year);
    // 2 December: the daily check finds no adoption of the budget due 30 November.
    runtime.clock.set(new Date(`${year - 1}-12-02T07:00:00Z`));
    expect(await daily()).toContain(
      `${year - 1}-12-02 exempeldalen: budget ${year}: sista dag ${year - 1}-11-30 missad`,
    );
    expect(await nationalView(year)).toMatchObject({
      budget: { adopted: false, onTime: false },
      deadlinesMissed: [`budget ${year - 1}-11-30`],
    });

    // The board decided on 28 November; the decision is entered on 3 December.
    runtime.clock.set(new Date(`${year - 1}-12-03T09:00:00Z`));
    const adoption = await adopt(year, `${year - 1}-11-28T15:00:00+01:00`);
    expect(adoption.onTime).toBe(true);

    const state = await steps(year);
    expect(state['deadline.budget']?.detail).toBe('ej antagen');
    expect(state['deadline.budget.corrected']?.detail).toBe(
      `beslut ${year - 1}-11-28, i tid; rättelse till 5 medlemmar`,
    );
    const events = await deadlineEvents(year);
    for (const memberId of members) {
      expect(
        events[memberId]?.map(({ type, payload }) => [type, payload]),
        memberId,
      ).toEqual([
        ['deadline.missed', { year, deadline: 'budget', dueDate: `${year - 1}-11-30` }],
        [
          'deadline.met',
          {
            year,
            deadline: 'budget',
            dueDate: `${year - 1}-11-30`,
            decidedOn: `${year - 1}-11-28`,
            corrects: `deadline.missed:${year}:budget:${memberId}`,
            reference: `Styrelsen ${year - 1}-11-28 § 7`,
          },
        ],
      ]);
    }
    const national = await nationalView(year);
    expect(national).toMatchObject({ budget: { adopted: true, onTime: true }, deadlinesMissed: [] });

    // Later checks change nothing: the miss and its correction were told once.
    runtime.clock.set(new Date(`${year - 1}-12-04T07:00:00Z`));
    expect((await daily()).filter((line) => line.includes(`budget ${year}`))).toEqual([]);
    expect(await deadlineEvents(year)).toEqual(events);
    expect(await nationalView(year)).toMatchObject({ budget: { onTime: true }, deadlinesMissed: [] });
  });

  it('reaches the member’s system through the pull API with the v1 schema of deadline.met', async () => {
    const reply = await call(runtime, 'GET', `${base}/members/alfa/events?limit=100`, {
      token: await login(runtime, 'medlem'),
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const met = reply.body.items.filter((item: { type: string }) => item.type === 'deadline.met');
    expect(met).toHaveLength(1);
    expect(met[0]).toMatchObject({
      type: 'deadline.met',
      version: 1,
      data: { year, deadline: 'budget', corrects: `deadline.missed:${year}:budget:alfa` },
    });
  });
});

describe('a late decision recorded before the daily check', () => {
  const year = 2034;
  it('is recorded as missed once, told once, and shown as missed to the national view', async () => {
    await draftBudget(year);
    // Decided and entered on 3 December, before any daily check after the deadline.
    runtime.clock.set(new Date(`${year - 1}-12-03T09:00:00Z`));
    const adoption = await adopt(year, `${year - 1}-12-02T18:00:00+01:00`);
    expect(adoption.onTime).toBe(false);
    expect((await steps(year))['deadline.budget']?.detail).toBe('sent antagen');

    await daily();
    runtime.clock.set(new Date(`${year - 1}-12-04T07:00:00Z`));
    await daily();
    const state = await steps(year);
    expect(state['deadline.budget']?.detail).toBe('sent antagen');
    expect(state['deadline.budget.corrected']).toBeUndefined();
    const events = await deadlineEvents(year);
    for (const memberId of members)
      expect(
        events[memberId]?.map(({ type, payload }) => [type, payload]),
        memberId,
      ).toEqual([['deadline.missed', { year, deadline: 'budget', dueDate: `${year - 1}-11-30` }]]);
    expect(await nationalView(year)).toMatchObject({
      budget: { adopted: true, onTime: false },
      deadlinesMissed: [`budget ${year - 1}-11-30`],
    });
  });
});

describe('a late decision recorded after the daily check had recorded the deadline as missed', () => {
  const year = 2037;
  it('stays missed: no correction, no second notice', async () => {
    await draftBudget(year);
    runtime.clock.set(new Date(`${year - 1}-12-02T07:00:00Z`));
    await daily();
    runtime.clock.set(new Date(`${year - 1}-12-05T09:00:00Z`));
    const adoption = await adopt(year, `${year - 1}-12-04T10:00:00+01:00`);
    expect(adoption.onTime).toBe(false);
    runtime.clock.set(new Date(`${year - 1}-12-06T07:00:00Z`));
    await daily();

    const state = await steps(year);
    expect(state['deadline.budget']?.detail).toBe('ej antagen');
    expect(state['deadline.budget.corrected']).toBeUndefined();
    const events = await deadlineEvents(year);
    for (const memberId of members)
      expect(
        events[memberId]?.map(({ type }) => type),
        memberId,
      ).toEqual(['deadline.missed']);
    expect(await nationalView(year)).toMatchObject({
      budget: { adopted: true, onTime: false },
      deadlinesMissed: [`budget ${year - 1}-11-30`],
    });
  });
});

describe('the race itself: a daily check that read the records just before an on-time decision was recorded', () => {
  const year = 2040;
  it('ends corrected, and a judgement made without the decision cannot overwrite one made on it', async () => {
    await draftBudget(year);
    runtime.clock.set(new Date(`${year - 1}-12-02T09:00:00Z`));
    // The decision is recorded first; no miss has been recorded, so there is nothing to correct.
    await adopt(year, `${year - 1}-11-27T11:00:00+01:00`);
    expect((await steps(year))['deadline.budget']).toBeUndefined();

    // The daily check that had read "no adoption" before that now records and tells the miss.
    let stale = 1;
    const budgets = Object.create(stores.budgets) as Stores['budgets'];
    budgets.adoptions = async (...args) => (stale-- > 0 ? [] : stores.budgets.adoptions(...args));
    const racing = { stores: { ...stores, budgets }, now: runtime.clock.now };
    await settleDeadline(racing, 'exempeldalen', year, 'budget');

    const state = await steps(year);
    expect(state['deadline.budget']?.detail).toBe('ej antagen');
    expect(state['deadline.budget.corrected']).toBeDefined();
    const events = await deadlineEvents(year);
    for (const memberId of members)
      expect(
        events[memberId]?.map(({ type }) => type),
        memberId,
      ).toEqual(['deadline.missed', 'deadline.met']);
    expect(await nationalView(year)).toMatchObject({ budget: { adopted: true, onTime: true }, deadlinesMissed: [] });

    // A publication judged on records read before the decision arrives last: it is stale.
    const blind = Object.create(stores.budgets) as Stores['budgets'];
    blind.adoptions = async () => [];
    await publishAggregate({ stores: { ...stores, budgets: blind }, now: runtime.clock.now }, 'exempeldalen', year, {
      budget: { adopted: false, onTime: false, preliminaryOnly: false },
    });
    expect(await nationalView(year)).toMatchObject({ budget: { adopted: true, onTime: true }, deadlinesMissed: [] });
    expect((await deadlineEvents(year)).fk).toHaveLength(2);
  });
});
