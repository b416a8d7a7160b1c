/**
 * The annual cycle as Amazon States Language, written once and used twice: CDK deploys it with
 * the task function's ARN substituted, and the local runtime runs the same JSON with
 * aws-local-stepfunctions, each Task state mapped to the same handler.
 *
 * A budget year spans about twenty months, longer than one Standard execution may live, so it is
 * two executions (planning in Y-1, closing in Y+1) with the months between driven by the
 * scheduler. Human steps wait with `.waitForTaskToken`; the API completes them when the person
 * acts. Deadlines are not Wait states: the scheduler judges them and tells the members. Nothing
 * waits forever: every wait has a timeout (its deadline plus a margin, within the execution's
 * year), and every failure and timeout is caught and escalated (escalation.ts), so an execution
 * never fails and never outlives the one year a Standard execution may live; the daily run
 * resumes an escalated year in a new execution, at the step it stopped at.
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

/** The two executions of a budget year (the months between are the scheduler's). */
export const cycleExecutions = ['planning', 'closing'] as const;
export type CycleExecution = (typeof cycleExecutions)[number];

/**
 * Task retries: a task is idempotent, so retrying a transient failure is always safe. The
 * handler's own errors (a throttled table, a DynamoDB hiccup) arrive as States.TaskFailed, Lambda's
 * as Lambda.*; a task that hangs ends at its timeout (States.Timeout) and is retried too.
 */
const task_retry_attempts_max = 4;
const task_retry_interval_seconds = 5;
const task_retry_backoff_rate = 2;
/** The task function's own timeout (2 minutes, infra/constructs/cycle.ts) plus room to start it. */
export const task_timeout_seconds = 150;

/** Lambda's own transient failures: the invocation never reached, or never left, our handler. */
const lambda_transient_errors = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
];

type State = Record<string, unknown>;
type States = Record<string, State>;

/** The execution input every state reads; `attempt` counts the executions of this kind and year. */
const execution_fields = { 'forbundId.$': '$.forbundId', 'year.$': '$.year' };

const retry = (errors: string[]) => ({
  ErrorEquals: errors,
  IntervalSeconds: task_retry_interval_seconds,
  MaxAttempts: task_retry_attempts_max,
  BackoffRate: task_retry_backoff_rate,
});

/** Where a wait finds its timeout in seconds (see humanStep). */
export const wait_timeout_path = '$.Payload.timeoutSeconds';

/** The state every failure of `state` leads to: it names the state, then escalates. */
export const escalationStateOf = (state: string) => `Escalate${state}`;
/** The state that works out how long `state` (a human step) may wait. */
export const timeoutStateOf = (state: string) => `${state}Timeout`;

/**
 * Every failure that outlived its retries (and every wait that reached its timeout) is caught:
 * the execution escalates and ends as succeeded, never as failed. The Catch keeps the state's
 * input and adds the error under `$.error`.
 */
const catchTo = (state: string) => ({
  Catch: [
    { ErrorEquals: ['States.Timeout'], ResultPath: '$.error', Next: escalationStateOf(state) },
    { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: escalationStateOf(state) },
  ],
});

function lambdaTask(payload: Record<string, unknown>, next: string | undefined): State {
  return {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: { FunctionName: task_function_placeholder, Payload: { ...payload, ...execution_fields } },
    TimeoutSeconds: task_timeout_seconds,
    ResultPath: null,
    Retry: [retry(['States.ALL'])],
    ...(next ? { Next: next } : { End: true }),
  };
}

function task(name: string, work: CycleTask, next: string | undefined): States {
  return {
    [name]: { ...lambdaTask({ kind: 'task', task: work }, next), ...catchTo(name) },
    ...escalation(name),
  };
}

/**
 * A human step is two states: a task that works out how long the step may wait (until its
 * deadline plus a margin, and never past the execution's year: step-timeouts.ts), then the wait
 * itself with `.waitForTaskToken`, which the API completes when the person acts. A wait that
 * reaches its timeout escalates.
 */
function humanStep(name: string, step: HumanStep, next: string): States {
  const timeout = timeoutStateOf(name);
  return {
    [timeout]: {
      ...lambdaTask({ kind: 'timeout', step, 'executionStartedAt.$': '$$.Execution.StartTime' }, name),
      // Kept at `$.Payload.timeoutSeconds`, which the wait's Payload repeats: its
      // TimeoutSecondsPath then finds the value whether it is read from the state's input (the
      // ASL specification) or from the input after Parameters (aws-local-stepfunctions).
      ResultSelector: { 'timeoutSeconds.$': '$.Payload.seconds' },
      ResultPath: '$.Payload',
      ...catchTo(name),
    },
    [name]: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: {
        FunctionName: task_function_placeholder,
        Payload: {
          kind: 'await',
          step,
          ...execution_fields,
          'timeoutSeconds.$': '$.Payload.timeoutSeconds',
          'taskToken.$': '$$.Task.Token',
        },
      },
      TimeoutSecondsPath: wait_timeout_path,
      ResultPath: null,
      // The handler's failure to save the token (States.TaskFailed) and Lambda's own; never the
      // timeout, which is the step's deadline and escalates. States.TaskFailed excludes
      // States.Timeout in Step Functions; the first retrier says so outright, for every engine
      // (aws-local-stepfunctions knows a timeout only by its own timer's error).
      Retry: [
        { ErrorEquals: ['States.Timeout'], MaxAttempts: 0 },
        retry([...lambda_transient_errors, 'States.TaskFailed']),
      ],
      ...catchTo(name),
      Next: next,
    },
    ...escalation(name),
  };
}

