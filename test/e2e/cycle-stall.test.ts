import { type CyclePayload, type CycleResult, isHumanStepSatisfied } from '@finsam/cycle';
import { inProcessDriver, type Runtime } from '@finsam/local';
import { createStores, type Stores } from '@finsam/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestRuntime } from '../support/runtime.ts';

/**
 * Issue 11 point 6: a cycle that cannot stall. The real definitions run in aws-local-stepfunctions
 * with every Task state mapped to the task function's own handler (handleCyclePayload), tokens
 * included: a waiting step moves only when its token is completed, as in AWS — the runner's
 * polling of the records is off, and the nightly run is stopped, so each test says what moves a
 * step. Waits time out on the virtual clock. Faults are injected in front of the real handler,
 * where Lambda would fail. The scenarios' budget years lie apart, so none touches another's.
 */
let runtime: Runtime;
let stores: Stores;
const forbundId = 'exempeldalen';
const base = `/api/forbund/${forbundId}`;
const partition = 'T#exempeldalen' as never;
const members = ['fk', 'af', 'region', 'alfa', 'beta'];
const budget = {
  frame: '4000000.00',
  areas: { styrelse: '200000.00', administration: '1800000.00', revision: '100000.00' },
  insatser: [{ id: 'steget', name: 'Steget vidare', amount: '1900000.00' }],
};

/** Failures still to inject, by `<task or step>:<year>`: the Lambda invocation fails that often. */
const faults = new Map<string, number>();
async function taskFunction(payload: CyclePayload, run: () => Promise<CycleResult>) {
  const work = payload.kind === 'task' ? payload.task : payload.kind === 'await' ? `await:${payload.step}` : '';
  const key = `${work}:${payload.year}`;
  const left = faults.get(key) ?? 0;
  if (left > 0) {
    faults.set(key, left - 1);
    throw new Error(`injected failure of ${key}`);
  }
  return run();
}

beforeAll(async () => {
  runtime = await startTestRuntime({
    cycle: true,
    cycleRunner: { pollHumanSteps: false, retryIntervalMs: 5, taskFunction },
  });
  // No nightly run unless a test asks for one: what moves a step is the point.
  await runtime.cycle?.scheduler.stop();
  stores = createStores(runtime.table);
  const driver = inProcessDriver(runtime);
  for (const memberId of members)
    await driver.addUser({
      username: `rep-${memberId}`,
      name: `Representant ${memberId}`,
      roles: ['member-rep'],
      forbundId,
      memberId,
    });
});
afterAll(() => runtime?.stop());

const runner = () => runtime.cycle?.runner as NonNullable<Runtime['cycle']>['runner'];
const cycleState = async (year: number) => stores.cycles.get(partition, year);

