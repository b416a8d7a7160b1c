import { resolve } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { type Runtime, type RuntimeOptions, startRuntime } from '@finsam/local';

export const repositoryRoot = resolve(import.meta.dirname, '../..');

/** A real local runtime (dynalite, HTTP server, issuer) in this process, in memory, on a free port. */
export async function startTestRuntime(
  options: { cycle?: boolean; dataDir?: string; cycleRunner?: RuntimeOptions['cycleRunner'] } = {},
): Promise<Runtime> {
  return startRuntime({
    dataDir: options.dataDir ?? '',
    inMemory: options.dataDir === undefined,
    cycle: options.cycle ?? false,
    ...(options.cycleRunner ? { cycleRunner: options.cycleRunner } : {}),
    port: 0,
    host: '127.0.0.1',
    portalDir: resolve(repositoryRoot, 'web/dist'),
    seedDemo: true,
    logLevel: 'SILENT',
    simulationOutDir: resolve(repositoryRoot, 'test-output/simulations'),
  });
}

export interface Reply {
  status: number;
  contentType: string;
  body: any;
}

/** Calls the API over HTTP like any client would. `body` may be a raw string to send malformed JSON. */
export async function call(
  runtime: Runtime,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const response = await fetch(`${runtime.url}${path}`, { method, headers, body });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return { status: response.status, contentType, body: text && contentType.includes('json') ? JSON.parse(text) : text };
}

export async function login(runtime: Runtime, username: string, password = 'demo'): Promise<string> {
  const reply = await call(runtime, 'POST', '/api/auth/login', { body: { username, password } });
  if (reply.status !== 200) throw new Error(`login ${username} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.token;
}

/** Every item in the table: tests compare this before and after a refused request. */
export async function allItems(runtime: Runtime): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await runtime.table.documents.send(
      new ScanCommand({ TableName: runtime.table.name, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** A second förbund, valid by DOMAIN.md §1, for isolation tests. */
export function otherForbundBody(name = 'Samordningsförbundet Andra') {
  return {
    name,
    organisationsnummer: '222000-0026',
    lan: 'Skåne län',
    seat: 'Gamma',
    formationDate: '2015-01-01',
    charter: {
      effectiveFrom: '2026-01-01',
      members: [
        { id: 'fk', type: 'fk', name: 'Försäkringskassan', organisationsnummer: '202100-5521' },
        { id: 'af', type: 'af', name: 'Arbetsförmedlingen', organisationsnummer: '202100-2114' },
        { id: 'region', type: 'region', name: 'Region Skåne', organisationsnummer: '232100-0255' },
        { id: 'gamma', type: 'kommun', name: 'Gamma kommun', organisationsnummer: '212000-1124' },
      ],
    },
  };
}

/** Lists the API's operations from the served OpenAPI document, so new routes are covered automatically. */
export async function operations(runtime: Runtime) {
  const document = (await call(runtime, 'GET', '/openapi.json')).body as {
    paths: Record<string, Record<string, { requestBody?: unknown; security?: unknown[] }>>;
  };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      hasBody: operation.requestBody !== undefined,
      secured: (operation.security?.length ?? 0) > 0,
    })),
  );
}

/** Plausible values for every path parameter, so generated calls reach the route and not a 400. */
export const samplePathValues: Record<string, string> = {
  version: '1',
  year: '2026',
  series: 'A',
  number: '1',
  importId: '01JAAAAAAAAAAAAAAAAAAAAAAA',
  report: 'resultatrakning',
  format: 'pdf',
  memberId: 'alfa',
  subscriptionId: '01JAAAAAAAAAAAAAAAAAAAAAAA',
  month: '1',
  periodEnd: '2026-08-31',
  documentId: 'sie.2026.se',
  email: 'ekonom@exempeldalen.se',
};

export function fillPath(template: string, forbundId: string): string {
  return template.replace('{forbundId}', forbundId).replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = samplePathValues[name];
    if (value === undefined) throw new Error(`no sample value for path parameter {${name}}: add one`);
    return value;
  });
}
