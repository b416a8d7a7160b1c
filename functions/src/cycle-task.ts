import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import {
  type CycleDeps,
  type CyclePayload,
  type CycleResult,
  cycleExecutions,
  cycleTasks,
  handleCyclePayload,
  humanSteps,
} from '@finsam/cycle';
import { createStores, createTable } from '@finsam/store';
import middy from '@middy/core';
import { z } from 'zod';
import { requiredEnvironment } from './environment.ts';
import { createSendTaskSuccess } from './step-functions.ts';

/**
 * The task function of the planning and closing state machines (infra/constructs/cycle.ts): every
 * Task state invokes it with `arn:aws:states:::lambda:invoke`, and the invocation's event is the
 * state's Payload, a CyclePayload. A task runs its handler in @finsam/cycle; a human step
 * (`.waitForTaskToken`) stores its token and completes at once if the people already acted; a
 * timeout task answers how long the next wait may last, and an escalation records why the
 * execution stops. A thrown error fails the Task state, whose Retry in the definition tries
 * again: every task is idempotent, so a retry never does a step twice.
 */

/** Background work can wait out more throttling than a request can; the function has 2 minutes. */
const dynamodb_attempts_max = 5;
const dynamodb_request_timeout_ms = 5_000;
const step_functions_attempts_max = 5;

const logger = new Logger();
const metrics = new Metrics({ logger: logger.createChild({ logLevel: 'ERROR' }) });

const deps: CycleDeps = {
  stores: createStores(
    createTable({
      client: new DynamoDBClient({
        maxAttempts: dynamodb_attempts_max,
        requestHandler: { requestTimeout: dynamodb_request_timeout_ms },
      }),
      tableName: requiredEnvironment('TABLE_NAME'),
    }),
  ),
  now: () => new Date(),
};
const sendTaskSuccess = createSendTaskSuccess(new SFNClient({ maxAttempts: step_functions_attempts_max }), logger);

/**
 * The payload is built by our own definitions, yet it crosses a service boundary: checked here,
 * so a definition and a handler that drifted apart fail loudly at the first invocation.
 */
const forbundYear = { forbundId: z.string().min(1), year: z.number().int() };
const cyclePayload = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('task'), task: z.enum(cycleTasks), ...forbundYear }),
  z.object({ kind: z.literal('timeout'), step: z.enum(humanSteps), executionStartedAt: z.string(), ...forbundYear }),
  z.object({
    kind: z.literal('await'),
    step: z.enum(humanSteps),
    taskToken: z.string().min(1),
    timeoutSeconds: z.number().int().min(1),
    ...forbundYear,
  }),
  z.object({
    kind: z.literal('escalate'),
    execution: z.enum(cycleExecutions),
    attempt: z.number().int().min(1),
    state: z.string().min(1),
    error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }),
    executionStartedAt: z.string(),
    ...forbundYear,
  }),
]);

/** The work a payload names, for the log: never the token, which would complete the step. */
const workOf = (payload: CyclePayload) =>
  payload.kind === 'task' ? payload.task : payload.kind === 'escalate' ? `escalate ${payload.state}` : payload.step;

async function runCyclePayload(event: unknown): Promise<CycleResult> {
  // The event itself is never logged: an await payload carries the step's task token.
  const payload: CyclePayload = cyclePayload.parse(event);
  logger.appendKeys({ forbundId: payload.forbundId, year: payload.year, work: workOf(payload) });
  const result = await handleCyclePayload(deps, sendTaskSuccess, payload);
  if (result && 'escalation' in result) {
    // CycleStepEscalated is what the alarm watches; a continuation in a new execution is not a fault.
    if (result.escalation === 'continued') metrics.addMetric('CycleExecutionContinued', MetricUnit.Count, 1);
    else {
      metrics.addMetric('CycleStepEscalated', MetricUnit.Count, 1);
      logger.error('cycle escalated', { reason: result.escalation, error: (payload as { error?: unknown }).error });
    }
  }
  metrics.addMetric(payload.kind === 'await' ? 'CycleHumanStepAwaited' : 'CycleTaskCompleted', MetricUnit.Count, 1);
  logger.info('cycle work done');
  return result;
}

export const handler = middy(runCyclePayload)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }));
