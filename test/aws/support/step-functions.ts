import { type RunOptions, StateMachine } from 'aws-local-stepfunctions';
import type { LambdaInstance } from './lambda.ts';
import { installLongTimers } from './long-timers.ts';

/**
 * Step Functions, emulated (there is no local implementation of the service itself): the state
 * machines are the template's definitions, run by aws-local-stepfunctions (which interprets ASL:
 * Choice, Retry, Catch, Parameters, ResultPath), and every Task state invokes the synthesized
 * bundle its FunctionName points at. What is emulated here, around the interpreter, is the
 * service API the functions call: StartExecution (idempotent by name, as in AWS) and
 * SendTaskSuccess/SendTaskFailure for `.waitForTaskToken` states, each with its own token.
 */
/** The interpreter's handlers for Task states, keyed by state name. */
type TaskHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;
/** What a handler receives and returns: JSON, as ASL's paths produce it. */
type JsonValue = Parameters<TaskHandlers[string]>[0];
/** A Lambda task's Parameters: the function and its payload. */
interface TaskInput {
  FunctionName: string;
  Payload: unknown;
}

interface Execution {
  name: string;
  stateMachineArn: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  done: Promise<void>;
  /** The execution's output once it succeeded: `escalation` is set when it stopped escalated. */
  output?: { escalation?: unknown };
  error?: string;
}

interface Waiting {
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
}

export class StepFunctionsEmulator {
  readonly executions = new Map<string, Execution>();
  /** Tokens handed to task functions and not yet completed. */
  readonly waiting = new Map<string, Waiting>();
  private tokens = 0;

  constructor(
    /** Definition by state machine ARN, substitutions already resolved. */
    private readonly definitions: Map<string, any>,
    /** The running function behind a Lambda ARN. */
    private readonly functionOf: (arn: string) => LambdaInstance,
  ) {
    // A human step waits for weeks: its TimeoutSecondsPath must not fire after 1 ms.
    installLongTimers();
  }

  startExecution(request: { stateMachineArn: string; name: string; input?: string }) {
    const key = `${request.stateMachineArn}:${request.name}`;
    const existing = this.executions.get(key);
    if (existing) {
      if (existing.status !== 'RUNNING') throw serviceError('ExecutionAlreadyExists', `${request.name} exists`);
      return { executionArn: key, startDate: Date.now() / 1000 };
    }
    const definition = this.definitions.get(request.stateMachineArn);
    if (!definition) throw serviceError('StateMachineDoesNotExist', request.stateMachineArn);
    const machine = new StateMachine(definition, { validationOptions: { checkArn: false, checkPaths: false } });
    const handlers = Object.fromEntries(
      Object.entries(definition.States as Record<string, { Type: string; Resource?: string }>)
        .filter(([, state]) => state.Type === 'Task')
        .map(([name, state]) => [
          name,
          (input: JsonValue) => this.runTask(state.Resource ?? '', input as unknown as TaskInput),
        ]),
    ) as TaskHandlers;
    const run = machine.run(JSON.parse(request.input ?? '{}'), {
      overrides: { taskResourceLocalHandlers: handlers },
      context: { Task: { Token: 'per-task' } },
    });
    const execution: Execution = {
      name: request.name,
      stateMachineArn: request.stateMachineArn,
      status: 'RUNNING',
      done: run.result.then(
        (output) => {
          execution.output = output as Execution['output'];
          execution.status = 'SUCCEEDED';
        },
        (error: Error) => {
          execution.status = 'FAILED';
          execution.error = `${error.name}: ${error.message}`;
        },
      ),
    };
    this.executions.set(key, execution);
    return { executionArn: key, startDate: Date.now() / 1000 };
  }

  sendTaskSuccess(request: { taskToken: string; output: string }) {
    const waiting = this.waiting.get(request.taskToken);
    // AWS answers a token whose task is closed with TaskTimedOut; an unknown one with InvalidToken.
    if (!waiting) throw serviceError('InvalidToken', 'no task waits for this token');
    this.waiting.delete(request.taskToken);
    waiting.resolve(JSON.parse(request.output));
    return {};
  }

  sendTaskFailure(request: { taskToken: string; error?: string; cause?: string }) {
    const waiting = this.waiting.get(request.taskToken);
    if (!waiting) throw serviceError('InvalidToken', 'no task waits for this token');
    this.waiting.delete(request.taskToken);
    waiting.reject(Object.assign(new Error(request.cause ?? ''), { name: request.error ?? 'States.TaskFailed' }));
    return {};
  }

  /** The execution of `name` on any state machine, for tests to watch. */
  execution(name: string): Execution | undefined {
    return [...this.executions.values()].find((execution) => execution.name === name);
  }

  /**
   * A Lambda task: `arn:aws:states:::lambda:invoke` returns { Payload: the function's result };
   * `.waitForTaskToken` returns what SendTaskSuccess sent, once the token is completed.
   */
  private async runTask(resource: string, input: TaskInput): Promise<JsonValue> {
    const lambda = this.functionOf(input.FunctionName);
    if (!resource.endsWith('.waitForTaskToken'))
      return { Payload: (await lambda.invoke(input.Payload)) as JsonValue, StatusCode: 200 };
    const token = `token-${++this.tokens}-${Math.random().toString(36).slice(2)}`;
    const completed = new Promise<JsonValue>((resolve, reject) =>
      this.waiting.set(token, { resolve: (value) => resolve(value as JsonValue), reject }),
    );
    await lambda.invoke(replaceToken(input.Payload, token));
    return completed;
  }
}

/** The interpreter has one context token per run; each waiting task gets a token of its own. */
function replaceToken(payload: unknown, token: string): unknown {
  if (payload === 'per-task') return token;
  if (Array.isArray(payload)) return payload.map((item) => replaceToken(item, token));
  if (payload && typeof payload === 'object')
    return Object.fromEntries(Object.entries(payload).map(([key, value]) => [key, replaceToken(value, token)]));
  return payload;
}

export function serviceError(name: string, message: string) {
  return Object.assign(new Error(message), { name, isServiceError: true });
}
