import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { LocalIssuer } from '../auth/local-issuer.ts';
import type { AppEnv } from '../http/env.ts';
import { json, jsonBody, problemResponses } from '../http/schemas.ts';

export const principalSchema = z
  .object({
    subject: z.string(),
    name: z.string(),
    email: z.string().optional(),
    roles: z.array(z.string()),
    forbundId: z.string().optional(),
    memberId: z.string().optional(),
  })
  .openapi('Anvandare');

const loginBody = z
  .object({ username: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) })
  .openapi('Inloggning');

export function registerMeRoute(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['Inloggning'],
      security: [{ bearer: [] }],
      summary: 'Den inloggade användaren och dess roller',
      responses: { 200: json(principalSchema, 'Användaren'), ...problemResponses },
    }),
    (c) => c.json(c.var.principal, 200),
  );
}

/** Only in the local runtime: in AWS, Cognito's hosted login issues the tokens. */
export function registerLocalIssuerRoutes(app: OpenAPIHono<AppEnv>, issuer: LocalIssuer) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags: ['Inloggning'],
      summary: 'Logga in (bara i den lokala körmiljön)',
      request: jsonBody(loginBody),
      responses: {
        200: json(z.object({ token: z.string(), expiresAt: z.string(), principal: principalSchema }), 'Inloggad'),
        ...problemResponses,
        429: {
          description:
            'För många misslyckade inloggningar för användaren eller adressen; försök igen efter `Retry-After` sekunder',
          headers: { 'Retry-After': { description: 'Sekunder att vänta', schema: { type: 'integer' } } },
          content: problemResponses[400].content,
        },
      },
    }),
    async (c) => {
      const { username, password } = c.req.valid('json');
      return c.json(await issuer.login(username, password), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/.well-known/jwks.json',
      tags: ['Inloggning'],
      summary: 'Den lokala utfärdarens publika nycklar (JWKS)',
      responses: { 200: json(z.object({ keys: z.array(z.record(z.string(), z.unknown())) }), 'Nycklar') },
    }),
    (c) => c.json(issuer.jwks(), 200),
  );
}
