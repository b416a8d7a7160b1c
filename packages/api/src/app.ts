import type { Logger } from '@aws-lambda-powertools/logger';
import { FinsamError } from '@finsam/domain';
import { createStores, type Table } from '@finsam/store';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { authenticate } from './auth/guards.ts';
import type { LocalIssuer } from './auth/local-issuer.ts';
import type { VerifyToken } from './auth/verifier.ts';
import { auditTrail } from './http/audit-trail.ts';
import { registerDocs } from './http/docs.ts';
import type { AppEnv } from './http/env.ts';
import { requestLogging } from './http/observability.ts';
import { fieldIssues, problemResponse, statusOfKind } from './http/problem.ts';
import { securityHeaders } from './http/security-headers-middleware.ts';
import { textGuard } from './http/text-guard.ts';
import type { IdentityProvider } from './identity/identity-provider.ts';
import { registerAuditRoutes } from './routes/audit.ts';
import { registerAvrakningRoutes } from './routes/avrakning.ts';
import { registerBudgetRoutes } from './routes/budget.ts';
import { registerCharterRoutes } from './routes/charter.ts';
import { registerClosingRoutes } from './routes/closing.ts';
import { registerCycleRoutes } from './routes/cycle.ts';
import { registerDocumentRoutes } from './routes/documents.ts';
import { registerFollowUpRoutes } from './routes/follow-up.ts';
import { registerForbundRoutes } from './routes/forbund.ts';
import { registerImportRoutes } from './routes/ledger-imports.ts';
import { registerOpeningRoutes } from './routes/ledger-openings.ts';
import { registerReportRoutes } from './routes/ledger-reports.ts';
import { registerVoucherRoutes } from './routes/ledger-vouchers.ts';
import { type LocalControl, registerLocalControlRoutes } from './routes/local-control.ts';
import { registerNationalRoutes } from './routes/national.ts';
import { registerLocalIssuerRoutes, registerMeRoute } from './routes/session.ts';
import { registerPlatformUserRoutes, registerUserRoutes } from './routes/users.ts';
import { registerWebhookRoutes, type WebhookRouteDependencies } from './routes/webhooks.ts';

/** The largest request body accepted; a förbundsordning with 60 members is about 30 KB. */
export const request_body_bytes_max = 256 * 1024;

export interface AppDependencies {
  table: Table;
  verifyToken: VerifyToken;
  logger: Logger;
  /** The one clock; the local runtime passes its virtual clock. */
  now?: () => Date;
  /** Only the local runtime has one. */
  localIssuer?: LocalIssuer;
  /** Members' webhooks (issue 5): which endpoint addresses are allowed, and how document links are signed. */
  webhooks: Omit<WebhookRouteDependencies, 'table'>;
  /** Where logins are created when a förbund invites someone: Cognito in AWS, the local directory here. */
  identityProvider: IdentityProvider;
  /** Only the local runtime: its virtual clock and scheduler. */
  localControl?: LocalControl;
  /**
   * Told after every human step of the cycle (samråd answer, adoption, audit report, discharge):
   * in AWS it completes the waiting Step Functions tasks; the local runner watches the records.
   */
  onHumanStep?: (forbundId: string, year: number) => Promise<void>;
  /** Where /docs loads Swagger UI's files from. */
  docsAssetsBaseUrl?: string;
}

/** Every API route lives under this prefix, so the portal's own paths never collide with it. */
export const api_base_path = '/api';

/** Paths anyone may call without a token. */
const publicPaths = new Set(
  ['/health', '/auth/login', '/.well-known/jwks.json'].map((path) => `${api_base_path}${path}`),
);
/** Documents behind signed links from events: the link's signature is the credential. */
const signedDocumentPath = /^\/api\/forbund\/[^/]+\/documents\/[^/]+$/;

/**
 * The whole HTTP API as one Hono app, runtime-agnostic: @hono/node-server serves it locally and
 * hono/aws-lambda in AWS. Routes are declared with zod schemas, so the OpenAPI document is
 * generated from exactly what is validated.
 */
export function createApp(dependencies: AppDependencies) {
  const stores = createStores(dependencies.table);
  const now = dependencies.now ?? (() => new Date());
  const onHumanStep = dependencies.onHumanStep ?? (async () => {});
  const defaultHook: ConstructorParameters<typeof OpenAPIHono<AppEnv>>[0] = {
    defaultHook: (result, c) => {
      if (!result.success)
        return problemResponse(c, 400, 'Begäran innehåller fel.', fieldIssues(result.error, result.target));
    },
  };
  const root = new OpenAPIHono<AppEnv>(defaultHook);
  const app = new OpenAPIHono<AppEnv>(defaultHook);

  root.use('*', requestLogging(dependencies.logger));
  root.use('*', securityHeaders);
  app.use('*', async (c, next) => {
    c.set('stores', stores);
    c.set('now', now);
    await next();
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: request_body_bytes_max,
      onError: (c) => problemResponse(c, 413, `Begäran får vara högst ${request_body_bytes_max} byte.`),
    }),
  );
  const requireToken = authenticate(dependencies.verifyToken);
  app.use('*', (c, next) =>
    publicPaths.has(c.req.path) || signedDocumentPath.test(c.req.path) ? next() : requireToken(c, next),
  );
  // After the size limit and the sign-in, before any route: text with control characters never
  // reaches a schema, a store or an export.
  app.use('*', textGuard);
  app.use('*', auditTrail(app, api_base_path));

  app.get('/health', (c) => c.json({ status: 'ok' }));
  registerMeRoute(app);
  registerForbundRoutes(app);
  registerCharterRoutes(app);
  registerAuditRoutes(app);
  registerVoucherRoutes(app);
  registerOpeningRoutes(app);
  registerReportRoutes(app);
  registerImportRoutes(app);
  registerWebhookRoutes(app, { table: dependencies.table, ...dependencies.webhooks });
  registerDocumentRoutes(app, dependencies.webhooks.documentLinks);
  registerBudgetRoutes(app, onHumanStep);
  registerAvrakningRoutes(app);
  registerClosingRoutes(app, onHumanStep);
  registerCycleRoutes(app);
  registerFollowUpRoutes(app, onHumanStep);
  registerNationalRoutes(app);
  registerUserRoutes(app, dependencies.identityProvider);
  registerPlatformUserRoutes(app, dependencies.identityProvider);
  if (dependencies.localIssuer) registerLocalIssuerRoutes(app, dependencies.localIssuer);
  if (dependencies.localControl) registerLocalControlRoutes(app, dependencies.localControl);

  root.route(api_base_path, app);
  registerDocs(root, dependencies.docsAssetsBaseUrl ?? '/docs-assets');
  root.notFound((c) => problemResponse(c, 404, 'Adressen finns inte.'));
  root.onError((error, c) => {
    if (error instanceof FinsamError)
      return problemResponse(c, statusOfKind[error.kind], error.message, [...error.issues]);
    if (error instanceof HTTPException) {
      const status = error.status as Parameters<typeof problemResponse>[1];
      if (status === 400)
        return problemResponse(c, 400, 'Begäran är inte giltig JSON.', [{ field: 'body', message: 'Ogiltig JSON.' }]);
      if (status === 415) return problemResponse(c, 415, 'Skicka JSON med content-type application/json.');
      return problemResponse(c, status, error.message);
    }
    (c.get('logger') ?? dependencies.logger).error('unhandled error', error as Error);
    return problemResponse(c, 500, 'Ett oväntat fel inträffade. Försök igen; felet är loggat.');
  });
  return root;
}
export type FinsamApp = ReturnType<typeof createApp>;
