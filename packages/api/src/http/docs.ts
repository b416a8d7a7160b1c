import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env.ts';

/**
 * The OpenAPI 3.1 document and a docs page. The page loads Swagger UI from `assetsBaseUrl`: the
 * local runtime serves the swagger-ui-dist files there, and in AWS the portal's CDN does, so the
 * docs never depend on a third-party host.
 */
/** The script that starts Swagger UI on the docs page. */
export const docs_start_path = '/docs/start.js';

export function registerDocs(app: OpenAPIHono<AppEnv>, assetsBaseUrl: string) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'ID-token från Cognito (i AWS) eller från den lokala utfärdaren (POST /auth/login).',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Finsam Cloud API',
      version: '1.0.0',
      description:
        'Ekonomin i samordningsförbund enligt lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser. Belopp är decimalsträngar med två decimaler; fel är RFC 9457 problem+json.',
    },
  });
  app.get('/docs', (c) =>
    c.html(`<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Finsam Cloud API – dokumentation</title><link rel="stylesheet" href="${assetsBaseUrl}/swagger-ui.css"></head>
<body><main id="swagger-ui"></main><script src="${assetsBaseUrl}/swagger-ui-bundle.js"></script>
<script src="${docs_start_path}"></script></body></html>`),
  );
  // A file of its own, not an inline script: the page's Content-Security-Policy allows none.
  app.get(docs_start_path, (c) =>
    c.body("window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui' });\n", 200, {
      'content-type': 'text/javascript; charset=utf-8',
    }),
  );
}
