import { Logger } from '@aws-lambda-powertools/logger';
import { createApp, createJwksVerifier } from '@finsam/api';
import { local_issuer_name, localIdentityProvider, type Runtime } from '@finsam/local';
import { createStores } from '@finsam/store';
import { documentLinkSource, envelopeSealer, localKeyProvider, subscriptions_per_member_max } from '@finsam/webhooks';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allItems, call, login, startTestRuntime } from '../support/runtime.ts';
import { emit, type Receiver, settlement, startReceiver, waitFor } from '../support/webhook-receiver.ts';

/** Subscriptions over HTTP: who may manage them, secrets shown once, rotation, SSRF, bad input. */
let runtime: Runtime;
let admin: string;
let receiver: Receiver;
const base = '/api/forbund/exempeldalen/members';
const ulid = '01JAAAAAAAAAAAAAAAAAAAAAAA';

beforeAll(async () => {
  runtime = await startTestRuntime();
  admin = await login(runtime, 'forbundsadmin');
  receiver = await startReceiver();
});
afterAll(async () => {
  await runtime?.stop();
  await receiver?.close();
});

describe('bad input', () => {
  const cases: [route: string, body: unknown, field: string, path?: string][] = [
    ['POST webhooks', '{"url":', 'body'],
    ['POST webhooks', { eventTypes: ['settlement.issued'] }, 'url'],
    ['POST webhooks', { url: 'inte en adress', eventTypes: ['settlement.issued'] }, 'url'],
    ['POST webhooks', { url: 'http://10.0.0.1/hook', eventTypes: ['settlement.issued'] }, 'url'],
    ['POST webhooks', { url: 'https://169.254.169.254/latest', eventTypes: ['settlement.issued'] }, 'url'],
    ['POST webhooks', { url: 'http://example.com/hook', eventTypes: ['settlement.issued'] }, 'url'],
    ['POST webhooks', { url: 'http://127.0.0.1:9/hook', eventTypes: [] }, 'eventTypes'],
    ['POST webhooks', { url: 'http://127.0.0.1:9/hook', eventTypes: ['settlement.paid'] }, 'eventTypes.0'],
    ['POST webhooks', { url: 'http://127.0.0.1:9/h', eventTypes: ['budget.adopted'], enabled: 'ja' }, 'enabled'],
    ['PATCH webhooks/{id}', { enabled: false }, 'expectedVersion'],
    ['PATCH webhooks/{id}', { url: 'ftp://x.example/', expectedVersion: 1 }, 'url', ulid],
    ['PATCH webhooks/{id}', { enabled: true, expectedVersion: 1 }, 'param.subscriptionId', 'inte-ett-id'],
    ['POST webhooks/{id}/secret', { overlapHours: 500, expectedVersion: 1 }, 'overlapHours'],
    ['POST webhooks/{id}/secret', { overlapHours: 1.5, expectedVersion: 1 }, 'overlapHours'],
    ['POST webhooks/{id}/replay', {}, 'from'],
    ['POST webhooks/{id}/replay', { from: '2027-01-01T00:00:00Z' }, 'to'],
    ['POST webhooks/{id}/replay', { from: '2027-02-01T00:00:00Z', to: '2027-01-01T00:00:00Z' }, 'to'],
    ['POST webhooks/{id}/replay', { from: 'igår', to: '2027-01-01T00:00:00Z' }, 'from'],
    ['POST webhooks/{id}/replay', { eventId: 'x', from: '2027-01-01T00:00:00Z' }, 'eventId'],
    ['POST webhooks/{id}/replay', { eventId: 'har mellanslag' }, 'eventId'],
    ['POST webhooks/{id}/ping', undefined, 'param.subscriptionId', 'inte-ett-id'],
    ['DELETE webhooks/{id}', undefined, 'param.subscriptionId', 'inte-ett-id'],
  ];

  it('answers 400 naming the field for every write route, and writes nothing', async () => {
    const before = await allItems(runtime);
    for (const [route, body, field, id = ulid] of cases) {
      const [method, path] = route.split(' ') as [string, string];
      const reply = await call(runtime, method, `${base}/alfa/${path.replace('{id}', id)}`, { token: admin, body });
      expect(reply.status, `${route} ${JSON.stringify(body)}`).toBe(400);
      expect(reply.contentType).toContain('application/problem+json');
      expect(
        reply.body.errors.map((e: { field: string }) => e.field),
        `${route} ${JSON.stringify(body)}`,
      ).toContain(field);
    }
    const query = await call(runtime, 'GET', `${base}/alfa/webhooks/${ulid}/deliveries?status=lost`, { token: admin });
    expect(query.body.errors[0].field).toBe('query.status');
    expect(await allItems(runtime)).toEqual(before);
  });
});