/** Waits (real time) until the condition holds; the runner works in the background. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined | false>): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > 20_000) throw new Error(`waited in vain for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const tokenOf = (year: number, step: string) =>
  eventually(`the ${step} token of ${year}`, async () => (await cycleState(year))?.tokens[step]);
const stepOf = (year: number, step: string) =>
  eventually(`step ${step} of ${year}`, async () => (await cycleState(year))?.steps[step]);

async function openSamrad(year: number) {
  const ekonom = await login(runtime, 'ekonom');
  const draft = await call(runtime, 'PUT', `${base}/budgets/${year}`, {
    token: ekonom,
    body: { ...budget, expectedVersion: 0 },
  });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  const opened = await call(runtime, 'POST', `${base}/budgets/${year}/samrad`, { token: ekonom });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
}

async function answer(year: number, memberId: string) {
  const reply = await call(runtime, 'POST', `${base}/budgets/${year}/samrad/answers/${memberId}`, {
    token: await login(runtime, `rep-${memberId}`),
    body: { answer: 'agree' },
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
}

describe('human acts complete their step at once, judged by the charter that governs the year', () => {
  const year = 2027;

  it('moves from samråd to a published budget on the people’s acts alone, with no nightly run', async () => {
    runtime.clock.set(new Date(`${year - 1}-08-02T08:00:00Z`));
    await runner().start('planning', forbundId, year);
    const opening = await tokenOf(year, 'samrad.opened');
    await openSamrad(year);
    // Opening the samråd completed its step: the execution now waits for the answers.
    await tokenOf(year, 'samrad.answered');
    expect((await cycleState(year))?.tokens['samrad.opened']).toBe(opening);

    // A kommun joins from next year, in a new charter version decided now.
    const admin = await login(runtime, 'forbundsadmin');
    const { body: charter } = await call(runtime, 'GET', `${base}/charter`, { token: admin });
    const { version, forbundId: _f, createdAt: _c, createdBy: _b, ...document } = charter;
    const joined = await call(runtime, 'PUT', `${base}/charter`, {
      token: admin,
      body: {
        ...document,
        members: [
          ...document.members,
          {
            ...document.members.find((member: { type: string }) => member.type === 'kommun'),
            id: 'gamma',
            name: 'Gamma kommun',
            organisationsnummer: '212000-1124',
          },
        ],
        effectiveFrom: `${year + 1}-01-01`,
        decisionReference: 'Medlemsråd 2026-09-15 § 3',
        expectedVersion: version,
      },
    });
    expect(joined.status, JSON.stringify(joined.body)).toBe(201);

    runtime.clock.set(new Date(`${year - 1}-10-10T09:00:00Z`));
    for (const memberId of members) await answer(year, memberId);
    // Every member of the year's charter answered: the new kommun, which never could, holds nothing.
    await tokenOf(year, 'budget.adopted');
    expect(await isHumanStepSatisfied(stores, forbundId, year, 'samrad.answered', runtime.clock.now())).toBe(true);

    runtime.clock.set(new Date(`${year - 1}-11-20T14:00:00Z`));
    const adopted = await call(runtime, 'POST', `${base}/budgets/${year}/adoption`, {
      token: await login(runtime, 'styrelse'),
      body: { decisionReference: `Styrelsen ${year - 1}-11-20 § 7` },
    });
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(201);
    expect((await stepOf(year, 'budget.published')).detail).toBe('i tid');
    await runner().finished('planning', forbundId, year);
    expect(await stores.executions.get(partition, 'planning', year)).toMatchObject({ status: 'succeeded' });
  });
});

describe('a board that adopts before every member has answered', () => {
  const year = 2033;

  it('closes the samråd by its decision: the execution goes on to publish, without escalating', async () => {
    runtime.clock.set(new Date(`${year - 1}-08-02T08:00:00Z`));
    await runner().start('planning', forbundId, year);
    await tokenOf(year, 'samrad.opened');
    await openSamrad(year);
    await tokenOf(year, 'samrad.answered');
    await answer(year, 'fk');
    // Two months before the samråd deadline, one answer of five.
    runtime.clock.set(new Date(`${year - 1}-09-01T10:00:00Z`));
    const adopted = await call(runtime, 'POST', `${base}/budgets/${year}/adoption`, {
      token: await login(runtime, 'styrelse'),
      body: { decisionReference: `Styrelsen ${year - 1}-09-01 § 3` },
    });
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(201);
    await stepOf(year, 'budget.published');
    await runner().finished('planning', forbundId, year);
    expect(await stores.executions.get(partition, 'planning', year)).toMatchObject({ status: 'succeeded' });
    expect(Object.keys((await cycleState(year))?.steps ?? {}).some((step) => step.includes('escalat'))).toBe(false);
  });
});

describe('a wait that reaches its timeout', () => {
  const year = 2031;

  it('escalates: recorded in the cycle state, on the förbund’s task list, and the execution succeeds', async () => {
    runtime.clock.set(new Date(`${year - 1}-08-02T08:00:00Z`));
    await runner().start('planning', forbundId, year);
    await tokenOf(year, 'samrad.opened');
    // Nobody opens the samråd: its deadline (31 October) and the week's margin pass.
    runtime.clock.set(new Date(`${year - 1}-11-08T12:00:00Z`));
    const stop = await stepOf(year, 'planning.escalated.1.AwaitSamradOpened');
    expect(stop.detail).toBe(
      `Årscykeln väntar fortfarande på att budgetförslaget skickas på samråd (sista dag ${year - 1}-10-31).`,
    );
    await runner().finished('planning', forbundId, year);
    expect(await stores.executions.get(partition, 'planning', year)).toMatchObject({ status: 'succeeded' });

    const timeline = await call(runtime, 'GET', `${base}/cycle/${year}`, { token: await login(runtime, 'ekonom') });
    expect(timeline.body.tasks).toContainEqual({ text: stop.detail, overdue: true });
  });

  it('resumes in a new execution at the step it stopped at, on the next nightly run', async () => {
    const before = (await cycleState(year))?.tokens['samrad.opened'];
    await runtime.cycle?.scheduler.runNow();
    await stepOf(year, 'planning.resumed.1');
    expect(await stores.executions.get(partition, 'planning', year, 2)).toMatchObject({
      status: 'running',
      resumeAt: 'AwaitSamradOpened',
    });
    await eventually('a new wait', async () => (await cycleState(year))?.tokens['samrad.opened'] !== before);

    // The samråd opens late; its deadline has passed, so the answers step moves at once.
    await openSamrad(year);
    await tokenOf(year, 'budget.adopted');
    const timeline = await call(runtime, 'GET', `${base}/cycle/${year}`, { token: await login(runtime, 'ekonom') });
    expect(timeline.body.tasks.some((task: { text: string }) => task.text.startsWith('Årscykeln'))).toBe(false);
    // A second nightly run starts nothing again.
    await runtime.cycle?.scheduler.runNow();
    expect(await stores.executions.get(partition, 'planning', year, 3)).toBeUndefined();
  });
});

describe('a task whose invocation fails', () => {
  it('is retried, and goes on when a retry succeeds (a task, and the saving of a token)', async () => {
    const year = 2034;
    faults.set(`openYear:${year}`, 2);
    faults.set(`await:samrad.opened:${year}`, 1);
    runtime.clock.set(new Date(`${year - 1}-08-02T08:00:00Z`));
    await runner().start('planning', forbundId, year);
    await tokenOf(year, 'samrad.opened');
    expect(faults.get(`openYear:${year}`)).toBe(0);
    expect(faults.get(`await:samrad.opened:${year}`)).toBe(0);
    const steps = Object.keys((await cycleState(year))?.steps ?? {});
    expect(steps).toContain('planning.started');
    expect(steps.filter((step) => step.includes('escalated'))).toEqual([]);
  });

  it('escalates when every retry fails, and the execution succeeds', async () => {
    const year = 2035;
    faults.set(`openYear:${year}`, 100);
    await runner().start('planning', forbundId, year);
    const stop = await stepOf(year, 'planning.escalated.1.OpenYear');
    expect(stop.detail).toContain('Årscykeln kunde inte genomföra öppnandet av budgetåret');
    await runner().finished('planning', forbundId, year);
    expect(await stores.executions.get(partition, 'planning', year)).toMatchObject({ status: 'succeeded' });
    // The definition's Retry: the first attempt and four retries.
    expect(faults.get(`openYear:${year}`)).toBe(95);
    faults.delete(`openYear:${year}`);
  });
});

describe('a wait that reaches the end of its execution’s year', () => {
  const year = 2038;

  it('continues in a new execution from the cycle state, without escalating', async () => {
    // Started more than a year before its samråd deadline (31 October 2037): the wait is capped
    // by the year a Standard execution may live.
    runtime.clock.set(new Date('2036-09-01T08:00:00Z'));
    await runner().start('planning', forbundId, year);
    const first = await tokenOf(year, 'samrad.opened');
    runtime.clock.set(new Date('2037-08-31T08:00:00Z'));
    await stepOf(year, 'planning.continued.1.AwaitSamradOpened');
    await runner().finished('planning', forbundId, year);
    const timeline = await call(runtime, 'GET', `${base}/cycle/${year}`, { token: await login(runtime, 'ekonom') });
    expect(timeline.body.tasks.some((task: { text: string }) => task.text.startsWith('Årscykeln'))).toBe(false);

    await runtime.cycle?.scheduler.runNow();
    await stepOf(year, 'planning.resumed.1');
    expect(await stores.executions.get(partition, 'planning', year, 2)).toMatchObject({ status: 'running' });
    await eventually(
      'the next execution’s wait',
      async () => (await cycleState(year))?.tokens['samrad.opened'] !== first,
    );
  });
});
