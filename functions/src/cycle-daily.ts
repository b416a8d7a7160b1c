import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { type CycleDeps, completeSatisfiedSteps, dailyWork } from '@finsam/cycle';
import { type Principal, stockholmDate } from '@finsam/domain';
import { createStores, createTable } from '@finsam/store';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { requiredEnvironment } from './environment.ts';
import { createSendTaskSuccess, createStartExecution } from './step-functions.ts';

/**
 * The annual cycle's daily run in AWS, invoked by EventBridge Scheduler at 04:30 Stockholm time
 * (infra/constructs/cycle.ts): for every förbund, the cycle's daily work (executions to start,
 * deadlines, reminders, monthly avräkning), then every waiting human step whose condition now
 * holds is completed. Both are idempotent and catch up, so a förbund that fails or is not
 * reached today loses nothing tomorrow; a failure is logged and counted, and the others go on.
 */

/** The store's largest page of the förbund register. */
const forbund_page_items = 100;
/** Sweden has about 80 samordningsförbund; the bound is far above that and still finite. */
const forbund_per_run_max = 2_000;
/** No förbund is started with less time than this left (the function has 15 minutes). */
const remaining_time_margin_ms = 60_000;
const dynamodb_attempts_max = 5;
const dynamodb_request_timeout_ms = 5_000;
const step_functions_attempts_max = 5;

/** Whose name the register is read in: it lists every förbund to the platform administrator. */
const scheduler: Principal = { subject: 'scheduler', name: 'Schemaläggaren', roles: ['platform-admin'] };

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
const stepFunctions = new SFNClient({ maxAttempts: step_functions_attempts_max });
const startExecution = createStartExecution(
  stepFunctions,
  {
    planning: requiredEnvironment('PLANNING_STATE_MACHINE_ARN'),
    closing: requiredEnvironment('CLOSING_STATE_MACHINE_ARN'),
  },
  logger,
);
const sendTaskSuccess = createSendTaskSuccess(stepFunctions, logger);

/** The register's ids, at most `forbund_per_run_max`, and whether more were left unread. */
async function forbundIds(): Promise<{ ids: string[]; more: boolean }> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.stores.forbund.list(scheduler, {
      limit: forbund_page_items,
      ...(cursor ? { cursor } : {}),
    });
    ids.push(...page.items.map((forbund) => forbund.id));
    cursor = page.nextCursor;
  } while (cursor && ids.length < forbund_per_run_max);
  return { ids: ids.slice(0, forbund_per_run_max), more: Boolean(cursor) || ids.length > forbund_per_run_max };
}

/**
 * The years whose executions may be waiting: last year's closing (and the year before's, a
 * closing that has waited past a year), this year's, next year's planning. Completing here too is what moves a step whose condition is a date (the samråd
 * deadline passed) and retries a completion the API could not make.
 */
async function completeWaitingSteps(forbundId: string) {
  const year = Number(stockholmDate(deps.now()).slice(0, 4));
  for (const waiting of [year - 2, year - 1, year, year + 1])
    await completeSatisfiedSteps(deps, sendTaskSuccess, forbundId, waiting);
}

/** Runs one half of a förbund's day; a failure is logged (tomorrow catches up) and reported. */
async function attempt(what: string, forbundId: string, work: () => Promise<void>): Promise<boolean> {
  try {
    await work();
    return false;
  } catch (error) {
    logger.error(`${what} failed; tomorrow catches up`, { forbundId, error });
    return true;
  }
}

async function runDaily(_event: unknown, context: Context) {
  const { ids, more } = await forbundIds();
  const tally = { done: 0, failed: 0, notReached: 0 };
  // Bounded on purpose: if the register ever outgrows a run, the alarm says so instead of the
  // run silently growing past its timeout.
  if (more) logger.error('more förbund than one run may work through; the rest wait', { forbund_per_run_max });
  metrics.addMetric('CycleRegisterTruncated', MetricUnit.Count, more ? 1 : 0);
  for (const [index, forbundId] of ids.entries()) {
    if (context.getRemainingTimeInMillis() < remaining_time_margin_ms) {
      tally.notReached += ids.length - index;
      logger.error('out of time; the remaining förbund are caught up tomorrow', { notReached: ids.length - index });
      break;
    }
    // The two halves fail independently: a failing avräkning must not keep a step waiting. In
    // turn, not at once, so the completions see what today's work recorded.
    const workFailed = await attempt('daily work', forbundId, async () => {
      const work = await dailyWork(deps, startExecution, forbundId);
      if (work.length > 0) logger.info('daily work done', { forbundId, work });
    });
    const completionFailed = await attempt('completing waiting steps', forbundId, () =>
      completeWaitingSteps(forbundId),
    );
    if (workFailed || completionFailed) tally.failed += 1;
    else tally.done += 1;
  }
  metrics.addMetric('CycleForbundDone', MetricUnit.Count, tally.done);
  metrics.addMetric('CycleForbundFailed', MetricUnit.Count, tally.failed);
  metrics.addMetric('CycleForbundNotReached', MetricUnit.Count, tally.notReached);
  logger.info('daily run finished', tally);
  return tally;
}

export const handler = middy(runDaily)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }));
