import type { Runtime } from '@finsam/local';
import { createStores } from '@finsam/store';
import { call, login } from '../../support/runtime.ts';
import { demo_forbund_id } from './portal.ts';

/**
 * Driving the annual cycle through the API, for the steps a test does not show in the browser:
 * the other members' answers and decisions, the months of avräkning, the bokslut. It acts as
 * the people would (packages/local simulate.ts), through the same routes and the same scheduler.
 */

export const budget_year = 2027;
export const base = `/api/forbund/${demo_forbund_id}`;

/** DOMAIN.md's worked example: 4 000 000 kr, balanced to the öre. */
export const balanced_budget = {
  frame: '4000000.00',
  plannedEquityUse: '0.00',
  areas: { styrelse: '180000.00', administration: '1400000.00', revision: '95000.00' },
  insatser: [{ id: 'steget', name: 'Steget vidare', amount: '2325000.00' }],
  plan: 'Samverkan för personer långt från arbetsmarknaden.',
};

/** The demo förbund's members besides Alfa kommun, whose representative is the demo user "medlem". */
export const other_members = ['fk', 'af', 'region', 'beta'] as const;
export const representative = (memberId: string) => `rep-${memberId}`;

/** Longest real-time wait for a state machine to reach a step, and how often to look. */
const step_wait_ms = 30_000;
const step_poll_ms = 200;

/** Representatives for the other members, in the local user directory (Cognito holds them in AWS). */
export async function addRepresentatives(runtime: Runtime) {
  const stores = createStores(runtime.table);
  const passwordHash = (await stores.users.find('medlem'))?.passwordHash;
  if (!passwordHash) throw new Error('the demo user "medlem" is missing');
  for (const memberId of other_members)
    if (!(await stores.users.find(representative(memberId))))
      await stores.users.add(
        {
          username: representative(memberId),
          name: `Representant för ${memberId}`,
          passwordHash,
          roles: ['member-rep'],
          forbundId: demo_forbund_id,
          memberId,
        },
        runtime.clock.now(),
      );
}

/** One API call as `username`, signed in at the virtual clock's present; any answer but 2xx fails the test. */
export async function act(runtime: Runtime, username: string, method: string, path: string, body?: unknown) {
  const reply = await call(runtime, method, base + path, { token: await login(runtime, username), body });
  if (reply.status >= 300)
    throw new Error(`${method} ${path} as ${username}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** Moves the virtual clock and runs the day's work, as the scheduler does at each new day. */
export async function dayOf(runtime: Runtime, instant: string) {
  runtime.clock.set(new Date(instant));
  return runtime.cycle?.scheduler.runNow();
}

/** Waits until the cycle has done `step` for the year (a state machine runs on its own). */
export async function stepDone(runtime: Runtime, step: string, year = budget_year) {
  const started = Date.now();
  while ((await act(runtime, 'ekonom', 'GET', `/cycle/${year}`)).steps[step] === undefined) {
    if (Date.now() - started > step_wait_ms) throw new Error(`the cycle did not reach ${step} for ${year}`);
    await new Promise((resolve) => setTimeout(resolve, step_poll_ms));
  }
}

/** The budget year planned and adopted in time, with every member's samråd answer. */
export async function planYear(runtime: Runtime) {
  await addRepresentatives(runtime);
  await dayOf(runtime, '2026-09-01T09:00:00+02:00');
  await act(runtime, 'ekonom', 'PUT', `/budgets/${budget_year}`, { ...balanced_budget, expectedVersion: 0 });
  await act(runtime, 'ekonom', 'POST', `/budgets/${budget_year}/samrad`);
  await dayOf(runtime, '2026-10-12T09:00:00+02:00');
  for (const memberId of ['alfa', ...other_members])
    await act(
      runtime,
      memberId === 'alfa' ? 'medlem' : representative(memberId),
      'POST',
      `/budgets/${budget_year}/samrad/answers/${memberId}`,
      { answer: 'agree' },
    );
  await dayOf(runtime, '2026-11-20T14:00:00+01:00');
  await act(runtime, 'styrelse', 'POST', `/budgets/${budget_year}/adoption`, {
    decisionReference: 'Styrelsen 2026-11-20 § 7',
  });
  await stepDone(runtime, 'budget.published');
}

/**
 * The year's twelve avräkningar and the bokslut, caught up in one day of the scheduler. Years
 * close in order (the year-sequence rule): the ekonom closes the demo ledger's 2026 in January,
 * as the simulation does, or the bokslut of 2027 would wait for it. It is closed on a day when no
 * bokslut of 2027 can run, since the scheduler ticks on its own whenever the clock moves.
 */
export async function closeBooks(runtime: Runtime) {
  await dayOf(runtime, `${budget_year}-01-15T08:00:00+01:00`);
  await act(runtime, 'ekonom', 'POST', `/ledger/${budget_year - 1}/close`, {
    reason: `Bokslut ${budget_year - 1} innan ${budget_year} bokförs`,
  });
  await dayOf(runtime, '2028-01-20T08:00:00+01:00');
  await stepDone(runtime, 'bokslut');
}
