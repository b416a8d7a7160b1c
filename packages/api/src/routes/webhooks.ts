import type { Table } from '@finsam/store';
import {
  DeliveryEngine,
  type DocumentLinkSource,
  type EndpointMode,
  type SecretSealer,
  secret_overlap_hours_default,
  subscriptionView,
  WebhookService,
} from '@finsam/webhooks';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env.ts';
import { json, jsonBody, problemResponses } from '../http/schemas.ts';
import { registerWebhookDeliveryRoutes } from './webhook-deliveries.ts';
import { registerWebhookEventRoutes } from './webhook-events.ts';
import {
  bearer,
  memberParams,
  memberRoute,
  newSubscriptionBody,
  rotationBody,
  subscriptionChangesBody,
  subscriptionParams,
  subscriptionSchema,
  subscriptionWithSecretSchema,
  tag,
} from './webhook-schemas.ts';

export interface WebhookRouteDependencies {
  table: Table;
  /** 'aws' refuses every private address; 'local' also lets plain HTTP reach localhost. */
  endpointMode: EndpointMode;
  /** Signs document links, in the pull API as in webhooks. */
  documentLinks: DocumentLinkSource;
  /** The portal's public origin, which document links point at (never the request's host). */
  publicBaseUrl: () => string;
  /** Seals the signing secrets of new and rotated subscriptions, and opens them for the ping. */
  secretSealer: SecretSealer;
}

const hour_ms = 60 * 60_000;

/**
 * Members' finance systems (issue 5): webhook subscriptions per member, the delivery log, replay,
 * the test ping, and the pull alternative, all under `/forbund/{forbundId}/members/{memberId}`.
 */
export function registerWebhookRoutes(app: OpenAPIHono<AppEnv>, dependencies: WebhookRouteDependencies) {
  const engine = new DeliveryEngine({
    table: dependencies.table,
    mode: dependencies.endpointMode,
    documentLinks: dependencies.documentLinks,
    publicBaseUrl: dependencies.publicBaseUrl,
    secretSealer: dependencies.secretSealer,
    // Receivers check webhook-timestamp against their own, real clock.
    signingClock: () => new Date(),
    random: Math.random,
  });
  const webhooks = new WebhookService(engine);
  const base = '/forbund/{forbundId}/members/{memberId}/webhooks';

  app.openapi(
    createRoute({
      method: 'post',
      path: base,
      tags: tag,
      security: bearer,
      summary: 'Registrera en webhookmottagare för medlemmen; hemligheten visas bara i svaret',
      middleware: memberRoute,
      request: { params: memberParams, ...jsonBody(newSubscriptionBody) },
      responses: { 201: json(subscriptionWithSecretSchema, 'Prenumerationen och dess hemlighet'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, memberId } = c.req.valid('param');
      const { subscription, secret } = await webhooks.create(
        c.var.principal,
        forbundId,
        memberId,
        c.req.valid('json'),
        c.var.now(),
      );
      return c.json({ ...subscription, secret }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: base,
      tags: tag,
      security: bearer,
      summary: 'Medlemmens webhookprenumerationer (utan hemligheter)',
      middleware: memberRoute,
      request: { params: memberParams },
      responses: {
        200: json(z.object({ items: z.array(subscriptionSchema) }), 'Prenumerationer'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { forbundId, memberId } = c.req.valid('param');
      return c.json(await engine.subscriptions.list(c.var.principal, forbundId, memberId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/{subscriptionId}`,
      tags: tag,
      security: bearer,
      summary: 'En webhookprenumeration',
      middleware: memberRoute,
      request: { params: subscriptionParams },
      responses: { 200: json(subscriptionSchema, 'Prenumerationen'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, memberId, subscriptionId } = c.req.valid('param');
      const subscription = await engine.subscriptions.get(c.var.principal, forbundId, memberId, subscriptionId);
      return c.json(subscriptionView(subscription), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: `${base}/{subscriptionId}`,
      tags: tag,
      security: bearer,
      summary: 'Ändra adress, händelsetyper, beskrivning eller slå på/av (expectedVersion = nuvarande version)',
      middleware: memberRoute,
      request: { params: subscriptionParams, ...jsonBody(subscriptionChangesBody) },
      responses: { 200: json(subscriptionSchema, 'Prenumerationen efter ändringen'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, memberId, subscriptionId } = c.req.valid('param');
      const { expectedVersion, ...changes } = c.req.valid('json');
      const view = await webhooks.update(
        c.var.principal,
        forbundId,
        memberId,
        subscriptionId,
        changes,
        expectedVersion,
        c.var.now(),
      );
      return c.json(view, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: `${base}/{subscriptionId}`,
      tags: tag,
      security: bearer,
      summary: 'Ta bort: prenumerationen stängs av för gott men leveransloggen finns kvar',
      middleware: memberRoute,
      request: { params: subscriptionParams },
      responses: { 200: json(subscriptionSchema, 'Den avstängda prenumerationen'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, memberId, subscriptionId } = c.req.valid('param');
      return c.json(
        await engine.subscriptions.remove(c.var.principal, forbundId, memberId, subscriptionId, c.var.now()),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{subscriptionId}/secret`,
      tags: tag,
      security: bearer,
      summary:
        'Byt hemlighet. Den gamla fortsätter signera under overlapHours (standard 24), så mottagaren hinner byta.',
      middleware: memberRoute,
      request: { params: subscriptionParams, ...jsonBody(rotationBody) },
      responses: {
        200: json(subscriptionWithSecretSchema, 'Prenumerationen och den nya hemligheten'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { forbundId, memberId, subscriptionId } = c.req.valid('param');
      const { overlapHours, expectedVersion } = c.req.valid('json');
      const { subscription, secret } = await engine.subscriptions.rotate(
        c.var.principal,
        forbundId,
        memberId,
        subscriptionId,
        (overlapHours ?? secret_overlap_hours_default) * hour_ms,
        expectedVersion,
        c.var.now(),
      );
      return c.json({ ...subscription, secret }, 200);
    },
  );

  registerWebhookDeliveryRoutes(app, webhooks, base);
  registerWebhookEventRoutes(app, webhooks);
}
