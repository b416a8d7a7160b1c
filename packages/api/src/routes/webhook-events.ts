import { eventTypes } from '@finsam/store';
import { envelopeSchema, pingEnvelopeSchema, type WebhookService } from '@finsam/webhooks';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env.ts';
import { json, problemResponses } from '../http/schemas.ts';
import { bearer, eventsQuery, memberParams, memberRoute, tag } from './webhook-schemas.ts';

/** Component names per type and version: `Handelse_settlement_issued_v1`. */
const componentName = (type: string) => `Handelse_${type.replace('.', '_')}_v1`;
// `.extend({})` makes each schema here, after @hono/zod-openapi has taught zod `.openapi()`.
const envelopes = eventTypes.map((type) => envelopeSchema(type).extend({}).openapi(componentName(type)));
const eventSchema = z.union(envelopes).openapi('Handelse');

const signatureHeaders = z.object({
  'webhook-id': z.string().openapi({ description: 'Händelsens id; samma vid omförsök och omleverans' }),
  'webhook-timestamp': z.string().openapi({ description: 'Sändningstid i Unix-sekunder' }),
  'webhook-signature': z.string().openapi({
    description: 'v1,<base64 HMAC-SHA256>; under ett hemlighetsbyte två signaturer åtskilda av mellanslag',
  }),
});

/**
 * The pull alternative for systems that cannot receive webhooks, and the event schemas in the
 * OpenAPI document's `webhooks` section (OpenAPI 3.1), one per type and version.
 */
export function registerWebhookEventRoutes(app: OpenAPIHono<AppEnv>, webhooks: WebhookService) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/members/{memberId}/events',
      tags: tag,
      security: bearer,
      summary:
        'Medlemmens händelser i tidsordning efter markören `after`. Svaret har alltid en nextCursor att fortsätta från, också i slutet av strömmen.',
      middleware: memberRoute,
      request: { params: memberParams, query: eventsQuery },
      responses: {
        200: json(
          z.object({ items: z.array(eventSchema), nextCursor: z.string().optional(), hasMore: z.boolean() }),
          'Händelser',
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { forbundId, memberId } = c.req.valid('param');
      const page = await webhooks.events(c.var.principal, forbundId, memberId, c.req.valid('query'));
      return c.json(page as never, 200);
    },
  );

  for (const [index, type] of eventTypes.entries())
    app.openAPIRegistry.registerWebhook({
      method: 'post',
      path: type,
      tags: tag,
      summary: `${type} (version 1), signerad enligt Standard Webhooks`,
      request: {
        headers: signatureHeaders,
        body: { content: { 'application/json': { schema: envelopes[index] as z.ZodType } }, required: true },
      },
      responses: {
        200: { description: 'Mottaget (varje 2xx-svar räknas; allt annat försöks igen i minst 72 timmar)' },
      },
    });
  app.openAPIRegistry.registerWebhook({
    method: 'post',
    path: 'webhook.test',
    tags: tag,
    summary: 'Testmeddelandet från POST …/webhooks/{subscriptionId}/ping',
    request: {
      headers: signatureHeaders,
      body: {
        content: { 'application/json': { schema: pingEnvelopeSchema.extend({}).openapi('Handelse_webhook_test_v1') } },
      },
    },
    responses: { 200: { description: 'Mottaget' } },
  });
}
