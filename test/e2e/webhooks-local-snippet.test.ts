import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Runtime } from '@finsam/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestRuntime } from '../support/runtime.ts';
import { emit, settlement, waitFor } from '../support/webhook-receiver.ts';

/**
 * In local mode a webhook may go to loopback, so a member's representative could point one at
 * another service on the machine. The receiver's answer is kept in the delivery log, but only
 * the förbund's administrator sees it; the representative sees status and timing only.
 */
let runtime: Runtime;
let service: Server;
let url: string;
const answer = '{"intern":"hemlig uppgift från en tjänst på maskinen"}';
const base = '/api/forbund/exempeldalen/members/alfa/webhooks';

beforeAll(async () => {
  runtime = await startTestRuntime();
  // Stands for any service on the developer's machine: it answers every POST with its data.
  service = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end(answer));
  });
  await new Promise<void>((done) => service.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(service.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await runtime?.stop();
  await new Promise((done) => service?.close(done));
});

describe('the response snippet in local mode', () => {
  it("is kept from a member's representative and shown to the förbund's administrator", async () => {
    const medlem = await login(runtime, 'medlem');
    const admin = await login(runtime, 'forbundsadmin');
    const created = await call(runtime, 'POST', base, {
      token: medlem,
      body: { url, eventTypes: ['settlement.issued'] },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;

    const ping = await call(runtime, 'POST', `${base}/${id}/ping`, { token: medlem });
    expect(ping.status).toBe(200);
    expect(ping.body).toMatchObject({ trigger: 'ping', outcome: 'delivered', statusCode: 200 });
    expect(ping.body).not.toHaveProperty('responseSnippet');

    // A delivery by the worker is logged the same way.
    await emit(runtime, [settlement('alfa', 1)]);
    const attempts = () => call(runtime, 'GET', `${base}/${id}/attempts`, { token: medlem });
    const log = await waitFor(async () => {
      const reply = await attempts();
      return reply.body.items?.length === 2 ? reply : undefined;
    });
    expect(log.body.items.map((attempt: { trigger: string }) => attempt.trigger).sort()).toEqual(['delivery', 'ping']);
    for (const attempt of log.body.items) {
      expect(attempt).toMatchObject({ outcome: 'delivered', statusCode: 200 });
      expect(attempt).not.toHaveProperty('responseSnippet');
    }
    const deliveries = await call(runtime, 'GET', `${base}/${id}/deliveries`, { token: medlem });
    expect(JSON.stringify(deliveries.body)).not.toContain('hemlig');

    const seen = await call(runtime, 'GET', `${base}/${id}/attempts`, { token: admin });
    expect(seen.body.items).toHaveLength(2);
    for (const attempt of seen.body.items) expect(attempt.responseSnippet).toBe(answer);
    const adminPing = await call(runtime, 'POST', `${base}/${id}/ping`, { token: admin });
    expect(adminPing.body.responseSnippet).toBe(answer);
  });
});
