import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { createApp, createJwksVerifier } from '@finsam/api';
import { eventTypes } from '@finsam/domain';
import { inProcessDriver, local_issuer_name, localIdentityProvider, type Runtime, simulateYear } from '@finsam/local';
import { createStores } from '@finsam/store';
import {
  document_link_ttl_ms,
  documentLinkSource,
  documentPath,
  envelopeSealer,
  localKeyProvider,
  signDocumentLink,
} from '@finsam/webhooks';
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
  const alfaBodies = () =>
    [...(receivers.get('alfa') as Receiver).accepted.values()] as {
      type: string;
      data: { documents?: { url: string; kind: string }[] };
    }[];

  it('opens a statement and the annual report through the signed links, and nothing without a genuine link', async () => {
    const bodies = alfaBodies();
    const statement = bodies.find((body) => body.type === 'settlement.issued')?.data.documents?.[0];
    const annual = bodies.find((body) => body.type === 'annual_report.adopted')?.data.documents ?? [];
    expect(statement?.url).toContain('/documents/statement.');
    // The årsredovisning, not the förbund's whole ledger: no SIE link reaches a member.
    expect(annual.map((document) => document.kind)).toEqual(['pdf']);
    const everyLink = bodies.flatMap((body) => body.data.documents ?? []);
    expect(everyLink.some((document) => document.kind === 'sie4' || document.url.includes('/documents/sie.'))).toBe(
      false,
    );
    for (const link of [statement?.url as string, ...annual.map((document) => document.url)]) {
      expect(new URL(link).origin).toBe(runtime.url);
      expect(new URL(link).searchParams.get('member')).toBe('alfa');
      // No token: the link is the credential.
      const reply = await fetch(link);
      expect(reply.status, link).toBe(200);
      expect(reply.headers.get('cache-control')).toBe('private, no-store');
      const bytes = Buffer.from(await reply.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const forged = new URL(statement?.url as string);
    forged.pathname = forged.pathname.replace(/statement\.[^/]+$/, 'sie.2027.se');
    expect((await fetch(forged)).status).toBe(404);
    const otherMember = new URL(statement?.url as string);
    otherMember.searchParams.set('member', 'beta');
    expect((await fetch(otherMember)).status).toBe(404);
    const bare = new URL(statement?.url as string);
    bare.search = '';
    expect((await fetch(bare)).status).toBe(404);
  });

  it("refuses a genuinely signed link to what its member may not see: the ledger, another member's statement", async () => {
    // A second app on the same table with a key the test knows, so it can sign any link: the
    // route itself must refuse what the link builder would never have made.
    const key = new Uint8Array(32).fill(5);
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
        endpointMode: 'local',
        documentLinks: documentLinkSource({ loadKey: async () => key, now: () => new Date() }),
        publicBaseUrl: () => runtime.url,
        secretSealer: envelopeSealer(localKeyProvider(async () => new Uint8Array(32).fill(3))),
      },
    });
    const statementId = new URL(
      alfaBodies().find((body) => body.type === 'settlement.issued')?.data.documents?.[0]?.url as string,
    ).pathname
      .split('/')
      .at(-1) as string;
    const open = async (documentId: string, memberId: string) => {
      const expires = Math.floor(Date.now() / 1000) + 3600;
      const signature = signDocumentLink(key, { forbundId: 'exempeldalen', memberId, documentId }, expires);
      const path = `${documentPath('exempeldalen', documentId)}?member=${memberId}&expires=${expires}&signature=${signature}`;
      return (await app.request(path)).status;
    };
    expect(await open(statementId, 'alfa')).toBe(200);
    expect(await open(`annual-report.${simulated_year}.pdf`, 'beta')).toBe(200);
    expect(await open(`sie.${simulated_year}.se`, 'alfa')).toBe(404);
    expect(await open(statementId.replace('.alfa.', '.beta.'), 'alfa')).toBe(404);
    expect(await open(`cash-settlement.${simulated_year}.beta.pdf`, 'alfa')).toBe(404);

    // The pull API, asked on API Gateway's own host as CloudFront forwards it: links still point
    // at the portal's public address.
    const token = await login(runtime, 'medlem');
    const pulled = await app.request(
      'https://abc123.execute-api.eu-north-1.amazonaws.com/api/forbund/exempeldalen/members/alfa/events?limit=100',
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(pulled.status).toBe(200);
    const items = ((await pulled.json()) as { items: { data: { documents?: { url: string }[] } }[] }).items;
    const urls = items.flatMap((item) => item.data.documents ?? []).map((document) => document.url);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((url) => new URL(url).origin === runtime.url)).toBe(true);
  });

  it('expires links on the clock that signed them, not on the simulated business year', async () => {
    const statement = alfaBodies().find((body) => body.type === 'settlement.issued')?.data.documents?.[0]
      ?.url as string;
    // The business clock has run more than a year ahead of real time; the link still works.
    expect(runtime.clock.now().getTime() - Date.now()).toBeGreaterThan(365 * 24 * 60 * 60_000);
    expect((await fetch(statement)).status).toBe(200);
    runtime.sessionClock.advance(document_link_ttl_ms + 60_000);
    expect((await fetch(statement)).status).toBe(404);
  });
});
