import { eventTypes, memberEffect, numberingIssues, type Voucher } from '@finsam/domain';
import {
  adoptAndAudit,
  awaitBokslut,
  decideDischarges,
  httpDriver,
  payLikvid,
  planYear,
  prepareSimulation,
  runMonths,
  simulationStart,
} from '@finsam/local';
import { createStores } from '@finsam/store';
import { simulated_year, viewer } from './cycle.ts';
import { startKillProxy } from './kill-proxy.ts';
import { launch, type Started, signal } from './process.ts';
import { startTestRuntime } from './runtime.ts';
import { type Receiver, startReceiver, waitFor } from './webhook-receiver.ts';

/**
 * A year of the demo förbund run against a runtime process that is killed with SIGKILL at seeded
 * points and started again on the same data (issue 12 point 8). The kill points are spread over
 * the year by the virtual clock: for each of `kills` instants drawn between the planning year's
 * opening and the spring after, once the simulation's clock has passed it, the runtime dies a
 * seeded number of requests later, a seeded few milliseconds into that request: in the middle of
 * a booking, a scheduler run, a webhook delivery or a restart's own recovery. After each kill the
 * simulation runs again from the top as a resumed run (what is recorded is not done again, the
 * clock only goes forward) until the year is closed. Then the records are read and checked.
 */
export interface CrashYearOptions {
  kills: number;
  seed: number;
  dataDir: string;
  outDir: string;
  log?: (line: string) => void;
}

export interface CrashYearReport {
  kills: number;
  /** Kills that landed while a request was in flight (the rest fell between requests). */
  killsMidRequest: number;
  requests: number;
  seconds: number;
  /** Webhook requests beyond the first of each event id: a kill after the receiver answered, before the delivery was recorded. */
  repeatedDeliveries: number;
  /** Everything that does not hold; empty when the year came through whole. */
  problems: string[];
}

const forbundId = 'exempeldalen';
const subscribedMembers = ['fk', 'region'];

