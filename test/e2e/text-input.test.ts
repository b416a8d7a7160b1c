import type { Runtime } from '@finsam/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allItems, call, fillPath, login, startTestRuntime } from '../support/runtime.ts';

/**
 * Text and sizes on every route, generated from the OpenAPI document: every string field of
 * every request body refuses control characters and lone surrogates with a field error and
 * writes nothing; every array and string in a request schema has a maximum; an error reply
 * stays small whatever the request. New routes are covered by being in the document.
 */
let runtime: Runtime;
let admin: string;
type Schema = Record<string, any>;
let document: { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, Schema> } };

beforeAll(async () => {
  runtime = await startTestRuntime();
  admin = await login(runtime, 'admin');
  document = (await call(runtime, 'GET', '/openapi.json')).body;
});
afterAll(() => runtime?.stop());

const resolve = (schema: Schema | undefined): Schema | undefined =>
  schema?.$ref ? document.components.schemas[String(schema.$ref).split('/').pop()!] : schema;

function requestSchemas() {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).flatMap(([method, operation]) => {
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      return schema ? [{ route: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, schema }] : [];
    }),
  );
}

/** Every schema node with its dotted path in the body ("[]" for an array's items). */
function* nodes(schema: Schema | undefined, at: string, depth = 0): Generator<[Schema, string]> {
  const node = resolve(schema);
  if (!node || depth > 30) return;
  yield [node, at];
  if (node.items) yield* nodes(node.items, `${at}.[]`, depth + 1);
  if (typeof node.additionalProperties === 'object') yield* nodes(node.additionalProperties, `${at}.*`, depth + 1);
  for (const [name, property] of Object.entries<Schema>(node.properties ?? {}))
    yield* nodes(property, at ? `${at}.${name}` : name, depth + 1);
  for (const key of ['anyOf', 'oneOf', 'allOf'])
    for (const option of node[key] ?? []) yield* nodes(option, at, depth + 1);
}

/** The path of the first free-text field of a body: a string property reachable through objects only. */
function firstTextField(schema: Schema): string | undefined {
  for (const [node, at] of nodes(schema, ''))
    if (node.type === 'string' && !node.enum && at && !at.includes('[]') && !at.includes('*')) return at;
  return undefined;
}

function bodyWith(field: string, value: string): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  let current = body;
  const parts = field.split('.');
  for (const part of parts.slice(0, -1)) current = current[part] = {} as Record<string, unknown>;
  current[parts.at(-1)!] = value;
  return body;
}

const badTexts: [string, string][] = [
  ['NUL', 'Kontor\u0000hyra'],
  ['escape', 'Kontor\u001b[31mhyra'],
  ['DEL', 'Kontor\u007f'],
  ['C1 next line', 'Kontor\u0085hyra'],
  ['lone high surrogate', 'Kontor\ud800hyra'],
  ['lone low surrogate', '\udc00Kontor'],
];

describe('request schemas', () => {
  it('bound every array and every string of every request body', () => {
    const unbounded = requestSchemas().flatMap(({ route, schema }) =>
      [...nodes(schema, '')].flatMap(([node, at]) => {
        if (node.type === 'array' && node.maxItems === undefined) return [`${route} ${at} (array)`];
        const constrained = node.maxLength !== undefined || node.enum || node.format || node.pattern;
        if (node.type === 'string' && !constrained) return [`${route} ${at} (string)`];
        return [];
      }),
    );
    expect(unbounded).toEqual([]);
  });
});

describe('text in requests', () => {
  it('is refused with 400 naming the field on every write route with a body, and nothing is written', async () => {
    const before = await allItems(runtime);
    const routes = requestSchemas().filter(({ method }) => method !== 'GET');
    expect(routes.length).toBeGreaterThan(20);
    let probed = 0;
    for (const { route, method, path, schema } of routes) {
      const field = firstTextField(schema) ?? 'text';
      for (const [what, text] of badTexts) {
        const reply = await call(runtime, method, fillPath(path, 'exempeldalen'), {
          token: admin,
          body: bodyWith(field, text),
        });
        const description = `${route} ${field} with ${what}`;
        expect(reply.status, description).toBe(400);
        expect(reply.contentType, description).toContain('application/problem+json');
        expect(
          reply.body.errors.map((error: { field: string }) => error.field),
          description,
        ).toContain(field);
        probed++;
      }
    }
    expect(probed).toBe(routes.length * badTexts.length);
    expect(await allItems(runtime)).toEqual(before);
  });

  it('is refused in query values and the path too', async () => {
    const list = await call(runtime, 'GET', '/api/forbund/exempeldalen/audit?cursor=a%00b', { token: admin });
    expect(list.status).toBe(400);
    expect(list.body.errors[0].field).toBe('query.cursor');
    const path = await call(runtime, 'GET', '/api/forbund/exempel%1Bdalen', { token: admin });
    expect(path.status).toBe(400);
    expect(path.body.errors[0].field).toBe('path');
  });

  it('keeps tabs, line breaks, Swedish letters and characters outside the BMP', async () => {
    const current = (await call(runtime, 'GET', '/api/forbund/exempeldalen', { token: admin })).body;
    const { id: _i, version, createdAt: _c, createdBy: _b, updatedAt: _u, ...profile } = current;
    const seat = 'Åre\tÖstersund 🌲';
    const put = await call(runtime, 'PUT', '/api/forbund/exempeldalen', {
      token: admin,
      body: { ...profile, seat, expectedVersion: version },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect((await call(runtime, 'GET', '/api/forbund/exempeldalen', { token: admin })).body.seat).toBe(seat);
  });
});

describe('error replies', () => {
  it('stay small when the request has thousands of bad items', async () => {
    const roles = Array.from({ length: 15_000 }, (_, index) => `roll-${index}`);
    const reply = await call(runtime, 'POST', '/api/forbund/exempeldalen/users', {
      token: admin,
      body: { email: 'ny@exempeldalen.se', name: 'Ny Person', roles },
    });
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body).length).toBeLessThan(20_000);
    expect(reply.body.errors.map((error: { field: string }) => error.field)).toContain('roles');
  });
});
