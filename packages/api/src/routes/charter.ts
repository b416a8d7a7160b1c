import {
  charterDocumentFields,
  charterSettingsSchema,
  computeContributions,
  contributionWeights,
  Decimal,
  formatMoney,
  memberSchema,
  memberTypeNames,
  moneyString,
  ownAmountsFrame,
  Ratio,
  withCharterRules,
} from '@finsam/domain';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireRole, tenantGuard, tenantRoles } from '../auth/guards.ts';
import type { AppEnv } from '../http/env.ts';
import { forbundIdParam, json, jsonBody, pageQuery, problemResponses, version } from '../http/schemas.ts';

export const charterVersionSchema = charterDocumentFields
  .extend({
    forbundId: z.string(),
    version,
    createdAt: z.string(),
    createdBy: z.string(),
    settings: charterSettingsSchema,
  })
  .openapi('Forbundsordning');

const newVersionBody = withCharterRules(charterDocumentFields.extend({ expectedVersion: version })).openapi(
  'NyVersionAvForbundsordning',
);

const contributionsSchema = z
  .object({
    frame: moneyString,
    effectiveFrom: z.string(),
    model: z.string(),
    items: z.array(
      z.object({
        memberId: z.string(),
        name: z.string(),
        type: z.string(),
        typeName: z.string(),
        amount: moneyString,
        sharePercent: z.string(),
      }),
    ),
  })
  .openapi('Medlemsbidrag');

const tag = ['Förbundsordning och medlemmar'];
const bearer = [{ bearer: [] }];
const readable = [tenantGuard, requireRole(...tenantRoles)];

export function registerCharterRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/charter',
      tags: tag,
      security: bearer,
      summary: 'Gällande (senaste) version av förbundsordningen',
      middleware: readable,
      request: { params: forbundIdParam },
      responses: { 200: json(charterVersionSchema, 'Förbundsordningen'), ...problemResponses },
    }),
    async (c) => c.json(await c.var.stores.charters.current(c.var.principal, c.req.valid('param').forbundId), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/forbund/{forbundId}/charter',
      tags: tag,
      security: bearer,
      summary: 'Anta en ny version av förbundsordningen (expectedVersion = den version ändringen bygger på)',
      middleware: [tenantGuard, requireRole('forbund-admin', 'platform-admin')],
      request: { params: forbundIdParam, ...jsonBody(newVersionBody) },
      responses: { 201: json(charterVersionSchema, 'Ny version'), ...problemResponses },
    }),
    async (c) => {
      const { expectedVersion, ...document } = c.req.valid('json');
      const created = await c.var.stores.charters.addVersion(
        c.var.principal,
        c.req.valid('param').forbundId,
        document,
        expectedVersion,
        c.var.now(),
      );
      return c.json(created, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/charter/versions',
      tags: tag,
      security: bearer,
      summary: 'Versionshistorik, nyaste först',
      middleware: readable,
      request: { params: forbundIdParam, query: pageQuery },
      responses: {
        200: json(z.object({ items: z.array(charterVersionSchema), nextCursor: z.string().optional() }), 'Versioner'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const page = await c.var.stores.charters.versions(
        c.var.principal,
        c.req.valid('param').forbundId,
        c.req.valid('query'),
      );
      return c.json(page, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/charter/versions/{version}',
      tags: tag,
      security: bearer,
      summary: 'En viss version av förbundsordningen',
      middleware: readable,
      request: {
        params: forbundIdParam.extend({
          version: z.coerce
            .number()
            .int()
            .positive()
            .max(999_999)
            .openapi({ param: { name: 'version', in: 'path' } }),
        }),
      },
      responses: { 200: json(charterVersionSchema, 'Versionen'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, version: wanted } = c.req.valid('param');
      return c.json(await c.var.stores.charters.version(c.var.principal, forbundId, wanted), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/members',
      tags: tag,
      security: bearer,
      summary: 'Medlemmarna enligt gällande förbundsordning',
      middleware: readable,
      request: { params: forbundIdParam },
      responses: { 200: json(z.object({ items: z.array(memberSchema) }), 'Medlemmar'), ...problemResponses },
    }),
    async (c) => {
      const charter = await c.var.stores.charters.current(c.var.principal, c.req.valid('param').forbundId);
      return c.json({ items: charter.members }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/contributions',
      tags: tag,
      security: bearer,
      summary: 'Medlemsbidrag för en finansiell ram enligt förbundsordningens fördelningsnyckel',
      middleware: readable,
      request: {
        params: forbundIdParam,
        query: z.object({
          frame: moneyString
            .refine((value) => !value.startsWith('-'), 'Ramen får inte vara negativ.')
            .optional()
            .openapi({ example: '4000000.00' }),
          date: z.iso.date().optional().openapi({ description: 'Förbundsordningen som gäller detta datum' }),
        }),
      },
      responses: { 200: json(contributionsSchema, 'Fördelning'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId } = c.req.valid('param');
      const { frame: frameText, date } = c.req.valid('query');
      const charter = date
        ? await c.var.stores.charters.inForceOn(c.var.principal, forbundId, date)
        : await c.var.stores.charters.current(c.var.principal, forbundId);
      const key = charter.settings.contributionKey;
      const frame = key.model === 'own-amounts' ? ownAmountsFrame(key) : new Decimal(frameText ?? '0.00');
      const amounts = computeContributions(frame, charter.members, key);
      const weights = contributionWeights(charter.members, key);
      const weightTotal = Ratio.sum(weights.values());
      const hundred = Ratio.of(100);
      return c.json(
        {
          frame: formatMoney(frame),
          effectiveFrom: charter.effectiveFrom,
          model: key.model,
          items: charter.members.map((member) => ({
            memberId: member.id,
            name: member.name,
            type: member.type,
            typeName: memberTypeNames[member.type],
            amount: formatMoney(amounts.get(member.id) as Decimal),
            // Exact share, rounded only for display: "18.75", "50", "33.3333".
            sharePercent: (weights.get(member.id) as Ratio)
              .dividedBy(weightTotal)
              .times(hundred)
              .toDecimal(4)
              .toString(),
          })),
        },
        200,
      );
    },
  );
}
