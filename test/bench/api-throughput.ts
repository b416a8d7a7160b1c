/**
 * Local API throughput and latency (issue 2): GET förbund and PUT charter at 1 and 16 concurrent
 * clients, against the real local runtime (dynalite + HTTP). Prints a table; asserts nothing.
 * Run: npx tsx test/bench/api-throughput.ts [requests-per-case]
 */
import { call, login, otherForbundBody, startTestRuntime } from '../support/runtime.ts';
import { runConcurrent, summarise } from './stats.ts';

const requests_per_case = Number(process.argv[2] ?? 400);
const runtime = await startTestRuntime();
try {
  const admin = await login(runtime, 'admin');
  const ekonom = await login(runtime, 'ekonom');
  // One förbund per PUT client, so the figure is throughput and not optimistic-lock conflicts.
  const forbundIds: string[] = [];
  for (let index = 0; index < 16; index++) {
    const created = await call(runtime, 'POST', '/api/forbund', {
      token: admin,
      body: otherForbundBody(`Bänkförbundet ${index}`),
    });
    forbundIds.push(created.body.id);
  }
  const versions = new Map<string, { version: number; document: Record<string, unknown> }>();
  for (const id of forbundIds) {
    const {
      version,
      forbundId: _f,
      createdAt: _c,
      createdBy: _b,
      ...document
    } = (await call(runtime, 'GET', `/api/forbund/${id}/charter`, { token: admin })).body;
    versions.set(id, { version, document });
  }

  const rows = [];
  for (const concurrency of [1, 16]) {
    const get = await runConcurrent(requests_per_case, concurrency, async () => {
      const reply = await call(runtime, 'GET', '/api/forbund/exempeldalen', { token: ekonom });
      if (reply.status !== 200) throw new Error(`GET failed: ${reply.status}`);
    });
    rows.push(summarise(`GET /api/forbund/{id}  c=${concurrency}`, get.latencies, get.elapsedMs));

    const put = await runConcurrent(requests_per_case, concurrency, async (worker) => {
      const id = forbundIds[worker] as string;
      const state = versions.get(id) as { version: number; document: Record<string, unknown> };
      const reply = await call(runtime, 'PUT', `/api/forbund/${id}/charter`, {
        token: admin,
        body: { ...state.document, expectedVersion: state.version },
      });
      if (reply.status !== 201) throw new Error(`PUT failed: ${reply.status} ${JSON.stringify(reply.body)}`);
      state.version += 1;
    });
    rows.push(summarise(`PUT /api/forbund/{id}/charter  c=${concurrency}`, put.latencies, put.elapsedMs));
  }
  console.table(rows);
} finally {
  await runtime.stop();
}
