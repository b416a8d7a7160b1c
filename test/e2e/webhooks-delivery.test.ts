import type { Runtime } from '@finsam/local';
import { signedHeaders } from '@finsam/webhooks';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestRuntime } from '../support/runtime.ts';
import {
  deadlineMissed,
  emit,
  type Receiver,
  settlement,
  startReceiver,
  waitFor,
} from '../support/webhook-receiver.ts';

/**
 * Issue 5 over the real local runtime: events written to the outbox reach a real HTTP receiver
 * that verifies them with the `standardwebhooks` library, once per event id after dedup, and
 * only the subscribing member's events. No mocks: dynalite, the API over HTTP, the worker.
 */
let runtime: Runtime;
let admin: string;
let alfa: Receiver;
let beta: Receiver;
const members = '/api/forbund/exempeldalen/members';

async function subscribe(memberId: string, receiver: Receiver, eventTypes: string[]) {
  const reply = await call(runtime, 'POST', `${members}/${memberId}/webhooks`, {
    token: admin,
    body: { url: receiver.url, eventTypes, description: `Ekonomisystemet (${memberId})` },
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  receiver.secrets = [reply.body.secret];
  return reply.body as { id: string; secret: string };
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  admin = await login(runtime, 'forbundsadmin');
  alfa = await startReceiver();
  beta = await startReceiver();
  await subscribe('alfa', alfa, ['settlement.issued', 'deadline.missed']);
  await subscribe('beta', beta, ['settlement.issued']);
});
afterAll(async () => {
  await runtime?.stop();
  await alfa?.close();
  await beta?.close();
});

describe('delivery to a verifying receiver', () => {
  it('delivers every event exactly once per event id, verified by standardwebhooks', async () => {
    const events = [
      ...Array.from({ length: 12 }, (_, month) => settlement('alfa', month + 1)),
      ...Array.from({ length: 5 }, (_, index) => deadlineMissed('alfa', index)),
    ];
    await emit(runtime, events);
    // Emitting again is what a re-run cycle task does: the outbox writes nothing twice.
    await emit(runtime, events);
    await waitFor(() => alfa.accepted.size === events.length, 20_000, 'all 17 events');
    expect([...alfa.accepted.keys()].sort()).toEqual(events.map((event) => event.eventId).sort());
    expect(alfa.requests.every((request) => request.verified)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(alfa.requests).toHaveLength(events.length);
  });

  it('sends the v1 envelope: amounts as strings, the member reference, the sequence, signed links', async () => {
    const body = alfa.accepted.get('settlement:2027-03:alfa') as {
      sequence: number;
      data: { documents: { kind: string; url: string; expiresAt: string }[] };
    };
    expect(body).toMatchObject({
      id: 'settlement:2027-03:alfa',
      type: 'settlement.issued',
      version: 1,
      forbundId: 'exempeldalen',
      memberId: 'alfa',
      data: { year: 2027, period: '2027-03', amount: '33333.33', memberReference: 'KUND-ALFA' },
    });
    expect(body.sequence).toBeGreaterThan(0);
    const [pdf] = body.data.documents;
    // The event named the förbund's SIE file too; a member's event carries no link to it.
    expect(body.data.documents.map((d) => d.kind)).toEqual(['pdf']);
    const link = new URL(pdf!.url);
    expect(link.origin).toBe(runtime.url);
    expect(link.pathname).toBe('/api/forbund/exempeldalen/documents/statement.2027-03.alfa.pdf');
    expect(link.searchParams.get('member')).toBe('alfa');
    expect(link.searchParams.get('signature')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(pdf!.expiresAt)).toBeGreaterThan(Date.now());
    const sequences = [...alfa.accepted.values()].map((event) => (event as { sequence: number }).sequence);
    expect(new Set(sequences).size).toBe(sequences.length);
  });

  it('is refused by the library when the body is tampered, the secret wrong, or the timestamp old', async () => {
    const request = alfa.requests[0]!;
    const receiver = new Webhook(alfa.secrets[0]!);
    expect(() => receiver.verify(request.body, request.headers)).not.toThrow();
    const tampered = request.body.replace('"year":2027', '"year":2028');
    expect(tampered).not.toBe(request.body);
    expect(() => receiver.verify(tampered, request.headers)).toThrow();
    const stranger = new Webhook(`whsec_${Buffer.alloc(32, 9).toString('base64')}`);
    expect(() => stranger.verify(request.body, request.headers)).toThrow();
    // Signed correctly with the real secret, but six minutes ago: a replayed capture.
    const old = signedHeaders(alfa.secrets, request.id, new Date(Date.now() - 6 * 60_000), request.body);
    expect(() => receiver.verify(request.body, { ...old })).toThrow(/too old/i);
  });

  it("never gives one member's subscription another member's settlement", async () => {
    await emit(runtime, [settlement('beta', 1, '11111.11'), settlement('beta', 2, '11111.11')]);
    await waitFor(() => beta.accepted.size === 2, 20_000, "beta's two settlements");
    expect([...beta.accepted.keys()].sort()).toEqual(['settlement:2027-01:beta', 'settlement:2027-02:beta']);
    expect([...alfa.accepted.keys()].some((id) => id.endsWith(':beta'))).toBe(false);
    expect([...beta.accepted.values()].every((event) => (event as { memberId: string }).memberId === 'beta')).toBe(
      true,
    );
    // Beta did not subscribe to deadline.missed, so its deadline notice goes nowhere.
    await emit(runtime, [deadlineMissed('beta', 1)]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(beta.accepted.has('deadline:samrad:1:beta')).toBe(false);
  });
});

describe('pull alternative', () => {
  it('pages a member’s events in order and always returns a cursor to resume from', async () => {
    const token = await login(runtime, 'medlem');
    const seen: { id: string; sequence: number }[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      const reply = await call(runtime, 'GET', `${members}/alfa/events?limit=7${after ? `&after=${after}` : ''}`, {
        token,
      });
      expect(reply.status).toBe(200);
      seen.push(...reply.body.items);
      expect(reply.body.nextCursor).toBeTruthy();
      after = reply.body.nextCursor;
      if (!reply.body.hasMore && reply.body.items.length < 7) break;
    }
    expect(seen.map((event) => event.id).sort()).toEqual([...alfa.accepted.keys()].sort());
    const sequences = seen.map((event) => event.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(seen.every((event) => (event as unknown as { memberId: string }).memberId === 'alfa')).toBe(true);

    const atEnd = await call(runtime, 'GET', `${members}/alfa/events?after=${after}`, { token });
    expect(atEnd.body).toMatchObject({ items: [], nextCursor: after, hasMore: false });
    await emit(runtime, [settlement('alfa', 12, '1.00'), deadlineMissed('alfa', 99)]);
    const fresh = await call(runtime, 'GET', `${members}/alfa/events?after=${after}`, { token });
    expect(fresh.body.items.map((event: { id: string }) => event.id)).toEqual(['deadline:samrad:99:alfa']);
  });

  it("answers 404 to a member's representative asking for another member, and 400 to a foreign cursor", async () => {
    const token = await login(runtime, 'medlem');
    const other = await call(runtime, 'GET', `${members}/beta/events`, { token });
    expect(other.status).toBe(404);
    expect(other.contentType).toContain('application/problem+json');
    const betaPage = await call(runtime, 'GET', `${members}/beta/events?limit=1`, { token: admin });
    const foreign = await call(runtime, 'GET', `${members}/alfa/events?after=${betaPage.body.nextCursor}`, { token });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].field).toBe('query.after');
  });
});
