import { roles } from '@finsam/domain';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/guards.ts';
import type { AppEnv } from '../http/env.ts';
import { json, jsonBody, problemResponses } from '../http/schemas.ts';
import { type LocalSimulations, registerLocalSimulationRoutes } from './local-simulations.ts';

/** The local runtime's virtual clock and scheduler; AWS has neither, and no such routes. */
export interface LocalControl {
  now(): Date;
  setClock(date: Date): void;
  runScheduler(): Promise<string[]>;
  /** Adds a user to the local directory (Cognito holds the users in AWS). */
  addUser(user: LocalUserInput): Promise<void>;
  simulations: LocalSimulations;
}

const localUserSchema = z.object({
  username: z.string().regex(/^[A-Za-z0-9._-]{2,60}$/, 'Ange 2–60 tecken: a–z, siffror, punkt, - eller _.'),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(4).max(200),
  roles: z.array(z.enum(roles)).min(1).max(7),
  forbundId: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/)
    .optional(),
  memberId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/)
    .optional(),
});
export type LocalUserInput = z.infer<typeof localUserSchema>;

const clockSchema = z.object({ now: z.string() }).openapi('VirtuellKlocka');

export function registerLocalControlRoutes(app: OpenAPIHono<AppEnv>, control: LocalControl) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/local/clock',
      tags: ['Lokal körmiljö'],
      security: [{ bearer: [] }],
      summary: 'Den virtuella klockan (bara i den lokala körmiljön)',
      middleware: [requireRole('platform-admin')],
      responses: { 200: json(clockSchema, 'Klockan'), ...problemResponses },
    }),
    (c) => c.json({ now: control.now().toISOString() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/local/clock',
      tags: ['Lokal körmiljö'],
      security: [{ bearer: [] }],
      summary: 'Ställ den virtuella klockan (bara lokalt); den går sedan vidare i realtid',
      middleware: [requireRole('platform-admin')],
      request: jsonBody(z.object({ now: z.iso.datetime({ offset: true }) })),
      responses: { 200: json(clockSchema, 'Klockan'), ...problemResponses },
    }),
    (c) => {
      control.setClock(new Date(c.req.valid('json').now));
      return c.json({ now: control.now().toISOString() }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/local/scheduler/run',
      tags: ['Lokal körmiljö'],
      security: [{ bearer: [] }],
      summary: 'Kör dagens schemalagda arbete nu för alla förbund (bara lokalt)',
      middleware: [requireRole('platform-admin')],
      responses: { 200: json(z.object({ done: z.array(z.string()) }), 'Det som gjordes'), ...problemResponses },
    }),
    async (c) => c.json({ done: await control.runScheduler() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/local/users',
      tags: ['Lokal körmiljö'],
      security: [{ bearer: [] }],
      summary: 'Lägg till en användare i den lokala användarkatalogen (i AWS bjuds användare in i Cognito)',
      middleware: [requireRole('platform-admin')],
      request: jsonBody(localUserSchema),
      responses: { 201: json(z.object({ username: z.string() }), 'Användaren'), ...problemResponses },
    }),
    async (c) => {
      const user = c.req.valid('json');
      await control.addUser(user);
      return c.json({ username: user.username }, 201);
    },
  );

  registerLocalSimulationRoutes(app, control.simulations);
}
