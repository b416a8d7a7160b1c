import type { Runtime } from '@finsam/local';
import { createStores, LimitedSlots } from '@finsam/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestRuntime } from '../support/runtime.ts';

/**
 * Issue 12 point 9: fifty writers at once on every numbered or limited thing, over HTTP against
 * the real runtime. Numbers stay gapless and limits exact: a limit checked by reading and then
 * writing would let several writers past it together. (Invoice numbers do not exist yet; when
 * member invoices come, they belong here.)
 */
const writers = 50;
const forbund = 'exempeldalen';

let runtime: Runtime;
let ekonom: string;
let admin: string;
let member: string;

beforeAll(async () => {
  runtime = await startTestRuntime();
  [ekonom, admin, member] = (await Promise.all(
    ['ekonom', 'forbundsadmin', 'medlem'].map((user) => login(runtime, user)),
  )) as [string, string, string];
});
afterAll(() => runtime?.stop());

const together = <T>(count: number, write: (index: number) => Promise<T>) =>
  Promise.all(Array.from({ length: count }, (_, index) => write(index)));

describe(`${writers} writers at once`, () => {
  it('book vouchers in one series with numbers 1…50, each once, no gap', async () => {
    const today = runtime.clock.now().toISOString().slice(0, 10);
    const replies = await together(writers, (index) =>
      call(runtime, 'POST', `/api/forbund/${forbund}/ledger/vouchers`, {
        token: ekonom,
        body: {
          series: 'SAMTIDIGT',
          year: Number(today.slice(0, 4)),
          date: today,
          text: `Skrivare ${index}`,
          lines: [
            { account: '5410', amount: `${100 + index}.00` },
            { account: '1930', amount: `-${100 + index}.00` },
          ],
        },
      }),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array(writers).fill(201));
    const numbers = replies.map((reply) => reply.body.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: writers }, (_, i) => i + 1));
    const listed = await call(
      runtime,
      'GET',
      `/api/forbund/${forbund}/ledger/${today.slice(0, 4)}/vouchers?series=SAMTIDIGT&limit=100`,
      { token: ekonom },
    );
    expect(listed.body.items.map((voucher: { text: string }) => voucher.text).sort()).toEqual(
      Array.from({ length: writers }, (_, i) => `Skrivare ${i}`).sort(),
    );
  });

  it('create exactly as many webhook subscriptions as a member may have, and no more', async () => {
    const path = `/api/forbund/${forbund}/members/alfa/webhooks`;
    const before = (await call(runtime, 'GET', path, { token: member })).body.items.length as number;
    const replies = await together(writers, (index) =>
      call(runtime, 'POST', path, {
        token: member,
        body: { url: `http://127.0.0.1:9/hook/${index}`, eventTypes: ['settlement.issued'] },
      }),
    );
    // The limit, read from the refusal itself so the test does not import the constant.
    const refused = replies.filter((reply) => reply.status === 409);
    const limit = Number(/högst (\d+)/.exec(refused[0]?.body.detail ?? refused[0]?.body.title ?? '')?.[1]);
    expect(limit).toBeGreaterThan(0);
    expect(replies.filter((reply) => reply.status === 201)).toHaveLength(limit - before);
    expect(refused).toHaveLength(writers - (limit - before));
    const after = (await call(runtime, 'GET', path, { token: member })).body.items as { enabled: boolean }[];
    expect(after).toHaveLength(limit);

    // A deleted subscription frees its place for exactly one new one.
    const first = replies.find((reply) => reply.status === 201)!.body.id as string;
    expect((await call(runtime, 'DELETE', `${path}/${first}`, { token: member })).status).toBe(200);
    const again = await together(writers, (index) =>
      call(runtime, 'POST', path, {
        token: member,
        body: { url: `http://127.0.0.1:9/again/${index}`, eventTypes: ['settlement.issued'] },
      }),
    );
    expect(again.filter((reply) => reply.status === 201)).toHaveLength(1);
  });

  it('invite people up to the förbund’s limit and not one more', async () => {
    const stores = createStores(runtime.table);
    const viewer = { subject: 'test', name: 'Test', roles: ['forbund-admin' as const], forbundId: forbund };
    const invite = (index: number, prefix: string) =>
      call(runtime, 'POST', `/api/forbund/${forbund}/users`, {
        token: admin,
        body: { email: `${prefix}${index}@exempeldalen.example`, name: `Person ${index}`, roles: ['ekonom'] },
      });
    // Up to 20 places below the limit, through the same API, ten at a time.
    const limit = users_per_forbund_expected;
    const present = (await stores.invitedUsers.list(viewer, forbund)).length;
    const fill = limit - 20 - present;
    for (let index = 0; index < fill; index += 10)
      for (const reply of await together(Math.min(10, fill - index), (offset) => invite(index + offset, 'fyllnad')))
        expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect((await stores.invitedUsers.list(viewer, forbund)).length).toBe(limit - 20);

    const replies = await together(writers, (index) => invite(index, 'samtidig'));
    expect(replies.filter((reply) => reply.status === 201)).toHaveLength(20);
    const refused = replies.filter((reply) => reply.status !== 201);
    expect(refused.every((reply) => reply.status === 409)).toBe(true);
    expect(refused[0]?.body.detail).toContain(String(limit));
    expect((await stores.invitedUsers.list(viewer, forbund)).length).toBe(limit);
  });
});

describe('a place taken by a writer that stopped before writing', () => {
  it('is given back once it is old and its thing does not exist, and never before', async () => {
    const places = new LimitedSlots(runtime.table, {
      partition: 'T#exempeldalen',
      sortKey: 'TEST-LIMIT',
      max: 2,
      fullMessage: 'Fullt: högst 2.',
      exists: async (id) => id === 'a',
      existing: async () => [],
    });
    const start = Date.parse('2026-03-02T10:00:00Z');
    const minutes = (n: number) => new Date(start + n * 60_000);
    await places.claim('a', minutes(0), 'Finns redan.');
    await places.claim('b', minutes(0), 'Finns redan.');
    await expect(places.claim('c', minutes(1), 'Finns redan.')).rejects.toMatchObject({ message: 'Fullt: högst 2.' });
    await expect(places.claim('b', minutes(1), 'Finns redan.')).rejects.toMatchObject({ message: 'Finns redan.' });
    // 'b' was never written; after a quarter of an hour its place is free again, 'a' keeps its own.
    await places.claim('c', minutes(16), 'Finns redan.');
    expect((await places.holders()).sort()).toEqual(['a', 'c']);
  });
});

/** What the product promises a förbund (README, Users): 200 people. */
const users_per_forbund_expected = 200;
