import type { Runtime } from '@finsam/local';
import { delivery_timeout_ms, retry_delay_ms_max, retry_window_ms } from '@finsam/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestRuntime } from '../support/runtime.ts';
import { emit, type Receiver, settlement, startReceiver, waitFor } from '../support/webhook-receiver.ts';

/**
 * Fault injection against the real runtime: the receiver is down, answers 500, hangs past the
 * sender's timeout, or answers slowly, and every event still arrives, once per id, with every
 * attempt in the delivery log. The virtual clock stands in for the hours between retries.
 */
let runtime: Runtime;
const base = '/api/forbund/exempeldalen/members/alfa/webhooks';

/** A token of the member's representative, fresh for the virtual time (they last an hour). */
let session = { token: '', at: 0 };
async function api(method: string, path: string, body?: unknown) {
  if (runtime.clock.now().getTime() - session.at > 30 * 60_000)
    session = { token: await login(runtime, 'medlem'), at: runtime.clock.now().getTime() };
  return call(runtime, method, path, { token: session.token, ...(body === undefined ? {} : { body }) });
}

async function subscribe(receiver: Receiver) {
  const reply = await api('POST', base, { url: receiver.url, eventTypes: ['settlement.issued'] });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  receiver.secrets = [reply.body.secret];
  return reply.body as { id: string; version: number };
}

/** Moves the virtual clock past any retry delay until `condition` holds. */
async function advanceUntil(condition: () => boolean | Promise<boolean>, what: string, stepMs = retry_delay_ms_max) {
  for (let step = 0; step < 40; step++) {
    if (await condition()) return;
    runtime.clock.advance(stepMs);
    await new Promise((resolve) => setTimeout(resolve, 600));
  }
  throw new Error(`never happened: ${what}`);
}

const attempts = async (subscriptionId: string) =>
  (await api('GET', `${base}/${subscriptionId}/attempts?limit=100`)).body.items as {
    eventId: string;
    outcome: string;
    statusCode?: number;
    latencyMs: number;
    error?: string;
    responseSnippet?: string;
  }[];

const receivers: Receiver[] = [];
async function receiver() {
  const started = await startReceiver();
  receivers.push(started);
  return started;
}

beforeAll(async () => {
  runtime = await startTestRuntime();
});
afterAll(async () => {
  await runtime?.stop();
  await Promise.all(receivers.map((r) => r.close()));
});

describe('a receiver that fails, then recovers', () => {
  it('delivers after the receiver was down for the first three attempts', async () => {
    const down = await receiver();
    const subscription = await subscribe(down);
    await down.down();
    await emit(runtime, [settlement('alfa', 1)]);
    await advanceUntil(async () => (await attempts(subscription.id)).length >= 3, 'three refused attempts');
    await down.up();
    await advanceUntil(() => down.accepted.has('settlement:2027-01:alfa'), 'delivery after recovery');
    const log = await attempts(subscription.id);
    expect(log[0]).toMatchObject({ outcome: 'delivered', statusCode: 204 });
    expect(
      log.slice(1).every((attempt) => attempt.outcome === 'failed' && /ECONNREFUSED/.test(attempt.error ?? '')),
    ).toBe(true);
    await down.down(); // leaves the next tests' ports alone
  });

  it('delivers after three 500 answers, logging each status and answer', async () => {
    const failing = await receiver();
    failing.fault = (index) => (index < 3 ? { kind: 'status', status: 500 } : undefined);
    const subscription = await subscribe(failing);
    await emit(runtime, [settlement('alfa', 2)]);
    await advanceUntil(() => failing.accepted.has('settlement:2027-02:alfa'), 'delivery after three 500s');
    const log = await attempts(subscription.id);
    expect(log.map((attempt) => attempt.statusCode)).toEqual([204, 500, 500, 500]);
    // The receiver's answer is the förbund administrator's to read: locally a member's
    // representative could point a webhook at any service on the machine.
    expect(log[1]).not.toHaveProperty('responseSnippet');
    const seen = await call(runtime, 'GET', `${base}/${subscription.id}/attempts?limit=100`, {
      token: await login(runtime, 'forbundsadmin'),
    });
    expect(seen.body.items[1]?.responseSnippet).toBe('fault 500');
    expect(failing.accepted.size).toBe(1);
  });

  it('retries a receiver that hangs past the timeout; its duplicate is deduplicated', async () => {
    const hanging = await receiver();
    hanging.fault = (index) => (index === 0 ? { kind: 'hang' } : undefined);
    const subscription = await subscribe(hanging);
    await emit(runtime, [settlement('alfa', 3)]);
    await waitFor(async () => (await attempts(subscription.id)).length === 1, delivery_timeout_ms + 5_000, 'timeout');
    await advanceUntil(() => hanging.accepted.has('settlement:2027-03:alfa'), 'delivery after the hang');
    const log = await attempts(subscription.id);
    expect(log[1]?.error).toMatch(/timeout/);
    expect(log[1]?.latencyMs).toBeGreaterThanOrEqual(delivery_timeout_ms);
    // Both requests reached the receiver with one webhook-id: at-least-once, once after dedup.
    expect(hanging.requests.map((request) => request.id)).toEqual([
      'settlement:2027-03:alfa',
      'settlement:2027-03:alfa',
    ]);
    expect(hanging.accepted.size).toBe(1);
  }, 60_000);

  it('waits for a slow receiver within the timeout, with its latency in the log', async () => {
    const slow = await receiver();
    slow.fault = () => ({ kind: 'slow', ms: 1_500 });
    const subscription = await subscribe(slow);
    await emit(runtime, [settlement('alfa', 4)]);
    await waitFor(() => slow.accepted.has('settlement:2027-04:alfa'), 20_000, 'slow delivery');
    const log = await waitFor(async () => {
      const entries = await attempts(subscription.id);
      return entries.length === 1 ? entries : undefined;
    });
    expect(log[0]).toMatchObject({ outcome: 'delivered', statusCode: 204 });
    expect(log[0]!.latencyMs).toBeGreaterThanOrEqual(1_400);
  });
});

