import type { Runtime } from '@finsam/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, otherForbundBody, startTestRuntime } from '../support/runtime.ts';

/**
 * A year simulated from the portal (issue 6: long operations show progress): started over the
 * local control API, followed step by step while the real state machines and scheduler run.
 */
let runtime: Runtime;
let forbundId: string;

beforeAll(async () => {
  runtime = await startTestRuntime({ cycle: true });
  const admin = await login(runtime, 'admin');
  forbundId = (await call(runtime, 'POST', '/api/forbund', { token: admin, body: otherForbundBody() })).body.id;
});
afterAll(() => runtime?.stop());

const clockYear = () => runtime.clock.now().getUTCFullYear();

describe('a simulation started over the API', () => {
  it('refuses a year whose planning has already begun on the clock, and an unknown förbund, naming the field', async () => {
    const admin = await login(runtime, 'admin');
    const past = await call(runtime, 'POST', '/api/local/simulations', {
      token: admin,
      body: { forbundId, year: clockYear() },
    });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].field).toBe('year');
    expect(past.body.errors[0].message).toMatch(/välj \d{4} eller senare/);
    const unknown = await call(runtime, 'POST', '/api/local/simulations', {
      token: admin,
      body: { forbundId: 'finns-inte', year: clockYear() + 2 },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('forbundId');
    const ekonom = await login(runtime, 'ekonom');
    const refused = await call(runtime, 'POST', '/api/local/simulations', {
      token: ekonom,
      body: { forbundId, year: clockYear() + 2 },
    });
    expect(refused.status).toBe(403);
  });

  it('runs one at a time and reports each step until the year is closed and its documents written', async () => {
    const year = clockYear() + 2;
    const admin = await login(runtime, 'admin');
    // Two requests at once: exactly one starts, since both would move the one clock.
    const [first, second] = await Promise.all(
      [
        { forbundId, year, preset: 'delta' },
        { forbundId, year },
      ].map((body) => call(runtime, 'POST', '/api/local/simulations', { token: admin, body })),
    );
    expect([first?.status, second?.status].sort()).toEqual([202, 409]);
    const started = first?.status === 202 ? first : (second as NonNullable<typeof second>);
    expect(started.body).toMatchObject({ forbundId, year, status: 'running', total: 18 });

    const seen: number[] = [];
    let job = started.body;
    while (job.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      // One sign-in all through: it lasts an hour of real time, however far the virtual clock moves.
      job = (await call(runtime, 'GET', `/api/local/simulations/${started.body.id}`, { token: admin })).body;
      if (seen.at(-1) !== job.step) seen.push(job.step);
    }
    expect(job.error).toBeUndefined();
    expect(job).toMatchObject({ status: 'done', step: 18, label: 'Klart' });
    expect(seen).toEqual([...seen].sort((a, b) => a - b)); // only forward
    expect(seen.length).toBeGreaterThan(3);
    expect(job.files).toContain(`arsredovisning-${year}.pdf`);
    expect(job.outputDir).toBe(`test-output/simulations/${forbundId}-${year}`);
    // The year closes with the likvidavräkning; its payments on their due dates come after.
    expect(job.timeline.some((line: string) => line.includes('året är stängt'))).toBe(true);

    const list = await call(runtime, 'GET', '/api/local/simulations', { token: admin });
    expect(list.body.items[0].id).toBe(started.body.id);
    const again = await call(runtime, 'POST', '/api/local/simulations', { token: admin, body: { forbundId, year } });
    expect(again.status).toBe(400); // the clock has passed that year's planning now
  }, 120_000);
});
