import { request as httpRequest } from 'node:http';
import type { Runtime } from '@finsam/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allItems, call, login, operations, otherForbundBody, startTestRuntime } from '../support/runtime.ts';

/**
 * Bad input on every write route: 400 problem+json naming the field, and the table holds
 * exactly what it held before. The list of write routes comes from the OpenAPI document; a new
 * write route without cases here fails the first test.
 */
let runtime: Runtime;
let admin: string;
let charter: Record<string, any>;
let profile: Record<string, any>;

beforeAll(async () => {
  runtime = await startTestRuntime();
  admin = await login(runtime, 'admin');
  const current = await call(runtime, 'GET', '/api/forbund/exempeldalen/charter', { token: admin });
  const { version, forbundId: _f, createdAt: _c, createdBy: _b, ...document } = current.body;
  charter = { ...document, expectedVersion: version };
  const forbund = await call(runtime, 'GET', '/api/forbund/exempeldalen', { token: admin });
  const { id: _i, version: v, createdAt: _a, createdBy: _cb, updatedAt: _u, ...rest } = forbund.body;
  profile = { ...rest, expectedVersion: v };
});
afterAll(() => runtime?.stop());

/**
 * The server answers 413 before reading the whole body and then closes the connection; sent on a
 * connection of its own, that close cannot break the keep-alive pool the other requests share.
 */
function sendOnOwnConnection(path: string, body: string): Promise<{ status: number; contentType: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${runtime.url}${path}`,
      {
        method: 'PUT',
        agent: false,
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      },
      (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type']) });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

type Case = [description: string, body: unknown, field: string];
const withMember = (index: number, change: Record<string, unknown>) =>
  charter.members.map((m: object, i: number) => (i === index ? { ...m, ...change } : m));

const cases: Record<string, () => Case[]> = {
  'POST /api/auth/login': () => [
    ['malformed JSON', '{"username":', 'body'],
    ['missing password', { username: 'ekonom' }, 'password'],
    ['wrong type', { username: 12, password: 'demo' }, 'username'],
    ['overlong username', { username: 'x'.repeat(101), password: 'demo' }, 'username'],
  ],
  'POST /api/forbund': () => [
    ['malformed JSON', '{"name": "Nytt", ', 'body'],
    ['missing charter', { ...otherForbundBody(), charter: undefined }, 'charter'],
    [
      'non-Luhn organisationsnummer',
      { ...otherForbundBody(), organisationsnummer: '222000-0027' },
      'organisationsnummer',
    ],
    ['unknown län', { ...otherForbundBody(), lan: 'Atlantis län' }, 'lan'],
    ['overlong name', { ...otherForbundBody(), name: 'x'.repeat(201) }, 'name'],
    ['wrong type of date', { ...otherForbundBody(), formationDate: 20150101 }, 'formationDate'],
    [
      'no kommun among the members',
      {
        ...otherForbundBody(),
        charter: { ...otherForbundBody().charter, members: otherForbundBody().charter.members.slice(0, 3) },
      },
      'charter.members',
    ],
    [
      'negative population',
      {
        ...otherForbundBody(),
        charter: {
          ...otherForbundBody().charter,
          members: otherForbundBody().charter.members.map((m) =>
            m.type === 'kommun' ? { ...m, population: { count: -5, referenceDate: '2025-12-31' } } : m,
          ),
        },
      },
      'charter.members.3.population.count',
    ],
  ],
  'PUT /api/forbund/{forbundId}': () => [
    ['malformed JSON', '[', 'body'],
    ['missing expectedVersion', { ...profile, expectedVersion: undefined }, 'expectedVersion'],
    ['negative expectedVersion', { ...profile, expectedVersion: -1 }, 'expectedVersion'],
    ['non-Luhn organisationsnummer', { ...profile, organisationsnummer: '222000-0019' }, 'organisationsnummer'],
    ['a personnummer instead', { ...profile, organisationsnummer: '811218-9876' }, 'organisationsnummer'],
  ],
  'PUT /api/forbund/{forbundId}/charter': () => [
    ['malformed JSON', '{{', 'body'],
    ['missing members', { ...charter, members: undefined }, 'members'],
    ['wrong type of flag', { ...charter, members: withMember(3, { outsideRegion: 'ja' }) }, 'members.3.outsideRegion'],
    [
      'non-Luhn organisationsnummer',
      { ...charter, members: withMember(2, { organisationsnummer: '232100-0017' }) },
      'members.2.organisationsnummer',
    ],
    [
      'key that does not sum to the whole',
      {
        ...charter,
        settings: {
          ...charter.settings,
          contributionKey: {
            model: 'finsam',
            kommunKey: { method: 'explicit', percentages: { alfa: '70', beta: '20' } },
          },
        },
      },
      'settings.contributionKey.kommunKey.percentages',
    ],
    [
      'negative rate',
      { ...charter, settings: { ...charter.settings, equityWarningPercent: '-3' } },
      'settings.equityWarningPercent',
    ],
    [
      'deadline that is no date',
      {
        ...charter,
        settings: { ...charter.settings, deadlines: { ...charter.settings.deadlines, budgetAdoption: '11-31x' } },
      },
      'settings.deadlines.budgetAdoption',
    ],
    [
      'without Försäkringskassan',
      { ...charter, members: charter.members.filter((m: { type: string }) => m.type !== 'fk') },
      'members',
    ],
  ],
};

describe('bad input', () => {
  it('has cases for every write route in the OpenAPI document', async () => {
    const writes = (await operations(runtime)).filter((op) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(op.method));
    expect(writes.map((op) => `${op.method} ${op.path}`).sort()).toEqual(Object.keys(cases).sort());
  });

  for (const [route, makeCases] of Object.entries(cases)) {
    it(`${route} answers 400 naming the field and writes nothing`, async () => {
      const [method, template] = route.split(' ') as [string, string];
      const path = template.replace('{forbundId}', 'exempeldalen');
      const before = await allItems(runtime);
      for (const [description, body, field] of makeCases()) {
        const reply = await call(runtime, method, path, { token: admin, body });
        expect(reply.status, description).toBe(400);
        expect(reply.contentType, description).toContain('application/problem+json');
        expect(
          reply.body.errors.map((e: { field: string }) => e.field),
          description,
        ).toContain(field);
        for (const error of reply.body.errors) expect(error.message, description).toMatch(/[a-zåäö]/i);
      }
      expect(await allItems(runtime)).toEqual(before);
    });
  }

  it('refuses a body over the size limit with 413 and an unknown path with 404, both problem+json', async () => {
    const huge = JSON.stringify({ ...charter, decisionReference: 'x'.repeat(300 * 1024) });
    const tooLarge = await sendOnOwnConnection('/api/forbund/exempeldalen/charter', huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.contentType).toContain('application/problem+json');
    const unknown = await call(runtime, 'GET', '/api/nothing-here', { token: admin });
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toContain('application/problem+json');
  });

  it('refuses a negative frame when computing contributions', async () => {
    const reply = await call(runtime, 'GET', '/api/forbund/exempeldalen/contributions?frame=-1.00', { token: admin });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].field).toBe('query.frame');
  });
});