describe('after the retry window', () => {
  it('dead-letters, disables the endpoint with a notice, and delivers on replay', async () => {
    const broken = await receiver();
    broken.fault = () => ({ kind: 'status', status: 503 });
    const subscription = await subscribe(broken);
    const emittedAt = runtime.clock.now();
    await emit(runtime, [settlement('alfa', 5), settlement('alfa', 6)]);
    const sub = `${base}/${subscription.id}`;
    await waitFor(async () => (await attempts(subscription.id)).length >= 2, 20_000, 'first attempts');
    runtime.clock.advance(retry_window_ms + 60 * 60_000);

    const dead = await waitFor(
      async () => {
        const reply = await api('GET', `${sub}/deliveries?status=dead`);
        return reply.body.items.length === 2 ? reply.body.items : undefined;
      },
      20_000,
      'two dead letters',
    );
    // The first to run out of time disables the endpoint; the other may die of that instead.
    const reasons: string[] = dead.map((d: { deadReason: string }) => d.deadReason);
    expect(reasons).toContain('retry-window-exhausted');
    for (const reason of reasons) expect(['retry-window-exhausted', 'subscription-disabled']).toContain(reason);
    const disabled = (await api('GET', sub)).body;
    expect(disabled).toMatchObject({ enabled: false, disabledReason: 'retry-window-exhausted' });
    expect(disabled.notice).toContain('72 timmar');
    const audit = await call(runtime, 'GET', '/api/forbund/exempeldalen/audit', {
      token: await login(runtime, 'forbundsadmin'),
    });
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toContain(
      'webhook.disabled.retry-window-exhausted',
    );

    // Replay is refused while disabled, then delivers once the receiver is fixed and enabled.
    const refused = await api('POST', `${sub}/replay`, { eventId: 'settlement:2027-05:alfa' });
    expect(refused.status).toBe(409);
    broken.fault = () => undefined;
    const enabled = await api('PATCH', sub, { enabled: true, expectedVersion: disabled.version });
    expect(enabled.status).toBe(200);
    const one = await api('POST', `${sub}/replay`, { eventId: 'settlement:2027-05:alfa' });
    expect(one).toMatchObject({ status: 202, body: { replayed: 1 } });
    await waitFor(() => broken.accepted.has('settlement:2027-05:alfa'), 20_000, 'replayed event');

    // A range replays every subscribed event of the member in it, delivered before or not.
    const range = await api('POST', `${sub}/replay`, {
      from: emittedAt.toISOString(),
      to: runtime.clock.now().toISOString(),
    });
    expect(range.body).toEqual({
      replayed: 2,
      eventIds: ['settlement:2027-05:alfa', 'settlement:2027-06:alfa'],
      truncated: false,
    });
    await waitFor(() => broken.accepted.has('settlement:2027-06:alfa'), 20_000, 'replayed range');
    const delivered = await api('GET', `${sub}/deliveries?status=delivered`);
    expect(delivered.body.items.map((d: { eventId: string }) => d.eventId).sort()).toEqual([
      'settlement:2027-05:alfa',
      'settlement:2027-06:alfa',
    ]);
  }, 90_000);
});
