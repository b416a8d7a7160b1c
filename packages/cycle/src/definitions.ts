/**
 * The annual cycle as Amazon States Language, written once and used twice: CDK deploys it with
 * the task function's ARN substituted, and the local runtime runs the same JSON with
 * aws-local-stepfunctions, each Task state mapped to the same handler.
 *
 * A budget year spans about twenty months, longer than one Standard execution may live, so it is
 * two executions (planning in Y-1, closing in Y+1) with the months between driven by the
 * scheduler. Human steps wait with `.waitForTaskToken`; the API completes them when the person
 * acts. Deadlines are not Wait states: the scheduler judges them, so a missed deadline is
 * recorded and escalated while the execution keeps waiting for the person.
 */

/** Replaced by the real ARN when CDK deploys (DefinitionBody substitutions). */
// biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudFormation substitution, not a template literal.
export const task_function_placeholder = '${CycleTaskFunctionArn}';

export const humanSteps = [
  'samrad.opened',
  'samrad.answered',
  'budget.adopted',
  'annual-report.adopted',
  'audit.completed',
  'discharge.decided',
  'discharge.resolved',
] as const;
export type HumanStep = (typeof humanSteps)[number];

export const cycleTasks = [
  'openYear',
  'publishBudget',
  'bokslut',
  'requestDischarge',
  'reportDischarge',
  'likvidavrakning',
  'closeYear',
] as const;
export type CycleTask = (typeof cycleTasks)[number];

/** Task retries: a task is idempotent, so retrying a transient failure is always safe. */
const task_retry_attempts_max = 4;
const task_retry_interval_seconds = 5;

type State = Record<string, unknown>;

function task(task: CycleTask, next: string | undefined): State {
  return {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: {
      FunctionName: task_function_placeholder,
      Payload: { kind: 'task', task, 'forbundId.$': '$.forbundId', 'year.$': '$.year' },
    },
    ResultPath: null,
    Retry: [
      {
        ErrorEquals: ['States.ALL'],
        IntervalSeconds: task_retry_interval_seconds,
        MaxAttempts: task_retry_attempts_max,
        BackoffRate: 2,
      },
    ],
    ...(next ? { Next: next } : { End: true }),
  };
}

function humanStep(step: HumanStep, next: string): State {
  // The retry covers a failure to save the token; waiting itself has no timeout (people are slow).
  return {
    Retry: [
      {
        ErrorEquals: ['Lambda.ServiceException', 'Lambda.TooManyRequestsException', 'Lambda.SdkClientException'],
        IntervalSeconds: task_retry_interval_seconds,
        MaxAttempts: task_retry_attempts_max,
        BackoffRate: 2,
      },
    ],
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
    Parameters: {
      FunctionName: task_function_placeholder,
      Payload: {
        kind: 'await',
        step,
        'forbundId.$': '$.forbundId',
        'year.$': '$.year',
        'taskToken.$': '$$.Task.Token',
      },
    },
    ResultPath: null,
    Next: next,
  };
}

/** Planning, autumn Y-1: samråd with every member, then the board adopts the budget by 30 November. */
export function planningDefinition() {
  return {
    Comment: 'Finsam: planering av budgetår (samråd och budget senast 30 november)',
    StartAt: 'OpenYear',
    States: {
      OpenYear: task('openYear', 'AwaitSamradOpened'),
      AwaitSamradOpened: humanStep('samrad.opened', 'AwaitSamradAnswers'),
      AwaitSamradAnswers: humanStep('samrad.answered', 'AwaitBudgetAdoption'),
      AwaitBudgetAdoption: humanStep('budget.adopted', 'PublishBudget'),
      PublishBudget: task('publishBudget', undefined),
    },
  };
}

/**
 * Closing, Y+1: bokslut, årsredovisning, revision, ansvarsfrihet per member (a refusal resolved
 * by the board), likvidavräkning.
 */
export function closingDefinition() {
  return {
    Comment: 'Finsam: bokslut, årsredovisning, revision, ansvarsfrihet och likvidavräkning',
    StartAt: 'Bokslut',
    States: {
      Bokslut: task('bokslut', 'AwaitAnnualReport'),
      AwaitAnnualReport: humanStep('annual-report.adopted', 'AwaitAuditReports'),
      AwaitAuditReports: humanStep('audit.completed', 'RequestDischarge'),
      RequestDischarge: task('requestDischarge', 'AwaitDischarge'),
      AwaitDischarge: humanStep('discharge.decided', 'ReportDischarge'),
      // Every member has decided: the decisions (a refusal too) go to the national view at once.
      ReportDischarge: task('reportDischarge', 'AwaitDischargeResolved'),
      // The likvid-waits rule (human-steps.ts dischargeBlockers): a refusal holds the
      // likvidavräkning until the board has recorded how it was resolved.
      AwaitDischargeResolved: humanStep('discharge.resolved', 'Likvidavrakning'),
      Likvidavrakning: task('likvidavrakning', 'CloseYear'),
      CloseYear: task('closeYear', undefined),
    },
  };
}

export const cycleDefinitions = { planning: planningDefinition, closing: closingDefinition } as const;
export type CycleExecution = keyof typeof cycleDefinitions;

/** The payload a Task state sends to the task function: what the handlers dispatch on. */
export type CyclePayload =
  | { kind: 'task'; task: CycleTask; forbundId: string; year: number }
  | { kind: 'await'; step: HumanStep; forbundId: string; year: number; taskToken: string };
