import { notFound } from '@finsam/domain';
import { event_id_pattern, eventTypes } from '@finsam/store';
import {
  deliveryStatuses,
  disabledReasons,
  endpoint_url_length_max,
  memberPartition,
  secret_overlap_hours_max,
  subscription_description_length_max,
} from '@finsam/webhooks';
import { z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { requireRole, tenantGuard } from '../auth/guards.ts';
import type { AppEnv } from '../http/env.ts';
import { forbundIdParam, pageQuery, version } from '../http/schemas.ts';

/**
 * Runs after the tenant guard on every member route: a member's representative reaches only its
 * own member and the förbund administrator every member of the charter; anything else is 404.
 */
const memberGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const principal = c.get('principal');
  const forbundId = c.req.param('forbundId') ?? '';
  const memberId = c.req.param('memberId') ?? '';
  memberPartition(principal, forbundId, memberId);
  const charter = await c.get('stores').charters.current(principal, forbundId);
  if (!charter.members.some((member) => member.id === memberId)) throw notFound('Medlemmen finns inte.');
  await next();
};

export const memberRoute = [tenantGuard, requireRole('forbund-admin', 'member-rep'), memberGuard];
export const tag = ['Webhooks och händelser'];
export const bearer = [{ bearer: [] }];

export const memberParams = forbundIdParam.extend({
  memberId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'Ange medlemmens id.')
    .openapi({ param: { name: 'memberId', in: 'path' }, example: 'alfa' }),
});
export const subscriptionParams = memberParams.extend({
  subscriptionId: z
    .string()
    .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Ange prenumerationens id (ULID).')
    .openapi({ param: { name: 'subscriptionId', in: 'path' }, example: '01JAAAAAAAAAAAAAAAAAAAAAAA' }),
});

const eventTypeList = z.array(z.enum(eventTypes)).min(1).max(eventTypes.length);
const url = z
  .string()
  .trim()
  .min(1)
  .max(endpoint_url_length_max)
  .openapi({ example: 'https://ekonomi.alfa.se/finsam/webhooks' });

export const newSubscriptionBody = z
  .object({
    url,
    eventTypes: eventTypeList,
    description: z.string().trim().max(subscription_description_length_max).optional(),
    enabled: z.boolean().optional(),
  })
  .openapi('NyWebhookprenumeration');

export const subscriptionChangesBody = z
  .object({
    url: url.optional(),
    eventTypes: eventTypeList.optional(),
    description: z.string().trim().max(subscription_description_length_max).optional(),
    enabled: z.boolean().optional(),
    expectedVersion: version,
  })
  .openapi('AndradWebhookprenumeration');

export const rotationBody = z
  .object({
    overlapHours: z.number().int().min(0).max(secret_overlap_hours_max).optional().openapi({ example: 24 }),
    expectedVersion: version,
  })
  .openapi('NyHemlighet');

const instant = z.iso.datetime({ offset: true, error: 'Ange en tidpunkt i ISO 8601, t.ex. 2027-01-01T00:00:00Z.' });
export const replayBody = z
  .object({
    eventId: z.string().regex(event_id_pattern, 'Ogiltigt händelse-id.').optional(),
    from: instant.optional(),
    to: instant.optional(),
  })
  .superRefine((body, context) => {
    if (body.eventId !== undefined) {
      if (body.from !== undefined || body.to !== undefined)
        context.addIssue({ code: 'custom', path: ['eventId'], message: 'Ange antingen eventId eller from och to.' });
      return;
    }
    if (body.from === undefined) context.addIssue({ code: 'custom', path: ['from'], message: 'Fältet saknas.' });
    if (body.to === undefined) context.addIssue({ code: 'custom', path: ['to'], message: 'Fältet saknas.' });
    if (body.from && body.to && Date.parse(body.to) <= Date.parse(body.from))
      context.addIssue({ code: 'custom', path: ['to'], message: 'to ska ligga efter from.' });
  })
  .openapi('Omleverans');

export const deliveriesQuery = pageQuery.extend({ status: z.enum(deliveryStatuses).optional() });
export const eventsQuery = z.object({
  after: z.string().max(2048).optional().openapi({ description: 'nextCursor från föregående svar' }),
  limit: z.coerce.number().int().min(1).max(100).optional().openapi({ example: 100 }),
});

export const subscriptionSchema = z
  .object({
    id: z.string(),
    memberId: z.string(),
    url: z.string(),
    eventTypes: z.array(z.enum(eventTypes)),
    description: z.string().optional(),
    enabled: z.boolean(),
    disabledAt: z.string().optional(),
    disabledReason: z.enum(disabledReasons).optional(),
    notice: z.string().optional(),
    previousSecretRetiresAt: z.string().optional(),
    version,
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Webhookprenumeration');

export const subscriptionWithSecretSchema = subscriptionSchema
  .extend({
    secret: z.string().openapi({
      description: 'Signeringshemligheten (whsec_…). Visas bara i detta svar; spara den hos mottagaren.',
    }),
  })
  .openapi('WebhookprenumerationMedHemlighet');

export const attemptSchema = z
  .object({
    id: z.string(),
    subscriptionId: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    trigger: z.enum(['delivery', 'ping']),
    attempt: z.number().int(),
    at: z.string(),
    outcome: z.enum(['delivered', 'failed']),
    statusCode: z.number().int().optional(),
    latencyMs: z.number().int(),
    responseSnippet: z.string().optional(),
    error: z.string().optional(),
  })
  .openapi('Leveransforsok');

export const deliverySchema = z
  .object({
    subscriptionId: z.string(),
    memberId: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    occurredAt: z.string(),
    sequence: z.number().int(),
    status: z.enum(deliveryStatuses),
    attempts: z.number().int(),
    attemptsTotal: z.number().int(),
    windowStartedAt: z.string(),
    nextAttemptAt: z.string().optional(),
    lastAttemptAt: z.string().optional(),
    lastStatusCode: z.number().int().optional(),
    lastError: z.string().optional(),
    deliveredAt: z.string().optional(),
    deadAt: z.string().optional(),
    deadReason: z.string().optional(),
    replays: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('Leverans');

export const replaySchema = z
  .object({ replayed: z.number().int(), eventIds: z.array(z.string()), truncated: z.boolean() })
  .openapi('Omleveransresultat');
