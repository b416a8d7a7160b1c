import type { WebhookService } from '@finsam/webhooks';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env.ts';
import { json, jsonBody, pageQuery, problemResponses } from '../http/schemas.ts';
import {
  attemptSchema,
  bearer,
  deliveriesQuery,
  deliverySchema,
  memberRoute,
  replayBody,
  replaySchema,
  subscriptionParams,
  tag,
} from './webhook-schemas.ts';

const page = <T extends z.ZodType>(item: T, description: string) =>
  json(z.object({ items: z.array(item), nextCursor: z.string().optional() }), description);

/** The delivery log, dead letters, replay and the test ping of one subscription. */
export function registerWebhookDeliveryRoutes(app: OpenAPIHono<AppEnv>, webhooks: WebhookService, base: string) {
  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/{subscriptionId}/attempts`,
      tags: tag,
      security: bearer,
      summary: 'Leveransloggen: varje försök med tid, statuskod, svarstid och början av svaret, nyaste först',
      middleware: memberRoute,
      request: { params: subscriptionParams, query: pageQuery },
      responses: { 200: page(attemptSchema, 'Försök'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, memberId, subscriptionId } = c.req.valid('param');
      const attempts = await webhooks.attempts(
        c.var.principal,
        forbundId,
        memberId,
        subscriptionId,
        c.req.valid('query'),
      );
      return c.json(attempts, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/{subscriptionId}/deliveries`,
      tags: tag,
      security: bearer,
      summary: 'Leveranser per händelse; status=dead visar de döda breven (efter 72 timmars omförsök)',
      middleware: memberRoute,
      request: { params: subscriptionParams, query: deliveriesQuery },
      responses: { 200: page(deliverySchema, 'Leveranser'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, memberId, subscriptionId } = c.req.valid('param');
      const deliveries = await webhooks.deliveries(
        c.var.principal,
        forbundId,
        memberId,
        subscriptionId,
        c.req.valid('query'),
      );
      return c.json(deliveries, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{subscriptionId}/replay`,
      tags: tag,
      security: bearer,
      summary:
        'Leverera igen: en händelse (eventId) eller alla händelser av prenumerationens typer i [from, to). Mottagaren känner igen dubbletter på webhook-id.',
      middleware: memberRoute,
      request: { params: subscriptionParams, ...jsonBody(replayBody) },
      responses: { 202: json(replaySchema, 'Händelserna är schemalagda för leverans'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, memberId, subscriptionId } = c.req.valid('param');
      const body = c.req.valid('json');
      const { principal } = c.var;
      const now = c.var.now();
      const result = body.eventId
        ? await webhooks.replayEvent(principal, forbundId, memberId, subscriptionId, body.eventId, now)
        : await webhooks.replayRange(
            principal,
            forbundId,
            memberId,
            subscriptionId,
            new Date(body.from as string),
            new Date(body.to as string),
            now,
          );
      return c.json(result, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{subscriptionId}/ping`,
      tags: tag,
      security: bearer,
      summary: 'Skicka ett signerat testmeddelande (webhook.test) nu och visa hur mottagaren svarade',
      middleware: memberRoute,
      request: { params: subscriptionParams },
      responses: { 200: json(attemptSchema, 'Försöket, också loggat'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, memberId, subscriptionId } = c.req.valid('param');
      return c.json(await webhooks.ping(c.var.principal, forbundId, memberId, subscriptionId, c.var.now()), 200);
    },
  );
}
