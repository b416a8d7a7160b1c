import { presetNames } from '@finsam/domain';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/guards.ts';
import type { AppEnv } from '../http/env.ts';
import { json, jsonBody, problemResponses } from '../http/schemas.ts';

const simulationRequest = z
  .object({
    forbundId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
    year: z.number().int().min(2001).max(2198),
    preset: z.enum(presetNames).optional(),
  })
  .openapi('NySimulering');

const simulationSchema = z
  .object({
    id: z.string(),
    forbundId: z.string(),
    year: z.number().int(),
    preset: z.enum(presetNames).optional(),
    status: z.enum(['running', 'done', 'failed']),
    step: z.number().int().openapi({ description: 'Steget som pågår (1 till total); total när simuleringen är klar.' }),
    total: z.number().int(),
    label: z.string(),
    timeline: z.array(z.string()),
    outputDir: z.string().openapi({ description: 'Mappen dokumenten skrivs till, relativt körmiljöns arbetskatalog.' }),
    files: z.array(z.string()).openapi({ description: 'Dokumenten som skrevs till outputDir.' }),
    error: z.string().optional(),
    startedAt: z.string(),
    finishedAt: z.string().optional(),
  })
  .openapi('Simulering');
export type Simulation = z.infer<typeof simulationSchema>;
export type SimulationRequest = z.infer<typeof simulationRequest>;

/** A year simulated on the virtual clock, started from the portal and followed step by step. */
export interface LocalSimulations {
  start(request: SimulationRequest): Promise<Simulation>;
  get(id: string): Simulation;
  list(): Simulation[];
}

const tag = ['Lokal körmiljö'];
const bearer = [{ bearer: [] }];

export function registerLocalSimulationRoutes(app: OpenAPIHono<AppEnv>, simulations: LocalSimulations) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/local/simulations',
      tags: tag,
      security: bearer,
      summary: 'Simulera ett helt budgetår för ett förbund på den virtuella klockan (bara lokalt); följ förloppet',
      middleware: [requireRole('platform-admin')],
      request: jsonBody(simulationRequest),
      responses: { 202: json(simulationSchema, 'Simuleringen har börjat'), ...problemResponses },
    }),
    async (c) => c.json(await simulations.start(c.req.valid('json')), 202),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/local/simulations',
      tags: tag,
      security: bearer,
      summary: 'Simuleringarna sedan körmiljön startade, senaste först',
      middleware: [requireRole('platform-admin')],
      responses: { 200: json(z.object({ items: z.array(simulationSchema) }), 'Simuleringarna'), ...problemResponses },
    }),
    (c) => c.json({ items: simulations.list() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/local/simulations/{id}',
      tags: tag,
      security: bearer,
      summary: 'En simulerings förlopp: steg, tidslinje och skrivna dokument',
      middleware: [requireRole('platform-admin')],
      request: {
        params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }),
      },
      responses: { 200: json(simulationSchema, 'Simuleringen'), ...problemResponses },
    }),
    (c) => c.json(simulations.get(c.req.valid('param').id), 200),
  );
}
