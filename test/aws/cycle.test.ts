import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { otherForbundBody } from '../support/runtime.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';
import { type Deployment, deploy } from './support/deployment.ts';
import { EventPath } from './support/event-path.ts';
import { receiverCertificate } from './support/receiver-tls.ts';
import { createSignedInUser, request } from './support/sign-in.ts';

/**
 * The functions run on 15 September of this year (EMULATED_NOW in support/lambda-host.mjs), so
 * that next year's samråd and budget deadlines lie ahead and the state machine waits for people
 * instead of escalating; the daily run opens planning from August.
 *
 * The annual cycle as deployed: the template's state machines, started by the daily function
 * as its schedule invokes it, with their Task states running the bundled task function. A person's
 * act completes the waiting step at once through the API function's SendTaskSuccess: no second
 * daily run happens in this file. A member's finance system is an HTTPS server on a public name
 * (support/receiver-tls.ts) that gets its statement as a webhook through the emulated stream,
 * pipe and queue (support/event-path.ts).
 */
let deployment: Deployment;
let forbundId: string;
let ekonom: string;
let styrelse: string;
let receiver: Receiver;
const receiverHost = 'ekonomi.gamma-kommun.example.se';
const today = `${new Date().getUTCFullYear()}-09-15T08:00:00Z`;
const year = new Date().getUTCFullYear() + 1;

beforeAll(async () => {
  const tls = receiverCertificate(receiverHost);
  receiver = await startReceiver('/finsam/webhooks', tls);
  receiver.clockOffsetMs = Date.parse(today) - Date.now();
  deployment = await deploy({ today, network: { hosts: { [receiverHost]: receiver.port }, caFile: tls.caFile } });
  const admin = await createSignedInUser(deployment, {
    email: 'plattform@finsam.example',
    name: 'Petra Plattform',
    groups: ['platform-admin'],
  });
  forbundId = (await request(deployment, 'POST', '/api/forbund', { token: admin, body: otherForbundBody() })).body.id;
  ekonom = await createSignedInUser(deployment, {
    email: 'ekonom@gamma.example',
    name: 'Eva',
    groups: ['ekonom'],
    forbundId,
  });
  styrelse = await createSignedInUser(deployment, {
    email: 'ordforande@gamma.example',
    name: 'Olof',
    groups: ['styrelse'],
    forbundId,
  });
}, 300_000);
afterAll(async () => {
  await deployment?.stop();
  await receiver?.close();
});

