import { charterDocumentSchema, forbundProfileSchema } from '@finsam/domain';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireRole, tenantGuard, tenantRoles } from '../auth/guards.ts';
import type { AppEnv } from '../http/env.ts';
import { forbundIdParam, json, jsonBody, pageQuery, problemResponses, version } from '../http/schemas.ts';

export const forbundSchema = z
  .object({
    id: z.string(),
    ...forbundProfileSchema.shape,
    version,
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Forbund');

const createForbundBody = forbundProfileSchema.extend({ charter: charterDocumentSchema }).openapi('NyttForbund');
const updateForbundBody = forbundProfileSchema.extend({ expectedVersion: version }).openapi('AndraForbund');

const tag = ['Förbund'];
const bearer = [{ bearer: [] }];

export function registerForbundRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund',
      tags: tag,
      security: bearer,
      summary: 'Lista förbund (plattformsadministratören ser alla, andra sitt eget)',
      request: { query: pageQuery },
      responses: {
        200: json(z.object({ items: z.array(forbundSchema), nextCursor: z.string().optional() }), 'Förbund'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const page = await c.var.stores.forbund.list(c.var.principal, c.req.valid('query'));
      return c.json(page, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forbund',
      tags: tag,
      security: bearer,
      summary: 'Skapa ett förbund med medlemmar och första förbundsordning',
      middleware: [requireRole('platform-admin')],
      request: jsonBody(createForbundBody),
      responses: { 201: json(forbundSchema, 'Förbundet skapades'), ...problemResponses },
    }),
    async (c) => {
      const { charter, ...profile } = c.req.valid('json');
      const created = await c.var.stores.forbund.create(c.var.principal, profile, charter, c.var.now());
      return c.json(created, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}',
      tags: tag,
      security: bearer,
      summary: 'Ett förbund',
      middleware: [tenantGuard, requireRole(...tenantRoles)],
      request: { params: forbundIdParam },
      responses: { 200: json(forbundSchema, 'Förbundet'), ...problemResponses },
    }),
    async (c) => c.json(await c.var.stores.forbund.get(c.var.principal, c.req.valid('param').forbundId), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/forbund/{forbundId}',
      tags: tag,
      security: bearer,
      summary: 'Ändra förbundets uppgifter (optimistisk låsning med expectedVersion)',
      middleware: [tenantGuard, requireRole('forbund-admin', 'platform-admin')],
      request: { params: forbundIdParam, ...jsonBody(updateForbundBody) },
      responses: { 200: json(forbundSchema, 'Ändrat'), ...problemResponses },
    }),
    async (c) => {
      const { expectedVersion, ...profile } = c.req.valid('json');
      const { forbundId } = c.req.valid('param');
      const updated = await c.var.stores.forbund.updateProfile(
        c.var.principal,
        forbundId,
        profile,
        expectedVersion,
        c.var.now(),
      );
      return c.json(updated, 200);
    },
  );
}
