import type { Runtime } from '@finsam/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, fillPath, login, otherForbundBody, samplePathValues, startTestRuntime } from '../support/runtime.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';

/**
 * Every list route's cursor, generated from the OpenAPI document: a GET with a cursor-like query
 * parameter gets garbage, tampered, other-list, other-tenant and forged key-shape cursors, and
 * each answers 400 problem+json naming `query.<parameter>`, never a 5xx. New list routes are
 * covered by being in the document.
 */
let runtime: Runtime;
let receiver: Receiver;
const tokens: Record<string, string> = {};
const cursorLike = /^(cursor|after|before|next|page|token|continuation)/i;

interface ListRoute {
  path: string;
  parameter: string;
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  receiver = await startReceiver();
  for (const user of ['admin', 'forbundsadmin', 'ekonom', 'medlem']) tokens[user] = await login(runtime, user);
  const created = await call(runtime, 'POST', '/api/forbund', { token: tokens.admin, body: otherForbundBody() });
  expect(created.status).toBe(201);
  // A subscription, so that its delivery log is a list that answers 200.
  const subscription = await call(runtime, 'POST', '/api/forbund/exempeldalen/members/alfa/webhooks', {
    token: tokens.forbundsadmin,
    body: { url: receiver.url, eventTypes: ['settlement.issued'] },
  });
  expect(subscription.status).toBe(201);
  samplePathValues.subscriptionId = subscription.body.id;
});
afterAll(async () => {
  await runtime?.stop();
  await receiver?.close();
});

async function listRoutes(): Promise<ListRoute[]> {
  const document = (await call(runtime, 'GET', '/openapi.json')).body as {
    paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
  };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    (methods.get?.parameters ?? [])
      .filter((parameter) => parameter.in === 'query' && cursorLike.test(parameter.name))
      .map((parameter) => ({ path, parameter: parameter.name })),
  );
}

/** The first user a route answers 200 to, with a real next cursor where the list has two items. */
async function reach(route: ListRoute, forbundId: string) {
  const path = fillPath(route.path, forbundId);
  for (const token of Object.values(tokens)) {
    const reply = await call(runtime, 'GET', `${path}${path.includes('?') ? '&' : '?'}limit=1`, { token });
    if (reply.status === 200) return { path, token, cursor: reply.body.nextCursor as string | undefined };
  }
  return undefined;
}

const legacy = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

describe('pagination cursors', () => {
  it('are refused with 400 naming the parameter on every list route, whatever is sent', async () => {
    const routes = await listRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(4);
    const reached = [];
    for (const route of routes) {
      const at = await reach(route, 'exempeldalen');
      expect(at, `no demo user reaches GET ${route.path}`).toBeDefined();
      reached.push({ route, ...at! });
    }
    const realCursors = reached.flatMap((entry) =>
      entry.cursor ? [{ from: entry.route.path, cursor: entry.cursor }] : [],
    );
    expect(realCursors.length).toBeGreaterThanOrEqual(2);
    // The other förbund's own lists give cursors of another tenant.
    const foreign = [];
    for (const route of routes.filter((candidate) => candidate.path.includes('{forbundId}'))) {
      const forbundId = (await call(runtime, 'GET', '/api/forbund', { token: tokens.admin })).body.items.find(
        (f: { id: string }) => f.id !== 'exempeldalen',
      ).id;
      const at = await reach(route, forbundId);
      if (at?.cursor) foreign.push(at.cursor);
    }

    for (const { route, path, token, cursor } of reached) {
      const partition = 'T#exempeldalen';
      const bad = [
        'x',
        '!!!',
        'c1.',
        'c1.AAAA',
        `c1.${'A'.repeat(64)}`,
        'A'.repeat(4000),
        legacy({ PK: partition }),
        legacy({ PK: partition, SK: 'VOUCHER#', extra: 'x' }),
        legacy({ PK: partition, SK: 1 }),
        legacy([partition]),
        `c1.${legacy({ PK: partition, SK: 'AUDIT#' })}`,
        ...foreign,
        ...realCursors.filter((other) => other.from !== route.path).map((other) => other.cursor),
      ];
      if (cursor) {
        const last = cursor.at(-2) === 'A' ? 'B' : 'A';
        bad.push(`${cursor.slice(0, -2)}${last}${cursor.at(-1)}`, `${cursor}AA`, cursor.slice(0, -4));
      }
      for (const value of bad) {
        const reply = await call(
          runtime,
          'GET',
          `${path}${path.includes('?') ? '&' : '?'}${route.parameter}=${encodeURIComponent(value)}`,
          { token },
        );
        const what = `GET ${route.path} ${route.parameter}=${value.slice(0, 60)}`;
        expect(reply.status, what).toBe(400);
        expect(reply.contentType, what).toContain('application/problem+json');
        expect(
          reply.body.errors.map((error: { field: string }) => error.field),
          what,
        ).toContain(`query.${route.parameter}`);
      }
      // The real cursor still pages on, and shows no key names or values.
      if (cursor) {
        // Ciphertext may hold any two letters by chance ("SK" came up once), so the checks look
        // for what a readable key would carry: its quoted names and the partition's value.
        expect(cursor).not.toMatch(/exempeldalen/);
        expect(Buffer.from(cursor.slice(3), 'base64url').toString('latin1')).not.toMatch(/"PK"|"SK"|exempeldalen/);
        const next = await call(
          runtime,
          'GET',
          `${path}${path.includes('?') ? '&' : '?'}${route.parameter}=${cursor}`,
          {
            token,
          },
        );
        expect(next.status, `GET ${route.path} with its own cursor`).toBe(200);
      }
    }
  });
});