async function until(what: string, condition: () => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a budget year in the deployed state machines', () => {
  const planning = () => deployment.stepFunctions.execution(`${forbundId}-${year}-planning`);

  it('starts planning from the daily run, and waits for the people with task tokens', async () => {
    await deployment.runSchedule('finsam-cycle-daily');
    await until('the planning execution', () => planning() !== undefined);
    await until('a waiting step', () => deployment.stepFunctions.waiting.size > 0);
    expect(planning()!.status).toBe('RUNNING');
  });

  it('completes samråd and adoption the moment they are recorded, without another daily run', async () => {
    const base = `/api/forbund/${forbundId}/budgets/${year}`;
    const saved = await request(deployment, 'PUT', base, {
      token: ekonom,
      body: {
        frame: '4000000.00',
        plannedEquityUse: '0.00',
        areas: { styrelse: '180000.00', administration: '1450000.00', revision: '95000.00' },
        insatser: [{ id: 'steget', name: 'Steget vidare', amount: '2275000.00', ownerMemberId: 'gamma' }],
        plan: 'Insatser för unga vuxna.',
        expectedVersion: 0,
      },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const opened = await request(deployment, 'POST', `${base}/samrad`, { token: ekonom });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const adopted = await request(deployment, 'POST', `${base}/adoption`, {
      token: styrelse,
      body: { decisionReference: `Styrelsen ${today.slice(0, 10)} § 4` },
    });
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(201);
    await until('the planning execution to finish', () => planning()!.status !== 'RUNNING');
    expect(planning()!.status, planning()!.error).toBe('SUCCEEDED');
    expect(planning()!.output?.escalation).toBeUndefined();
  });

  it('never writes a task token to any function log', () => {
    const logs = ['finsam-api', 'finsam-cycle-task', 'finsam-cycle-daily'].map((s) => deployment.lambda(s).logs());
    expect(logs.join('\n')).not.toMatch(/token-\d+-[a-z0-9]+/);
  });
});

describe("a member's finance system and its documents", () => {
  const current = year - 1;
  let member: string;
  let eventPath: EventPath;

  it('subscribes to webhooks at its public https address, and gets the signing secret once', async () => {
    member = await createSignedInUser(deployment, {
      email: 'controller@gamma.example',
      name: 'Gunnar',
      groups: ['member-rep'],
      forbundId,
      memberId: 'gamma',
    });
    const subscribed = await request(deployment, 'POST', `/api/forbund/${forbundId}/members/gamma/webhooks`, {
      token: member,
      body: { url: receiver.url, eventTypes: ['settlement.issued', 'budget.adopted'] },
    });
    expect(subscribed.status, JSON.stringify(subscribed.body)).toBe(201);
    expect(subscribed.body.secret).toMatch(/^whsec_/);
    receiver.secrets.push(subscribed.body.secret);
    eventPath = new EventPath(
      deployment.template,
      deployment.dynamodb,
      deployment.tableName,
      deployment.lambda('finsam-webhooks'),
    );
    await eventPath.start();
  });

  let events: { type: string; data: { documents?: { fileName: string; url: string }[] } }[];
  const statementOf = () =>
    events.flatMap((event) => event.data.documents ?? []).find((link) => link.url.includes('/documents/statement.'));

  it('receives the month’s statement as an event whose link opens without a token', async () => {
    const base = `/api/forbund/${forbundId}/budgets/${current}`;
    await request(deployment, 'PUT', base, {
      token: ekonom,
      body: {
        frame: '4000000.00',
        plannedEquityUse: '0.00',
        areas: { styrelse: '180000.00', administration: '1450000.00', revision: '95000.00' },
        insatser: [{ id: 'steget', name: 'Steget vidare', amount: '2275000.00', ownerMemberId: 'gamma' }],
        plan: 'Insatser för unga vuxna.',
        expectedVersion: 0,
      },
    });
    const adopted = await request(deployment, 'POST', `${base}/adoption`, {
      token: styrelse,
      body: { decisionReference: `Styrelsen ${current}-01-15 § 3`, decidedAt: `${current}-01-15T10:00:00Z` },
    });
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(201);
    const month = 8; // the last finished month on 15 September
    const run = await request(deployment, 'POST', `/api/forbund/${forbundId}/avrakning/${current}/${month}/run`, {
      token: ekonom,
    });
    expect(run.status, JSON.stringify(run.body)).toBe(200);

    const pulled = await request(deployment, 'GET', `/api/forbund/${forbundId}/members/gamma/events`, {
      token: member,
    });
    expect(pulled.status, JSON.stringify(pulled.body)).toBe(200);
    events = pulled.body.items;
    const statement = statementOf();
    expect(statement, JSON.stringify(events.map((e) => e.type))).toBeDefined();
    // Built from the portal's public address, never from the API's own host.
    expect(statement!.url.startsWith(`${deployment.url}/api/`)).toBe(true);

    const opened = await fetch(statement!.url);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await opened.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });

  it("opens nothing else with it: another document, a changed signature, or another member's name", async () => {
    const url = new URL(statementOf()!.url);
    const tampered = new URL(url);
    tampered.searchParams.set('signature', `${url.searchParams.get('signature')!.slice(0, -2)}AA`);
    const otherMember = new URL(url);
    otherMember.searchParams.set('member', 'region');
    const otherDocument = new URL(url.toString().replace(/statement\.[^/?]+/, `sie.${current}.se`));
    for (const attempt of [tampered, otherMember, otherDocument]) {
      const reply = await fetch(attempt);
      expect([401, 403, 404], attempt.toString()).toContain(reply.status);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('gets the statement as a signed webhook, through the stream, the pipe and the queue', async () => {
    const delivered = await eventPath.deliver();
    expect(delivered.failures).toEqual([]);
    // Only new outbox events pass the pipe's filter: the avräkning wrote much else.
    expect(delivered.messages).toBeGreaterThan(0);
    expect(delivered.records.length).toBeGreaterThan(delivered.messages);
    const accepted = [...receiver.accepted.values()] as { type: string; data: { documents?: { url: string }[] } }[];
    const settlement = accepted.find((event) => event.type === 'settlement.issued');
    expect(settlement, JSON.stringify(receiver.requests.map((r) => r.error ?? r.id))).toBeDefined();
    expect(receiver.requests.every((received) => received.verified)).toBe(true);
    // Delivered once per event, whatever the batching.
    expect(new Set(receiver.requests.map((received) => received.id)).size).toBe(receiver.requests.length);
    const link = settlement!.data.documents?.find((document) => document.url.includes('/documents/statement.'));
    expect(link?.url.startsWith(`${deployment.url}/api/`)).toBe(true);
    expect((await fetch(link!.url)).status).toBe(200);

    // A second read of the stream finds nothing new, and sends nothing again.
    const again = await eventPath.deliver();
    expect(again.messages).toBe(0);
    expect(receiver.requests.length).toBe(accepted.length);
  });
});
