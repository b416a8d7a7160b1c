import { hasRole, type Principal } from '@finsam/domain';
import { auditScope, platformPartition, tenantPartition } from '@finsam/store';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv } from './env.ts';

const write_methods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every change in the audit trail, through the one path every change request takes. A write
 * route that succeeds and whose stores recorded no audit item of their own in the requester's
 * name (with its versions and domain action) gets one here: who, when, which route (its Swedish
 * summary from the OpenAPI document) and the address of what changed. Items the stores wrote in
 * another's name (the year cycle's vouchers of an avräkning a person runs) do not say who asked.
 * A route added tomorrow is covered without knowing of it. The item follows the change rather than sharing its write, as the stores' own
 * items do; a crash between the two loses the trace of a change that did happen, never invents one.
 */
export function auditTrail(app: OpenAPIHono<AppEnv>, basePath = ''): MiddlewareHandler<AppEnv> {
  let summaries: Map<string, string> | undefined;
  const summaryOf = (method: string, path: string) => {
    summaries ??= new Map(
      app.openAPIRegistry.definitions.flatMap((definition) =>
        definition.type === 'route'
          ? [
              [
                `${definition.route.method.toUpperCase()} ${definition.route.path}`,
                definition.route.summary ?? '',
              ] as const,
            ]
          : [],
      ),
    );
    // The app's routes are declared without the path it is mounted at; a request's route has it.
    const declared = path.startsWith(basePath) ? path.slice(basePath.length) : path;
    return summaries.get(`${method} ${declared.replace(/:(\w+)/g, '{$1}')}`) || `${method} ${path}`;
  };

  return async (c, next) => {
    if (!write_methods.has(c.req.method)) return next();
    const scope = { actors: new Set<string>() };
    await auditScope.run(scope, next);
    const principal = c.get('principal') as Principal | undefined;
    if (!principal || scope.actors.has(principal.subject) || c.res.status >= 300) return;
    const route = routePath(c, -1);
    const partition = partitionOf(principal, c.req.param('forbundId'));
    if (!partition) return;
    await c.get('stores').audit.record(partition, c.get('now')(), {
      actor: principal.subject,
      action: `${c.req.method} ${route}`,
      entity: c.req.path,
      summary: summaryOf(c.req.method, route).slice(0, 500),
    });
  };
}

function partitionOf(principal: Principal, forbundId: string | undefined) {
  const target = forbundId ?? principal.forbundId;
  if (target) return tenantPartition(principal, target);
  return hasRole(principal, 'platform-admin') ? platformPartition(principal) : undefined;
}
