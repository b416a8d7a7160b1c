import type { Runtime } from '@finsam/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allItems, call, fillPath, login, operations, otherForbundBody, startTestRuntime } from '../support/runtime.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';

/**
 * Issue 12 point 3: every write route of the OpenAPI document, called once with a valid body,
 * adds exactly one audit item, naming the signed-in person and the change. The list of write
 * routes comes from the document; a new write route without an entry here fails the first test,
 * so no route can be added without showing that it leaves its trace.
 *
 * The entries share one runtime and run in the order they are written, each finding the state
 * the ones before left (a voucher before its reversal, a budget before its samråd, a closed year
 * before its årsredovisning). Setup calls an entry makes first are not counted: the trail is read
 * just before the call under test.
 */
let runtime: Runtime;
/** Alfa kommun's finance system, which the webhook entries subscribe and ping. */
let receiver: Receiver;
const forbundId = 'exempeldalen';
const base = `/api/forbund/${forbundId}`;

/**
 * Write routes that change no record, each with the reason. The local runtime's control routes
 * (/local/clock, /local/scheduler/run, /local/users, /local/simulations) are not in the document
 * this runtime serves (only a runtime with the year cycle has them, and never AWS); they are
 * listed so that a runtime that serves them does not fail here unnoticed, and for the reason.
 */
const notChanges: Record<string, string> = {
  // Signing in issues a token; it changes no record of the förbund or the platform. Failed
  // attempts are limited (login-limiter), not audited. There is no refresh or logout route.
  'POST /api/auth/login': 'inloggning, ingen ändring av data',
  // The virtual clock is the local stand-in for time itself, not data.
  'PUT /api/local/clock': 'den virtuella klockan',
  // The stand-in for EventBridge Scheduler, which has no route in AWS; the cycle's own changes
  // are recorded by the stores they pass through, in the name of the year cycle.
  'POST /api/local/scheduler/run': 'schemaläggarens utlösare',
  // The stand-in for Cognito's user directory; inviting a person (POST …/users) is the audited change.
  'POST /api/local/users': 'den lokala användarkatalogen',
  // A simulated year drives the API's own routes, each of which records its own item.
  'POST /api/local/simulations': 'simuleringen går genom API:ets egna vägar',
};

/** Who signs in, any setup, and what the one call under test sends. */
interface Change {
  as: string;
  /** Setup calls (not counted) and the call's path values and body. */
  prepare?: (token: string) => Promise<Call> | Call;
  /** What the audit item's action, entity or summary must mention. */
  names: RegExp;
  /**
   * The change books vouchers the economy derives in the year cycle's name, each with its own
   * item (actor arscykeln, voucher.booked), as when the scheduler runs it; the one item naming
   * the person who asked comes besides them.
   */
  cycleBooks?: true;
}
interface Call {
  path?: Record<string, string>;
  body?: unknown;
}

/** What each call answered, by route: later entries use what earlier ones created. */
const made: Record<string, any> = {};
const subscription = () => made['POST /api/forbund/{forbundId}/members/{memberId}/webhooks'];

const get = async (token: string, path: string) => {
  const reply = await call(runtime, 'GET', path, { token });
  expect(reply.status, `GET ${path}: ${JSON.stringify(reply.body)}`).toBe(200);
  return reply.body;
};

const sieBase64 = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1').toString('base64');
const budget2027 = {
  frame: '4000000.00',
  plannedEquityUse: '150000.00',
  areas: { styrelse: '180000.00', administration: '1450000.00', revision: '95000.00' },
  insatser: [
    { id: 'steget', name: 'Steget vidare', amount: '1425000.00', ownerMemberId: 'alfa' },
    { id: 'unga', name: 'Unga i arbete', amount: '1000000.00', ownerMemberId: 'region' },
  ],
  plan: 'Insatser för unga vuxna och för personer långt från arbetsmarknaden.',
};

