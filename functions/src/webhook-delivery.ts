import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTable } from '@finsam/store';
import {
  DeliveryEngine,
  delivery_timeout_ms,
  OutboxRelay,
  reconcile_outbox_task,
  reconcileOutbox,
} from '@finsam/webhooks';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { z } from 'zod';
import { awsDocumentLinks, loadDocumentLinkKey } from './document-link-key.ts';
import { requiredEnvironment } from './environment.ts';
import { awsSecretSealer } from './webhook-secrets.ts';

/**
 * The webhook delivery Lambda, an adapter around @finsam/webhooks' engine with three triggers:
 * - SQS: the table's stream, filtered to new outbox events by an EventBridge Pipe. Each event is
 *   fanned out to the subscriptions that want it and sent at once.
 * - EventBridge Scheduler, every minute: retries whose time has come (the due index).
 * - EventBridge Scheduler, every ten minutes with `{ task: 'reconcile-outbox' }`: outbox events
 *   the stream path never fanned out (reconcileOutbox), so no event depends on the stream alone.
 * Receivers' failures are recorded and rescheduled in the table, never thrown; only a failure
 * of the store fails a message, which SQS then retries and finally dead-letters.
 */

/** Stop starting attempts when less than one attempt's timeout and this margin remain. */
const remaining_time_margin_ms = 5_000;
const dynamodb_attempts_max = 3;
const dynamodb_request_timeout_ms = 2_500;

const logger = new Logger();
const metrics = new Metrics({ logger: logger.createChild({ logLevel: 'ERROR' }) });
const table = createTable({
  client: new DynamoDBClient({
    maxAttempts: dynamodb_attempts_max,
    requestHandler: { requestTimeout: dynamodb_request_timeout_ms },
  }),
  tableName: requiredEnvironment('TABLE_NAME'),
  cursorKeyMaterial: loadDocumentLinkKey,
});

const engine = new DeliveryEngine({
  table,
  mode: 'aws',
  documentLinks: awsDocumentLinks,
  secretSealer: awsSecretSealer,
  publicBaseUrl: () => requiredEnvironment('PUBLIC_BASE_URL'),
  signingClock: () => new Date(),
  random: Math.random,
  onError: (error) => logger.error('webhook attempt failed', error as Error),
});

/** The pipe puts the whole stream record on the queue; only the new image's keys are read. */
const streamRecord = z.object({
  dynamodb: z.object({
    NewImage: z.object({ forbundId: z.object({ S: z.string() }), eventId: z.object({ S: z.string() }) }),
  }),
});

const timeLeft = (context: Context) => () =>
  context.getRemainingTimeInMillis() > delivery_timeout_ms + remaining_time_margin_ms;

function count(outcomes: { delivered: number; retry: number; dead: number }) {
  metrics.addMetric('WebhookDelivered', MetricUnit.Count, outcomes.delivered);
  metrics.addMetric('WebhookRetryScheduled', MetricUnit.Count, outcomes.retry);
  metrics.addMetric('WebhookDeadLettered', MetricUnit.Count, outcomes.dead);
}

async function fanOut(event: SQSEvent, context: Context): Promise<SQSBatchResponse> {
  const webhooks = engine;
  const failures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      const image = streamRecord.parse(JSON.parse(record.body)).dynamodb.NewImage;
      const now = new Date();
      const outboxEvent = await webhooks.eventOf(image.forbundId.S, image.eventId.S);
      const keys = await webhooks.fanOut(outboxEvent, now);
      count(await webhooks.deliverAll(keys, now, { startBefore: timeLeft(context) }));
    } catch (error) {
      logger.error('fan-out failed; SQS will retry the message', { messageId: record.messageId, error });
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
}

const relay = new OutboxRelay(table, engine);

async function reconcile(context: Context) {
  const outcomes = await reconcileOutbox(relay, engine, new Date(), { startBefore: timeLeft(context) });
  count(outcomes);
  metrics.addMetric('WebhookEventsReconciled', MetricUnit.Count, outcomes.fannedOut);
  logger.info('outbox reconciled', { ...outcomes });
  return outcomes;
}

async function sweep(context: Context) {
  const outcomes = await engine.deliverDue(new Date(), { startBefore: timeLeft(context) });
  count(outcomes);
  logger.info('due deliveries swept', { ...outcomes });
  return outcomes;
}

export const handler = middy(async (event: SQSEvent | Record<string, unknown>, context: Context) => {
  if ('Records' in event && Array.isArray(event.Records)) return fanOut(event as SQSEvent, context);
  return (event as Record<string, unknown>).task === reconcile_outbox_task ? reconcile(context) : sweep(context);
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics));