/** Names the state that failed, for the one escalation task of the machine. */
function escalation(state: string): States {
  return {
    [escalationStateOf(state)]: {
      Type: 'Pass',
      Result: { state },
      ResultPath: '$.escalation',
      Next: 'Escalate',
    },
  };
}

/**
 * The entry and the end every machine shares. A first execution's input is `{forbundId, year}`;
 * a resumed one (daily.ts, after an escalation) adds `resumeAt` and `attempt`, and starts at the
 * step it stopped at. The escalation records the stop in `CYCLE#<year>` and ends the execution as
 * succeeded: the record, not a failed execution, is what the daily run resumes from. Should the
 * escalation itself fail every retry, the execution fails, and the failed-executions alarm asks
 * for a redrive (safe: every task is idempotent).
 */
function machine(execution: CycleExecution, first: string, steps: States) {
  // A state that leads to a human step leads to the task that works out the step's timeout.
  const entryOf = (name: string) => (steps[timeoutStateOf(name)] ? timeoutStateOf(name) : name);
  const states: States = Object.fromEntries(
    Object.entries(steps).map(([name, state]) => [
      name,
      typeof state.Next === 'string' && name !== timeoutStateOf(state.Next)
        ? { ...state, Next: entryOf(state.Next) }
        : state,
    ]),
  );
  const resumable = Object.keys(states).filter((name) => !name.startsWith('Escalate') && !name.endsWith('Timeout'));
  return {
    Resume: {
      Type: 'Choice',
      Choices: [{ Variable: '$.resumeAt', IsPresent: true, Next: 'ResumeAt' }],
      Default: 'FirstExecution',
    },
    FirstExecution: {
      Type: 'Pass',
      Parameters: { ...execution_fields, attempt: 1 },
      Next: first,
    },
    ResumeAt: {
      Type: 'Choice',
      // A human step resumes at the task that works out its timeout, so the new wait has one.
      Choices: resumable.map((name) => ({
        Variable: '$.resumeAt',
        StringEquals: name,
        Next: entryOf(name),
      })),
      Default: first,
    },
    ...states,
    Escalate: {
      ...lambdaTask(
        {
          kind: 'escalate',
          execution,
          'attempt.$': '$.attempt',
          'state.$': '$.escalation.state',
          'error.$': '$.error',
          'executionStartedAt.$': '$$.Execution.StartTime',
        },
        'Escalated',
      ),
    },
    Escalated: { Type: 'Succeed' },
  };
}

/** Planning, autumn Y-1: samråd with every member, then the board adopts the budget by 30 November. */
export function planningDefinition() {
  return {
    Comment: 'Finsam: planering av budgetår (samråd och budget senast 30 november)',
    StartAt: 'Resume',
    States: machine('planning', 'OpenYear', {
      ...task('OpenYear', 'openYear', 'AwaitSamradOpened'),
      ...humanStep('AwaitSamradOpened', 'samrad.opened', 'AwaitSamradAnswers'),
      ...humanStep('AwaitSamradAnswers', 'samrad.answered', 'AwaitBudgetAdoption'),
      ...humanStep('AwaitBudgetAdoption', 'budget.adopted', 'PublishBudget'),
      ...task('PublishBudget', 'publishBudget', undefined),
    }),
  };
}

/**
 * Closing, Y+1: bokslut, årsredovisning, revision, ansvarsfrihet per member (a refusal resolved
 * by the board), likvidavräkning.
 */
export function closingDefinition() {
  return {
    Comment: 'Finsam: bokslut, årsredovisning, revision, ansvarsfrihet och likvidavräkning',
    StartAt: 'Resume',
    States: machine('closing', 'Bokslut', {
      ...task('Bokslut', 'bokslut', 'AwaitAnnualReport'),
      ...humanStep('AwaitAnnualReport', 'annual-report.adopted', 'AwaitAuditReports'),
      ...humanStep('AwaitAuditReports', 'audit.completed', 'RequestDischarge'),
      ...task('RequestDischarge', 'requestDischarge', 'AwaitDischarge'),
      ...humanStep('AwaitDischarge', 'discharge.decided', 'ReportDischarge'),
      // Every member has decided: the decisions (a refusal too) go to the national view at once.
      ...task('ReportDischarge', 'reportDischarge', 'AwaitDischargeResolved'),
      // The likvid-waits rule (human-steps.ts dischargeBlockers): a refusal holds the
      // likvidavräkning until the board has recorded how it was resolved.
      ...humanStep('AwaitDischargeResolved', 'discharge.resolved', 'Likvidavrakning'),
      ...task('Likvidavrakning', 'likvidavrakning', 'CloseYear'),
      ...task('CloseYear', 'closeYear', undefined),
    }),
  };
}

export const cycleDefinitions = { planning: planningDefinition, closing: closingDefinition } as const;

/** The error a failed or timed-out state hands its Catch: `{ Error, Cause }` in ASL. */
export interface StateError {
  Error?: string;
  Cause?: string;
}

/** The payload a Task state sends to the task function: what the handlers dispatch on. */
export type CyclePayload =
  | { kind: 'task'; task: CycleTask; forbundId: string; year: number }
  | { kind: 'timeout'; step: HumanStep; forbundId: string; year: number; executionStartedAt: string }
  | {
      kind: 'await';
      step: HumanStep;
      forbundId: string;
      year: number;
      taskToken: string;
      timeoutSeconds: number;
    }
  | {
      kind: 'escalate';
      execution: CycleExecution;
      attempt: number;
      state: string;
      error: StateError;
      executionStartedAt: string;
      forbundId: string;
      year: number;
    };
