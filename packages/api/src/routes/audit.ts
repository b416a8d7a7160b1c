import { tenantPartition } from '@finsam/store';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireRole, tenantGuard } from '../auth/guards.ts';
import type { AppEnv } from '../http/env.ts';
import { forbundIdParam, json, pageQuery, problemResponses } from '../http/schemas.ts';

const auditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    entity: z.string(),
    versionBefore: z.number().optional(),
    versionAfter: z.number().optional(),
    summary: z.string().optional(),
  })
  .openapi('Behandlingshistorik');

export function registerAuditRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/audit',
      tags: ['Behandlingshistorik'],
      security: [{ bearer: [] }],
      summary: 'Behandlingshistorik: vem ändrade vad och när, nyaste först',
      middleware: [tenantGuard, requireRole('forbund-admin', 'revisor', 'ekonom', 'platform-admin')],
      request: { params: forbundIdParam, query: pageQuery },
      responses: {
        200: json(z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().optional() }), 'Historik'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { forbundId } = c.req.valid('param');
      const { stores, principal } = c.var;
      await stores.forbund.get(principal, forbundId);
      return c.json(await stores.audit.list(tenantPartition(principal, forbundId), c.req.valid('query')), 200);
    },
  );
}
