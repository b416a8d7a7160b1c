import type { Logger } from '@aws-lambda-powertools/logger';
import { SendTaskSuccessCommand, type SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { type CycleExecution, execution_attempts_max, type SendTaskSuccess, type StartExecution } from '@finsam/cycle';

/**
 * The two calls the annual cycle makes to Step Functions in AWS, shared by the task, daily and
 * API functions. Both are made idempotent here, because the cycle calls them again and again:
 * a step already completed, or an execution already started, is success, not an error.
 */

/**
 * Step Functions' answers for a token whose task no longer waits: completed before (it answers
 * TaskTimedOut for a closed task), its execution ended, or the token expired with its history.
 */
const task_closed_errors = new Set(['TaskTimedOut', 'InvalidToken', 'TaskDoesNotExist']);

/** Step Functions' limit on an execution's name. */
const execution_name_length_max = 80;

export function createSendTaskSuccess(client: SFNClient, logger: Logger): SendTaskSuccess {
  return async (taskToken) => {
    try {
      // The Task states discard the result (ResultPath null); the output must still be JSON.
      await client.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }));
    } catch (error) {
      const name = (error as Error).name;
      if (!task_closed_errors.has(name)) throw error;
      // Expected whenever a step is completed twice; logged so a mangled token is not silent.
      logger.info('task no longer waits; nothing to complete', { reason: name });
    }
  };
}

/**
 * One execution per (state machine, förbund, year, attempt): the name makes StartExecution
 * idempotent. The first keeps its plain name; a resumed one adds its attempt ("closing2").
 */
export function executionName(kind: CycleExecution, forbundId: string, year: number, attempt = 1): string {
  if (!Number.isInteger(attempt) || attempt < 1 || attempt > execution_attempts_max)
    throw new Error(`execution attempt out of range: ${attempt}`);
  const name = `${forbundId}-${year}-${kind}${attempt > 1 ? attempt : ''}`;
  // Förbund ids are at most 64 characters of [A-Za-z0-9-] (the store checks), and attempts at most
  // two digits, so this holds.
  if (name.length > execution_name_length_max) throw new Error(`execution name too long: ${name}`);
  return name;
}

export function createStartExecution(
  client: SFNClient,
  stateMachineArns: Record<CycleExecution, string>,
  logger: Logger,
): StartExecution {
  return async (kind, forbundId, year, resume) => {
    const name = executionName(kind, forbundId, year, resume?.attempt);
    try {
      // The same name and input as a running execution is answered with that execution; a
      // closed one with ExecutionAlreadyExists. The input is the definitions' `$.forbundId`,
      // `$.year`, and for a resumed execution where it resumes (`$.resumeAt`, `$.attempt`).
      await client.send(
        new StartExecutionCommand({
          stateMachineArn: stateMachineArns[kind],
          name,
          input: JSON.stringify({ forbundId, year, ...resume }),
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ExecutionAlreadyExists') throw error;
      logger.debug('execution exists already', { name });
    }
  };
}