describe('subscriptions', () => {
  it('shows the secret once: in the answer to create, never in a read or change', async () => {
    const created = await call(runtime, 'POST', `${base}/alfa/webhooks`, {
      token: admin,
      body: { url: receiver.url, eventTypes: ['settlement.issued'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const { secret, id, version } = created.body;
    const path = `${base}/alfa/webhooks/${id}`;
    const answers = [
      await call(runtime, 'GET', path, { token: admin }),
      await call(runtime, 'GET', `${base}/alfa/webhooks`, { token: admin }),
      await call(runtime, 'PATCH', path, { token: admin, body: { description: 'Visma', expectedVersion: version } }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).not.toContain(secret.slice(6, 30));
      expect(JSON.stringify(answer.body)).not.toContain('whsec_');
    }
    const stale = await call(runtime, 'PATCH', path, {
      token: admin,
      body: { enabled: false, expectedVersion: version },
    });
    expect(stale.status).toBe(409);
  });

  it("lets a member's representative manage its own member only; other roles are refused", async () => {
    const medlem = await login(runtime, 'medlem');
    const own = await call(runtime, 'GET', `${base}/alfa/webhooks`, { token: medlem });
    expect(own.status).toBe(200);
    for (const [method, path] of [
      ['GET', `${base}/beta/webhooks`],
      ['POST', `${base}/beta/webhooks`],
      ['GET', `${base}/beta/events`],
      ['GET', `${base}/${own.body.items[0].id}/webhooks`],
    ] as const) {
      const reply = await call(runtime, method, path, {
        token: medlem,
        ...(method === 'POST' ? { body: { url: receiver.url, eventTypes: ['settlement.issued'] } } : {}),
      });
      expect(reply.status, `${method} ${path}`).toBe(404);
    }
    const ekonom = await call(runtime, 'GET', `${base}/alfa/webhooks`, { token: await login(runtime, 'ekonom') });
    expect(ekonom.status).toBe(403);
    const unknown = await call(runtime, 'GET', `${base}/gamma/webhooks`, { token: admin });
    expect(unknown.status).toBe(404);
  });

  it(`allows ${subscriptions_per_member_max} live subscriptions per member`, async () => {
    const create = () =>
      call(runtime, 'POST', `${base}/region/webhooks`, {
        token: admin,
        body: { url: receiver.url, eventTypes: ['budget.adopted'], enabled: false },
      });
    for (let index = 0; index < subscriptions_per_member_max; index++) expect((await create()).status).toBe(201);
    expect((await create()).status).toBe(409);
    const first = (await call(runtime, 'GET', `${base}/region/webhooks`, { token: admin })).body.items[0];
    const removed = await call(runtime, 'DELETE', `${base}/region/webhooks/${first.id}`, { token: admin });
    expect(removed.body).toMatchObject({ enabled: false, disabledReason: 'deleted' });
    expect((await create()).status).toBe(201);
  });
});

describe('secret rotation', () => {
  it('signs with both secrets during the overlap, and with the new one only after it', async () => {
    const created = await call(runtime, 'POST', `${base}/beta/webhooks`, {
      token: admin,
      body: { url: receiver.url, eventTypes: ['settlement.issued'] },
    });
    const rotated = await call(runtime, 'POST', `${base}/beta/webhooks/${created.body.id}/secret`, {
      token: admin,
      body: { overlapHours: 24, expectedVersion: created.body.version },
    });
    expect(rotated.status).toBe(200);
    const [previous, current] = [created.body.secret as string, rotated.body.secret as string];
    expect(current).not.toBe(previous);
    expect(rotated.body.previousSecretRetiresAt).toBeTruthy();
    receiver.secrets = [previous];

    await emit(runtime, [settlement('beta', 1)]);
    const during = await waitFor(() => receiver.requests.find((r) => r.id === 'settlement:2027-01:beta'));
    expect(() => new Webhook(previous).verify(during.body, during.headers)).not.toThrow();
    expect(() => new Webhook(current).verify(during.body, during.headers)).not.toThrow();

    runtime.clock.advance(25 * 60 * 60_000);
    await emit(runtime, [settlement('beta', 2)]);
    const after = await waitFor(() => receiver.requests.find((r) => r.id === 'settlement:2027-02:beta'));
    expect(() => new Webhook(current).verify(after.body, after.headers)).not.toThrow();
    expect(() => new Webhook(previous).verify(after.body, after.headers)).toThrow();
  });
});

describe('test ping', () => {
  it('sends a signed webhook.test now and logs it', async () => {
    admin = await login(runtime, 'forbundsadmin'); // the rotation test moved the clock a day on
    const created = await call(runtime, 'POST', `${base}/fk/webhooks`, {
      token: admin,
      body: { url: receiver.url, eventTypes: ['budget.adopted'] },
    });
    receiver.secrets = [created.body.secret];
    const ping = await call(runtime, 'POST', `${base}/fk/webhooks/${created.body.id}/ping`, { token: admin });
    expect(ping.body).toMatchObject({
      trigger: 'ping',
      outcome: 'delivered',
      statusCode: 204,
      eventType: 'webhook.test',
    });
    expect(receiver.accepted.get(ping.body.eventId)).toMatchObject({ type: 'webhook.test', memberId: 'fk' });
    const log = await call(runtime, 'GET', `${base}/fk/webhooks/${created.body.id}/attempts`, { token: admin });
    expect(log.body.items.map((a: { eventId: string }) => a.eventId)).toEqual([ping.body.eventId]);
  });
});

describe('in AWS mode', () => {
  it('refuses endpoints that are or resolve to private, loopback or link-local addresses', async () => {
    const app = createApp({
      table: runtime.table,
      logger: new Logger({ logLevel: 'SILENT' }),
      now: runtime.clock.now,
      identityProvider: localIdentityProvider(createStores(runtime.table), runtime.clock.now),
      verifyToken: createJwksVerifier({
        jwksUrl: `${runtime.url}/api/.well-known/jwks.json`,
        issuer: local_issuer_name,
        audience: 'finsam-local',
        now: runtime.sessionClock.now,
      }),
      webhooks: {
        endpointMode: 'aws',
        documentLinks: documentLinkSource({ loadKey: async () => new Uint8Array(32), now: () => new Date() }),
        publicBaseUrl: () => 'https://portal.finsam.example',
        secretSealer: envelopeSealer(localKeyProvider(async () => new Uint8Array(32).fill(3))),
      },
    });
    const token = await login(runtime, 'forbundsadmin');
    for (const url of [
      receiver.url, // http to 127.0.0.1: the local runtime's exception does not hold in AWS
      'https://127.0.0.1/hook',
      'https://localhost/hook', // a name that resolves to loopback
      'https://10.20.30.40/hook',
      'https://192.168.1.1/hook',
      'https://169.254.169.254/latest/meta-data/',
      'https://[fd00:ec2::254]/latest',
      'https://[fe80::1]/hook',
      'https://[::ffff:10.0.0.1]/hook',
    ]) {
      const response = await app.request(`${base}/alfa/webhooks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ url, eventTypes: ['settlement.issued'] }),
      });
      const problem = (await response.json()) as { errors: { field: string }[] };
      expect(response.status, url).toBe(400);
      expect(problem.errors.map((error) => error.field)).toEqual(['url']);
    }
  });
});