/** In call order. The key is the route as the OpenAPI document names it. */
const changes: Record<string, Change> = {
  'POST /api/forbund': {
    as: 'admin',
    prepare: () => ({ body: otherForbundBody() }),
    names: /forbund\.created .*Samordningsförbundet Andra/,
  },
  'PUT /api/forbund/{forbundId}': {
    as: 'forbundsadmin',
    prepare: async (token) => {
      const { id: _i, version, createdAt: _c, createdBy: _b, updatedAt: _u, ...profile } = await get(token, base);
      return { body: { ...profile, seat: 'Nyköping', expectedVersion: version } };
    },
    names: /forbund\.updated .*Förbundets uppgifter ändrade: säte \(Nyköping\)/,
  },
  'PUT /api/forbund/{forbundId}/charter': {
    as: 'forbundsadmin',
    prepare: async (token) => {
      const { version, forbundId: _f, createdAt: _c, createdBy: _b, ...document } = await get(token, `${base}/charter`);
      return {
        body: {
          ...document,
          decisionReference: 'Ändrad förbundsordning, stämman 2026-12-01',
          expectedVersion: version,
        },
      };
    },
    names: /charter\.versioned .*stämman 2026-12-01/,
  },
  'POST /api/forbund/{forbundId}/users': {
    as: 'forbundsadmin',
    prepare: () => ({ body: { email: 'anna@exempeldalen.se', name: 'Anna Assistent', roles: ['ekonom'] } }),
    names: /user\.invited USER#anna@exempeldalen\.se/,
  },
  'DELETE /api/forbund/{forbundId}/users/{email}': {
    as: 'forbundsadmin',
    prepare: () => ({ path: { email: 'anna@exempeldalen.se' } }),
    names: /user\.removed USER#anna@exempeldalen\.se Användaren Anna Assistent .*borttagen/,
  },
  'POST /api/platform/users': {
    as: 'admin',
    prepare: () => ({ body: { email: 'analytiker@radet.example', name: 'Rådets analytiker', roles: ['national'] } }),
    names: /user\.invited USER#analytiker@radet\.example/,
  },
  'DELETE /api/platform/users/{email}': {
    as: 'admin',
    prepare: () => ({ path: { email: 'analytiker@radet.example' } }),
    names: /user\.removed USER#analytiker@radet\.example/,
  },

  'POST /api/forbund/{forbundId}/ledger/accounts': {
    as: 'ekonom',
    prepare: async (token) => ({
      body: {
        account: { number: '5421', name: 'Programlicenser', kind: 'cost', area: 'administration' },
        expectedVersion: (await get(token, `${base}/ledger/accounts`)).version,
      },
    }),
    names: /ledger\/accounts .*Lägg till ett konto/,
  },
  'POST /api/forbund/{forbundId}/ledger/vouchers': {
    as: 'ekonom',
    prepare: () => ({
      body: {
        series: 'A',
        year: 2026,
        date: '2026-11-05',
        text: 'Konferenslokal styrelsemöte',
        lines: [
          { account: '5410', amount: '1250.00' },
          { account: '1930', amount: '-1250.00' },
        ],
      },
    }),
    names: /voucher\.booked .*Konferenslokal styrelsemöte/,
  },
  'POST /api/forbund/{forbundId}/ledger/{year}/vouchers/{series}/{number}/reversal': {
    as: 'ekonom',
    prepare: () => {
      const booked = made['POST /api/forbund/{forbundId}/ledger/vouchers'];
      return { path: { year: '2026', series: 'A', number: String(booked.number) }, body: { date: '2026-11-20' } };
    },
    names: /voucher\.corrected .*Återföring av A\d+/,
  },
  'POST /api/forbund/{forbundId}/ledger/{year}/periods/lock': {
    as: 'ekonom',
    prepare: () => ({ path: { year: '2026' }, body: { period: '2026-01', reason: 'Januari avstämd och rapporterad' } }),
    names: /periods\/lock .*Lås en månad/,
  },
  // One voucher in the file: each voucher an import books gets its own item (voucher.booked),
  // as every booked voucher does, so a file of n vouchers leaves n.
  'POST /api/forbund/{forbundId}/ledger/imports': {
    as: 'ekonom',
    prepare: () => ({
      body: {
        fileName: 'kansliet-november.se',
        contentBase64: sieBase64([
          '#FLAGGA 0',
          '#SIETYP 4',
          '#ORGNR 222000-0018',
          '#RAR 0 20260101 20261231',
          '#KONTO 5410 "Forbrukningsinventarier"',
          '#KONTO 1930 "Foretagskonto"',
          '#VER I 1 20261112 "Skrivare kansliet"',
          '{',
          '#TRANS 5410 {} 3400.00',
          '#TRANS 1930 {} -3400.00',
          '}',
        ]),
      },
    }),
    names: /ledger\.import\.staged .*kansliet-november\.se/,
  },
  'POST /api/forbund/{forbundId}/ledger/imports/{importId}/book': {
    as: 'ekonom',
    prepare: () => ({ path: { importId: made['POST /api/forbund/{forbundId}/ledger/imports'].id } }),
    names: /voucher\.booked VOUCHER#2026#I#.*Skrivare kansliet/,
  },
  'PUT /api/forbund/{forbundId}/ledger/{year}/opening-balances': {
    as: 'ekonom',
    prepare: () => ({
      path: { year: '2030' },
      body: { balances: { '1930': '100.00', '2050': '-100.00' }, source: 'Utgående balanser 2029 enligt Visma' },
    }),
    names: /OPENING#2030/,
  },
  'POST /api/forbund/{forbundId}/ledger/{year}/opening-balances/sie': {
    as: 'ekonom',
    prepare: () => ({
      path: { year: '2031' },
      body: {
        contentBase64: sieBase64([
          '#FLAGGA 0',
          '#SIETYP 4',
          '#ORGNR 222000-0018',
          '#RAR 0 20310101 20311231',
          '#KONTO 1930 Bank',
          '#KONTO 2050 Balanserat',
          '#IB 0 1930 500.00',
          '#IB 0 2050 -500.00',
        ]),
      },
    }),
    names: /OPENING#2031 .*SIE/,
  },

  'POST /api/forbund/{forbundId}/members/{memberId}/webhooks': {
    as: 'forbundsadmin',
    prepare: () => ({
      path: { memberId: 'alfa' },
      body: { url: receiver.url, eventTypes: ['settlement.issued'] },
    }),
    names: /webhook\.created SUB#alfa#.* Webbhook för Alfa kommun skapad till http:\/\/127\.0\.0\.1:\d+$/,
  },
  'PATCH /api/forbund/{forbundId}/members/{memberId}/webhooks/{subscriptionId}': {
    as: 'forbundsadmin',
    prepare: () => ({
      path: { memberId: 'alfa', subscriptionId: subscription().id },
      body: { description: 'Alfa kommuns ekonomisystem', expectedVersion: subscription().version },
    }),
    names: /webhook\.updated SUB#alfa#.* Webbhook för Alfa kommun .*: beskrivningen ändrad/,
  },
  'POST /api/forbund/{forbundId}/members/{memberId}/webhooks/{subscriptionId}/secret': {
    as: 'forbundsadmin',
    prepare: () => ({
      path: { memberId: 'alfa', subscriptionId: subscription().id },
      body: {
        overlapHours: 24,
        expectedVersion: made['PATCH /api/forbund/{forbundId}/members/{memberId}/webhooks/{subscriptionId}'].version,
      },
    }),
    names: /webhook\.secret-rotated SUB#alfa#.* Webbhook för Alfa kommun .*: ny hemlighet/,
  },
  'POST /api/forbund/{forbundId}/members/{memberId}/webhooks/{subscriptionId}/replay': {
    as: 'forbundsadmin',
    prepare: () => ({
      path: { memberId: 'alfa', subscriptionId: subscription().id },
      body: { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' },
    }),
    names: /\/replay .*Leverera igen/,
  },
  'POST /api/forbund/{forbundId}/members/{memberId}/webhooks/{subscriptionId}/ping': {
    as: 'forbundsadmin',
    prepare: () => ({ path: { memberId: 'alfa', subscriptionId: subscription().id } }),
    names: /\/ping .*testmeddelande/,
  },
  'DELETE /api/forbund/{forbundId}/members/{memberId}/webhooks/{subscriptionId}': {
    as: 'forbundsadmin',
    prepare: () => ({ path: { memberId: 'alfa', subscriptionId: subscription().id } }),
    names: /webhook\.disabled\.deleted SUB#alfa#.* Webbhook för Alfa kommun .* borttagen/,
  },

  'PUT /api/forbund/{forbundId}/budgets/{year}': {
    as: 'ekonom',
    prepare: () => ({ path: { year: '2027' }, body: { ...budget2027, expectedVersion: 0 } }),
    names: /budget\.versioned BUDGET#2027#.* Budgetförslag 2027 version 1 sparat/,
  },
  'POST /api/forbund/{forbundId}/budgets/{year}/samrad': {
    as: 'ekonom',
    prepare: () => ({ path: { year: '2027' } }),
    names: /samrad\.opened SAMRAD#2027/,
  },
  'POST /api/forbund/{forbundId}/budgets/{year}/samrad/answers/{memberId}': {
    as: 'medlem',
    prepare: () => ({
      path: { year: '2027', memberId: 'alfa' },
      body: { answer: 'comments', comments: 'Vi vill se en plan för utvärdering av Steget vidare.' },
    }),
    names: /samrad\.answered SAMRADSVAR#2027#alfa Samrådssvar från Alfa kommun: har synpunkter/,
  },
  'POST /api/forbund/{forbundId}/budgets/{year}/adoption': {
    as: 'styrelse',
    prepare: () => ({ path: { year: '2027' }, body: { decisionReference: 'Styrelsen 2026-11-30 § 9' } }),
    names: /budget\.adopted\.final ADOPTION#2027/,
  },
  'POST /api/forbund/{forbundId}/avrakning/{year}/{month}/run': {
    as: 'ekonom',
    prepare: () => ({ path: { year: '2027', month: '1' } }),
    names: /avrakning\/2027\/1\/run .*avräkning/,
    cycleBooks: true,
  },
  'POST /api/forbund/{forbundId}/avrakning/{year}/{month}/costs/{memberId}': {
    as: 'medlem',
    prepare: () => ({
      path: { year: '2026', month: '11', memberId: 'alfa' },
      body: { lines: [{ account: '5410', amount: '4200.00' }] },
    }),
    names: /costs\/alfa .*kostnader/,
  },
  'POST /api/forbund/{forbundId}/avrakning/{year}/{month}/payments/{memberId}': {
    as: 'ekonom',
    prepare: () => ({
      path: { year: '2026', month: '11', memberId: 'alfa' },
      body: { amount: '25000.00', date: '2026-11-10' },
    }),
    names: /voucher\.booked .*Betalning Alfa kommun/,
  },
  'POST /api/forbund/{forbundId}/interim-reports/{year}/{periodEnd}/adoption': {
    as: 'styrelse',
    prepare: () => ({
      path: { year: '2026', periodEnd: '2026-08-31' },
      body: { decisionReference: 'Styrelsen 2026-10-15 § 5', comments: 'Prognosen håller.' },
    }),
    names: /interim-report\.adopted INTERIM#2026#2026-08-31/,
  },

  'POST /api/forbund/{forbundId}/ledger/{year}/close': {
    as: 'ekonom',
    prepare: () => ({ path: { year: '2026' }, body: { reason: 'Bokslut 2026' } }),
    names: /Bokslut 2026: årets resultat/,
  },
  'POST /api/forbund/{forbundId}/closing/{year}/annual-report': {
    as: 'styrelse',
    prepare: () => ({
      path: { year: '2026' },
      body: { decisionReference: 'Styrelsen 2026-12-04 § 2', signedBy: ['Sven Styrelseordförande'] },
    }),
    names: /annual-report\.adopted ANNUALREPORT#2026/,
  },
  'POST /api/forbund/{forbundId}/auditors': {
    as: 'forbundsadmin',
    prepare: () => ({
      body: {
        id: 'revisor',
        name: 'Rut Revisor',
        appointedBy: ['fk', 'af', 'region', 'alfa', 'beta'],
        substitute: { name: 'Rolf Ersättare' },
      },
    }),
    names: /auditor\.appointed AUDITOR#revisor/,
  },
  'POST /api/forbund/{forbundId}/closing/{year}/audit-reports': {
    as: 'revisor',
    prepare: () => ({
      path: { year: '2026' },
      body: { recommendation: 'grant', statement: 'Räkenskaperna är rättvisande; ansvarsfrihet tillstyrks.' },
    }),
    names: /audit-report\.submitted AUDITREPORT#2026#revisor .*: tillstyrker ansvarsfrihet/,
  },
  'POST /api/forbund/{forbundId}/closing/{year}/discharge/{memberId}': {
    as: 'medlem',
    prepare: () => ({
      path: { year: '2026', memberId: 'alfa' },
      body: { decision: 'refused', decidedOn: '2026-12-01', decisionReference: 'KF 2026-12-01 § 14' },
    }),
    names: /discharge\.refused DISCHARGE#2026#alfa Alfa kommun vägrar ansvarsfrihet/,
  },
  'POST /api/forbund/{forbundId}/closing/{year}/discharge-resolutions': {
    as: 'styrelse',
    prepare: () => ({
      path: { year: '2026' },
      body: {
        memberId: 'alfa',
        decidedOn: '2026-12-03',
        decisionReference: 'Styrelsen 2026-12-03 § 4',
        text: 'Bristen i internkontrollen är åtgärdad; Alfa kommun har godtagit åtgärden.',
      },
    }),
    names: /discharge\.resolved DISCHARGE-RESOLUTION#2026#alfa/,
  },
};

type Audit = { kind: string; id: string; actor: string; action: string; entity: string; summary?: string };
const audits = async () => ((await allItems(runtime)) as unknown as Audit[]).filter((item) => item.kind === 'audit');

const tokens = new Map<string, { token: string; subject: string }>();
async function signIn(username: string) {
  let session = tokens.get(username);
  if (!session) {
    const token = await login(runtime, username);
    session = { token, subject: (await call(runtime, 'GET', '/api/me', { token })).body.subject };
    tokens.set(username, session);
  }
  return session;
}

function withPathValues(template: string, values: Record<string, string>) {
  let path = template;
  for (const [name, value] of Object.entries(values)) path = path.replace(`{${name}}`, encodeURIComponent(value));
  return fillPath(path, forbundId);
}

/** Each route's Swedish summary in the OpenAPI document, by route. */
const summaries = new Map<string, string>();

beforeAll(async () => {
  runtime = await startTestRuntime();
  receiver = await startReceiver();
  const document = (await call(runtime, 'GET', '/openapi.json')).body as {
    paths: Record<string, Record<string, { summary?: string }>>;
  };
  for (const [path, methods] of Object.entries(document.paths))
    for (const [method, operation] of Object.entries(methods))
      summaries.set(`${method.toUpperCase()} ${path}`, operation.summary ?? '');
});
afterAll(async () => {
  await runtime?.stop();
  await receiver?.close();
});

describe('the audit trail of every write route', () => {
  it('has an entry for every write route in the OpenAPI document, or a reason it changes nothing', async () => {
    const writes = (await operations(runtime))
      .filter((op) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(op.method))
      .map((op) => `${op.method} ${op.path}`);
    expect(writes.filter((route) => !(route in notChanges)).sort()).toEqual(Object.keys(changes).sort());
  });

  for (const [route, change] of Object.entries(changes)) {
    it(`${route} adds exactly one audit item naming who and what`, async () => {
      const [method, template] = route.split(' ') as [string, string];
      const { token, subject } = await signIn(change.as);
      const { path = {}, body } = (await change.prepare?.(token)) ?? {};
      const before = new Set((await audits()).map((item) => item.id));
      const reply = await call(runtime, method, withPathValues(template, path), { token, body });
      expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(300);
      made[route] = reply.body;
      if (typeof reply.body?.secret === 'string') receiver.secrets.push(reply.body.secret);
      let added = (await audits()).filter((item) => !before.has(item.id));
      if (change.cycleBooks) {
        const cycles = added.filter((item) => item.actor !== subject);
        expect(cycles.length).toBeGreaterThan(0);
        for (const booked of cycles) expect(booked).toMatchObject({ actor: 'arscykeln', action: 'voucher.booked' });
        added = added.filter((item) => item.actor === subject);
      }
      expect(added, JSON.stringify(added, null, 1)).toHaveLength(1);
      const [audit] = added as [Audit];
      expect(audit.actor).toBe(subject);
      expect(audit.entity).toBeTruthy();
      if (audit.action.startsWith(`${method} `))
        // The one write path's own item: the route, and its Swedish summary from the document.
        expect(audit.summary).toBe(summaries.get(route));
      else {
        // A store's own item: its domain action (forbund.updated, voucher.corrected) and a Swedish
        // sentence a person reads in the trail, naming what changed, never a raw code or enum value.
        expect(audit.action).toMatch(/^[a-z-]+(\.[a-z-]+)+$/);
        expect(audit.summary, audit.action).toMatch(/^[A-ZÅÄÖ]\S* /);
        expect(audit.summary).not.toMatch(/\b(grant|refuse|granted|refused|agree|comments|final|preliminary)\b/);
      }
      if (audit.summary !== undefined) expect(audit.summary.trim()).not.toBe('');
      expect(`${audit.action} ${audit.entity} ${audit.summary ?? ''}`).toMatch(change.names);
    });
  }
});
