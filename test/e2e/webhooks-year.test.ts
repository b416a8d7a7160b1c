import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventTypes } from '@finsam/domain';
import { inProcessDriver, type Runtime, simulateYear } from '@finsam/local';
import { createStores } from '@finsam/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulated_year, viewer } from '../support/cycle.ts';
import { call, login, startTestRuntime } from '../support/runtime.ts';
import { type Receiver, startReceiver, waitFor } from '../support/webhook-receiver.ts';

/**
 * Issue 5's first must, end to end: each member's finance system (a real receiver verifying with
 * the standardwebhooks library) subscribes to every event type, a whole claim-72 year runs
 * through the cycle, and every event the cycle wrote for that member arrives exactly once per
 * event id, and nothing of any other member's.
 */
let runtime: Runtime;
const receivers = new Map<string, Receiver>();

beforeAll(async () => {
  runtime = await startTestRuntime({ cycle: true });
  // Subscribed before the planning year opens: a new subscription receives what happens after it.
  runtime.clock.set(new Date(`${simulated_year - 1}-08-01T08:00:00Z`));
  const admin = await login(runtime, 'forbundsadmin');
  for (const memberId of ['fk', 'af', 'region', 'alfa', 'beta']) {
    const receiver = await startReceiver();
    const reply = await call(runtime, 'POST', `/api/forbund/exempeldalen/members/${memberId}/webhooks`, {
      token: admin,
      body: { url: receiver.url, eventTypes: [...eventTypes], description: `Ekonomisystem ${memberId}` },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    receiver.secrets = [reply.body.secret];
    receivers.set(memberId, receiver);
  }
  await simulateYear(inProcessDriver(runtime), {
    forbundId: 'exempeldalen',
    year: simulated_year,
    outDir: mkdtempSync(join(tmpdir(), 'finsam-webhooks-year-')),
    preset: 'haninge',
  });
});
afterAll(async () => {
  await runtime?.stop();
  for (const receiver of receivers.values()) await receiver.close();
});

describe('a simulated year, delivered', () => {
  it('brings every member its own events exactly once per event id, all verified', async () => {
    const stores = createStores(runtime.table);
    for (const [memberId, receiver] of receivers) {
      const written: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await stores.outbox.forMember(viewer, 'exempeldalen', memberId, { cursor, limit: 100 });
        written.push(...page.items.map((event) => event.eventId));
        cursor = page.nextCursor;
      } while (cursor);
      expect(written.length, memberId).toBeGreaterThan(12);
      await waitFor(() => receiver.accepted.size === written.length, 60_000, `${memberId}: ${written.length} events`);
      expect([...receiver.accepted.keys()].sort(), memberId).toEqual([...written].sort());
      expect(
        receiver.requests.every((request) => request.verified),
        memberId,
      ).toBe(true);
      for (const body of receiver.accepted.values())
        expect((body as { memberId: string }).memberId, memberId).toBe(memberId);
    }
  });
});

describe('documents behind the events', () => {
  it('opens a statement and the annual report through the signed links, and nothing without a genuine link', async () => {
    const alfa = receivers.get('alfa') as Receiver;
    const bodies = [...alfa.accepted.values()] as {
      type: string;
      data: { documents?: { url: string; kind: string }[] };
    }[];
    const statement = bodies.find((body) => body.type === 'settlement.issued')?.data.documents?.[0];
    const annual = bodies.find((body) => body.type === 'annual_report.adopted')?.data.documents ?? [];
    expect(statement?.url).toContain('/documents/statement.');
    expect(annual.map((document) => document.kind)).toEqual(['pdf', 'sie4']);
    for (const link of [statement?.url as string, ...annual.map((document) => document.url)]) {
      const reply = await fetch(link);
      expect(reply.status, link).toBe(200);
      const bytes = Buffer.from(await reply.arrayBuffer());
      expect(['%PDF-', '#FLAG']).toContain(bytes.subarray(0, 5).toString());
    }
    const forged = new URL(statement?.url as string);
    forged.pathname = forged.pathname.replace(/statement\.[^/]+$/, 'sie.2027.se');
    expect((await fetch(forged)).status).toBe(404);
    const bare = new URL(statement?.url as string);
    bare.search = '';
    expect((await fetch(bare)).status).toBe(404);
  });
});
