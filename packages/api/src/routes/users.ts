import { checkRepresentation, invitationShape, platformInvitationSchema, roles } from '@finsam/domain';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireRole, tenantGuard } from '../auth/guards.ts';
import type { AppEnv } from '../http/env.ts';
import { forbundIdParam, identityProblemResponses, json, jsonBody, problemResponses } from '../http/schemas.ts';
import type { IdentityProvider } from '../identity/identity-provider.ts';
import { inviteUser, removeUser } from '../services/users.ts';

const tag = ['Användare'];
const bearer = [{ bearer: [] }];
/** Only those who answer for the förbund's access hand it out. */
const administrators = requireRole('platform-admin', 'forbund-admin');

const invitedUserSchema = z
  .object({
    email: z.string(),
    name: z.string(),
    roles: z.array(z.enum(roles)),
    memberId: z.string().optional(),
    invitedAt: z.string(),
    invitedBy: z.string(),
  })
  .openapi('InbjudenAnvandare');

const invitationBody = z.object(invitationShape).superRefine(checkRepresentation).openapi('Inbjudan');
const platformInvitationBody = z.object(platformInvitationSchema.shape).openapi('InbjudanTillPlattformen');

const invitationResult = z
  .discriminatedUnion('delivery', [
    z.object({ user: invitedUserSchema, delivery: z.literal('email') }),
    z.object({
      user: invitedUserSchema,
      delivery: z.literal('response'),
      temporaryPassword: z.string().openapi({ description: 'Bara lokalt, där ingen e-post skickas; visas en gång.' }),
    }),
  ])
  .openapi('Inbjudningsresultat');

const emailParam = z
  .string()
  .min(3)
  .max(254)
  .openapi({ param: { name: 'email', in: 'path' }, example: 'anna.ek@exempel.se' });
const userParam = forbundIdParam.extend({ email: emailParam });

/** The förbund's people and their roles: list, invite, remove (the platform admin or the förbund's admin). */
export function registerUserRoutes(app: OpenAPIHono<AppEnv>, identity: IdentityProvider) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/users',
      tags: tag,
      security: bearer,
      summary: 'Förbundets användare och deras roller',
      middleware: [tenantGuard, administrators],
      request: { params: forbundIdParam },
      responses: { 200: json(z.object({ items: z.array(invitedUserSchema) }), 'Användarna'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId } = c.req.valid('param');
      const { stores, principal } = c.var;
      await stores.forbund.get(principal, forbundId);
      return c.json({ items: await stores.invitedUsers.list(principal, forbundId) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forbund/{forbundId}/users',
      tags: tag,
      security: bearer,
      summary: 'Bjud in en användare med roller; i AWS skickar Cognito ett tillfälligt lösenord med e-post',
      middleware: [tenantGuard, administrators],
      request: { params: forbundIdParam, ...jsonBody(invitationBody) },
      responses: { 201: json(invitationResult, 'Användaren är inbjuden'), ...identityProblemResponses },
    }),
    async (c) => {
      const { forbundId } = c.req.valid('param');
      const { stores, principal, now } = c.var;
      const result = await inviteUser(stores, identity, principal, forbundId, c.req.valid('json'), now());
      return c.json(result, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/forbund/{forbundId}/users/{email}',
      tags: tag,
      security: bearer,
      summary: 'Ta bort en användares inloggning (utfärdade token slutar gälla inom en timme)',
      middleware: [tenantGuard, administrators],
      request: { params: userParam },
      responses: { 204: { description: 'Användaren är borttagen' }, ...problemResponses },
    }),
    async (c) => {
      const { forbundId, email } = c.req.valid('param');
      const { stores, principal, now } = c.var;
      await removeUser(stores, identity, principal, forbundId, email, now());
      return c.body(null, 204);
    },
  );
}

/** The platform's own people, who belong to no förbund: its administrators and Nationella rådet. */
export function registerPlatformUserRoutes(app: OpenAPIHono<AppEnv>, identity: IdentityProvider) {
  const platformAdmin = requireRole('platform-admin');
  app.openapi(
    createRoute({
      method: 'get',
      path: '/platform/users',
      tags: tag,
      security: bearer,
      summary: 'Plattformens egna användare: administratörer och Nationella rådet',
      middleware: [platformAdmin],
      responses: { 200: json(z.object({ items: z.array(invitedUserSchema) }), 'Användarna'), ...problemResponses },
    }),
    async (c) => {
      return c.json({ items: await c.var.stores.invitedUsers.list(c.var.principal, null) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/platform/users',
      tags: tag,
      security: bearer,
      summary: 'Bjud in en plattformsadministratör eller en företrädare för Nationella rådet',
      middleware: [platformAdmin],
      request: jsonBody(platformInvitationBody),
      responses: { 201: json(invitationResult, 'Användaren är inbjuden'), ...identityProblemResponses },
    }),
    async (c) => {
      const { stores, principal, now } = c.var;
      return c.json(await inviteUser(stores, identity, principal, null, c.req.valid('json'), now()), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/platform/users/{email}',
      tags: tag,
      security: bearer,
      summary: 'Ta bort en av plattformens användare',
      middleware: [platformAdmin],
      request: { params: z.object({ email: emailParam }) },
      responses: { 204: { description: 'Användaren är borttagen' }, ...problemResponses },
    }),
    async (c) => {
      const { stores, principal, now } = c.var;
      await removeUser(stores, identity, principal, null, c.req.valid('param').email, now());
      return c.body(null, 204);
    },
  );
}
