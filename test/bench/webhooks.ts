/**
 * Webhook delivery in the local runtime (issue 5): deliveries per second to local receivers at 1
 * and 32 concurrent endpoints, and the time from a state change (the outbox write) to the
 * verified delivery, p50/p99, both under a burst and for a steady trickle. Real runtime (dynalite,
 * worker, HTTP), real receivers verifying with standardwebhooks. Prints; asserts nothing.
 * Run: npx tsx test/bench/webhooks.ts [events-per-case=400]
 */
import type { NewEvent } from '@finsam/store';
import { call, login, startTestRuntime } from '../support/runtime.ts';
import { emit, type Receiver, settlement, startReceiver, waitFor } from '../support/webhook-receiver.ts';
import { percentile } from './stats.ts';

const events_per_case = Number(process.argv[2] ?? 400);
const trickle_events = 50;
const trickle_gap_ms = 100;
const members = ['fk', 'af', 'region', 'alfa', 'beta'];

async function runCase(endpoints: number) {
  const runtime = await startTestRuntime();
  const receivers: Receiver[] = [];
  try {
    const token = await login(runtime, 'forbundsadmin');
    const memberOf = new Map<Receiver, string>();
    for (let index = 0; index < endpoints; index++) {
      const receiver = await startReceiver(`/hook/${index}`);
      const memberId = members[index % members.length] as string;
      const reply = await call(runtime, 'POST', `/api/forbund/exempeldalen/members/${memberId}/webhooks`, {
        token,
        body: { url: receiver.url, eventTypes: ['settlement.issued'] },
      });
      if (reply.status !== 201) throw new Error(`subscribe failed: ${JSON.stringify(reply.body)}`);
      receiver.secrets = [reply.body.secret];
      receivers.push(receiver);
      memberOf.set(receiver, memberId);
    }
    const subscribed = [...new Set(memberOf.values())];
    const arrivals = new Map<string, number>();
    for (const receiver of receivers) {
      const original = receiver.fault;
      receiver.fault = (index, request) => {
        if (!arrivals.has(`${request.id}@${receiver.url}`))
          arrivals.set(`${request.id}@${receiver.url}`, performance.now());
        return original(index, request);
      };
    }
    const expected = (ids: { eventId: string; memberId: string }[]) =>
      ids.reduce((sum, event) => sum + receivers.filter((r) => memberOf.get(r) === event.memberId).length, 0);

    // A burst: every event written as fast as the outbox takes them; deliveries race behind.
    const burst: NewEvent[] = Array.from({ length: events_per_case }, (_, index) => ({
      ...settlement(subscribed[index % subscribed.length] as string, (index % 12) + 1, '100.00'),
      eventId: `bench:burst:${index}`,
    }));
    const written = new Map<string, number>();
    const started = performance.now();
    for (const event of burst) {
      await emit(runtime, [event]);
      written.set(event.eventId, performance.now());
    }
    const total = expected(burst);
    const accepted = () => receivers.reduce((sum, r) => sum + r.accepted.size, 0);
    await waitFor(() => accepted() >= total, 300_000, `${total} deliveries`);
    const elapsedMs = performance.now() - started;
    const burstLatency = latencies(burst, written, arrivals, receivers, memberOf);

    // A trickle: one state change every 100 ms, the latency a member's system normally sees.
    const trickle: NewEvent[] = Array.from({ length: trickle_events }, (_, index) => ({
      ...settlement(subscribed[index % subscribed.length] as string, (index % 12) + 1, '100.00'),
      eventId: `bench:trickle:${index}`,
    }));
    for (const event of trickle) {
      await emit(runtime, [event]);
      written.set(event.eventId, performance.now());
      await new Promise((resolve) => setTimeout(resolve, trickle_gap_ms));
    }
    await waitFor(() => accepted() >= total + expected(trickle), 60_000, 'trickle deliveries');
    const trickleLatency = latencies(trickle, written, arrivals, receivers, memberOf);
    const unverified = receivers.reduce((sum, r) => sum + r.requests.filter((q) => !q.verified).length, 0);
    return {
      endpoints,
      events: burst.length,
      deliveries: total,
      perSecond: Math.round((total / elapsedMs) * 1000),
      burstP50Ms: round(percentile(burstLatency, 0.5)),
      burstP99Ms: round(percentile(burstLatency, 0.99)),
      trickleP50Ms: round(percentile(trickleLatency, 0.5)),
      trickleP99Ms: round(percentile(trickleLatency, 0.99)),
      unverified,
    };
  } finally {
    await runtime.stop();
    await Promise.all(receivers.map((receiver) => receiver.close()));
  }
}

function latencies(
  events: NewEvent[],
  written: Map<string, number>,
  arrivals: Map<string, number>,
  receivers: Receiver[],
  memberOf: Map<Receiver, string>,
) {
  const values: number[] = [];
  for (const event of events)
    for (const receiver of receivers.filter((r) => memberOf.get(r) === event.memberId)) {
      const arrived = arrivals.get(`${event.eventId}@${receiver.url}`);
      if (arrived !== undefined) values.push(arrived - (written.get(event.eventId) as number));
    }
  return values.sort((a, b) => a - b);
}

const round = (value: number) => Number(value.toFixed(1));

const rows = [];
for (const endpoints of [1, 32]) rows.push(await runCase(endpoints));
console.table(rows);