/** mulberry32: a small seeded generator, so a failing seed can be run again. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export async function crashYear(options: CrashYearOptions): Promise<CrashYearReport> {
  const started = Date.now();
  const random = seeded(options.seed);
  const year = simulated_year;
  const first = new Date(simulationStart(year)).getTime();
  // Before the last clock move of the spring (2 April), so that every instant still has requests after it to land in.
  const last = new Date(`${year + 1}-04-01T00:00:00Z`).getTime();
  const instants = Array.from({ length: options.kills }, () => first + random() * (last - first)).sort((a, b) => a - b);
  const problems: string[] = [];
  const kills: string[] = [];

  let runtime: Started | undefined;
  let countdown: number | undefined;
  let killsDone = 0;
  let killPending = false;
  let killsMidRequest = 0;
  let dying: Promise<unknown> | undefined;
  const kill = () => {
    if (!runtime || dying) return;
    const victim = runtime;
    killsDone++;
    if (proxy.inFlight > 0) killsMidRequest++;
    proxy.target = undefined;
    dying = signal(victim, 'SIGKILL');
  };
  const proxy = await startKillProxy({
    onRequest: () => {
      // One kill at a time: the next instant is armed only once the runtime is back.
      if (killPending) return;
      if (countdown === undefined) {
        const next = instants[0];
        if (next === undefined || proxy.clock === undefined || proxy.clock.getTime() < next) return;
        instants.shift();
        countdown = Math.floor(random() * 12);
      }
      if (countdown-- > 0) return;
      countdown = undefined;
      killPending = true;
      setTimeout(kill, Math.floor(random() * 40));
    },
  });
  const start = async () => {
    runtime = await launch('npx', ['tsx', 'packages/local/src/cli.ts', 'start', '--data-dir', options.dataDir]);
    proxy.target = runtime.url;
  };

  const receivers = new Map<string, Receiver>();
  const subscriptionIds = new Map<string, string>();
  try {
    await start();
    const driver = httpDriver(proxy.url);
    // Subscribed before the planning year opens, so each member's system receives the whole year.
    await driver.setClock(`${year - 1}-08-01T08:00:00Z`);
    const admin = await loginThrough(proxy.url, 'forbundsadmin');
    for (const memberId of subscribedMembers) {
      const receiver = await startReceiver();
      const reply = await fetch(`${proxy.url}/api/forbund/${forbundId}/members/${memberId}/webhooks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          url: receiver.url,
          eventTypes: [...eventTypes],
          description: `Ekonomisystem ${memberId}`,
        }),
      });
      if (reply.status !== 201) throw new Error(`subscription for ${memberId}: ${reply.status} ${await reply.text()}`);
      const created = (await reply.json()) as { secret: string; id: string };
      receiver.secrets = [created.secret];
      receivers.set(memberId, receiver);
      subscriptionIds.set(memberId, created.id);
    }

    // The clock as the last runtime left it, checked on the next one (also across a kill in recovery).
    let clockBeforeKill: Date | undefined;
    for (;;) {
      const killsBefore = killsDone;
      try {
        if (clockBeforeKill) {
          const clockAfter = await driver.now();
          if (clockAfter < clockBeforeKill)
            problems.push(
              `the virtual clock went back at restart ${killsDone}: ${clockBeforeKill.toISOString()} → ${clockAfter.toISOString()}`,
            );
          clockBeforeKill = undefined;
        }
        const context = await prepareSimulation(driver, { forbundId, year, outDir: options.outDir, resuming: true });
        await planYear(context);
        await runMonths(context);
        await awaitBokslut(context);
        await adoptAndAudit(context);
        await decideDischarges(context, () => 'granted');
        await waitFor(
          async () => (await cycleSteps(proxy.url, admin, year))['year.closed'] !== undefined,
          60_000,
          'the year closed',
        );
        await payLikvid(context, 'after-discharge');
        break;
      } catch (error) {
        if (killsDone === killsBefore && !dying)
          throw new Error(`${(error as Error).message}\nafter these kills:\n${kills.join('\n')}`, { cause: error });
        await dying;
        dying = undefined;
        clockBeforeKill = proxy.clock;
        kills.push(`kill ${killsDone} at ${proxy.clock?.toISOString()} (${proxy.forwarded} requests so far)`);
        options.log?.(kills.at(-1) as string);
        await start();
        killPending = false;
      }
    }
    // The last deliveries of the year go out before the runtime stops.
    for (const [memberId, receiver] of receivers) {
      const written = await eventIdsThrough(proxy.url, admin, memberId);
      // Long enough for the retry schedule's first backoffs (ceilings of 10, 20, 40 s): a delivery
      // that failed under load is retried, and the property is that it arrives, not how soon.
      await waitFor(
        () => receiver.accepted.size >= written.length,
        240_000,
        `${memberId}: ${written.length} events`,
      ).catch(async (error: Error) => {
        const missing = written.filter((id) => !receiver.accepted.has(id));
        const open = await undeliveredThrough(proxy.url, admin, memberId, subscriptionIds.get(memberId) as string);
        throw new Error(
          `${error.message}; not received: ${missing.join(', ')}; not delivered: ${open}\nafter these kills:\n${kills.join('\n')}`,
        );
      });
    }
  } finally {
    if (dying) await dying;
    if (runtime && proxy.target) await signal(runtime, 'SIGINT');
    await proxy.close();
  }

  const report = await checkRecords(options.dataDir, receivers, problems);
  for (const receiver of receivers.values()) await receiver.close();
  return {
    kills: killsDone,
    killsMidRequest,
    requests: proxy.forwarded,
    seconds: (Date.now() - started) / 1000,
    repeatedDeliveries: report.repeatedDeliveries,
    problems,
  };
}

async function loginThrough(url: string, username: string) {
  const reply = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  return ((await reply.json()) as { token: string }).token;
}

async function cycleSteps(url: string, token: string, year: number) {
  const reply = await fetch(`${url}/api/forbund/${forbundId}/cycle/${year}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!reply.ok) return {};
  return ((await reply.json()) as { steps: Record<string, unknown> }).steps;
}

async function eventIdsThrough(url: string, token: string, memberId: string) {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const query = `limit=100${after ? `&after=${encodeURIComponent(after)}` : ''}`;
    const reply = await fetch(`${url}/api/forbund/${forbundId}/members/${memberId}/events?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await reply.json()) as { items: { id: string }[]; nextCursor?: string; hasMore: boolean };
    ids.push(...page.items.map((event) => event.id));
    after = page.hasMore ? page.nextCursor : undefined;
  } while (after);
  return ids;
}

/** The subscription's deliveries that are not delivered, as the API lists them: what to look at when one is missing. */
async function undeliveredThrough(url: string, token: string, memberId: string, subscriptionId: string) {
  const open: string[] = [];
  for (const status of ['pending', 'dead']) {
    const reply = await fetch(
      `${url}/api/forbund/${forbundId}/members/${memberId}/webhooks/${subscriptionId}/deliveries?status=${status}&limit=100`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    open.push(`${status} ${reply.status}: ${(await reply.text()).slice(0, 2000)}`);
  }
  return open.join(' | ');
}

/** Öre as a BigInt from a decimal string with two decimals: the test's own arithmetic. */
const ore = (amount: string) => {
  const negative = amount.startsWith('-');
  const [whole, fraction = '00'] = amount.replace('-', '').split('.');
  const value = BigInt(whole as string) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
  return negative ? -value : value;
};

/** What must hold after the year, whatever the kills: read from the data directory by a fresh runtime. */
async function checkRecords(dataDir: string, receivers: Map<string, Receiver>, problems: string[]) {
  const runtime = await startTestRuntime({ dataDir });
  let repeatedDeliveries = 0;
  try {
    const stores = createStores(runtime.table);
    const year = simulated_year;
    const vouchers: Voucher[] = [
      ...(await stores.vouchers.year(viewer, forbundId, year)),
      ...(await stores.vouchers.year(viewer, forbundId, year + 1)),
    ];
    for (const issue of numberingIssues(vouchers)) problems.push(`numbering: ${issue.field} ${issue.message}`);
    const once = (what: string, keys: string[]) => {
      const seen = new Set<string>();
      for (const key of keys) {
        if (seen.has(key)) problems.push(`${what} twice: ${key}`);
        seen.add(key);
      }
    };
    once(
      'voucher',
      vouchers.filter((v) => v.basis?.reference).map((v) => `${v.basis?.kind} ${v.basis?.reference}`),
    );
    once(
      'hand-entered voucher',
      vouchers.filter((v) => v.text.startsWith('Kansli och styrelse')).map((v) => v.text),
    );

    const runs = await stores.avrakning.runs(viewer, forbundId, year);
    const months = runs.filter((run) => run.complete).map((run) => run.month);
    if (months.join() !== Array.from({ length: 12 }, (_, i) => i + 1).join())
      problems.push(`months complete: ${months.join()} (expected 1..12)`);
    for (const run of runs)
      once(
        `statement of ${year}-${run.month}`,
        run.statements.map((s) => String(s.memberId)),
      );

    const charter = await stores.charters.current(viewer, forbundId);
    const { accounts: chart } = await stores.charts.chart(viewer, forbundId, new Date());
    for (const member of charter.members) {
      const statements = runs.flatMap((run) => run.statements).filter((s) => s.memberId === member.id);
      const statementNet = statements.reduce((sum, statement) => sum + ore(String(statement.net)), 0n);
      const booked = vouchers.filter((voucher) => {
        const reference = voucher.basis?.reference ?? '';
        return new RegExp(`^${year}-\\d\\d-${member.id}-`).test(reference) && !reference.includes('-betalning-');
      });
      const ledgerNet = ore(memberEffect(chart, booked, member.id).toFixed(2));
      if (ledgerNet !== statementNet)
        problems.push(`${member.id}: ledger ${ledgerNet} öre, statements ${statementNet} öre`);

      const events: { eventId: string; type: string }[] = [];
      let cursor: string | undefined;
      do {
        const page = await stores.outbox.forMember(viewer, forbundId, member.id, { cursor, limit: 100 });
        events.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      once(
        `event of ${member.id}`,
        events.map((event) => event.eventId),
      );
      const finals = events.filter((e) => e.type === 'settlement.issued' && e.eventId.endsWith(':final'));
      if (finals.length !== 12) problems.push(`${member.id}: ${finals.length} final settlements (expected 12)`);

      const receiver = receivers.get(member.id);
      if (receiver) {
        const missing = events.filter((event) => !receiver.accepted.has(event.eventId));
        if (missing.length > 0) problems.push(`${member.id}: ${missing.length} events never delivered`);
        if (!receiver.requests.every((request) => request.verified)) problems.push(`${member.id}: unverified webhook`);
        repeatedDeliveries += receiver.requests.length - receiver.accepted.size;
      }
    }

    const state = await stores.cycles.get(`T#${forbundId}` as never, year);
    if (state?.steps['year.closed'] === undefined) problems.push('the year is not closed');
    const executions = await stores.executions.running();
    const open = executions.filter((execution) => execution.year === year);
    if (open.length > 0) problems.push(`executions still running: ${open.map((e) => e.execution).join()}`);
  } finally {
    await runtime.stop();
  }
  return { repeatedDeliveries };
}
