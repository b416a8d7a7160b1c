import './promise-polyfill.ts';
import { randomUUID } from 'node:crypto';
import {
  type CycleDeps,
  type CycleExecution,
  type CyclePayload,
  type CycleResult,
  completeSatisfiedSteps,
  cycleDefinitions,
  cyclePartition,
  handleCyclePayload,
  isHumanStepSatisfied,
  type ResumeAt,
  type SendTaskSuccess,
} from '@finsam/cycle';
import { StateMachine } from 'aws-local-stepfunctions';

/** How often a waiting human step looks for the people's records and its timeout (real time). */
export const human_step_poll_ms = 250;
/**
 * The engine's own timer for a wait, in real seconds: the largest Node's setTimeout takes (a
 * longer one fires at once). The waits' real timeouts run on the virtual clock (see `launch`).
 */
const engine_wait_timeout_seconds = Math.floor((2 ** 31 - 1) / 1000);

/** A Task state's error as Step Functions names it, so the definitions' Catch and Retry match. */
class StatesError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

interface Running {
  done: Promise<void>;
  abort: () => void;
}

export interface LocalCycleRunnerOptions {
  /**
   * `pollStores` answers the waiting human steps' repeated questions. It may be a second store
   * over its own table client, so that benchmarks can count this local-only polling apart: in
   * AWS a waiting step costs nothing until the API completes its token.
   */
  pollStores?: CycleDeps['stores'];
  /**
   * Whether a waiting step also looks at the records itself. Off, a step moves only when its
   * token is completed, as in AWS: by the API after a person acts (onHumanStep), or by the
   * daily run. Tests turn it off to show that the API's own completion suffices.
   */
  pollHumanSteps?: boolean;
  /** Real milliseconds between a Task state's retries (the definitions' seconds otherwise). */
  retryIntervalMs?: number;
  /** Wraps every task-function call: tests inject faults here, in front of the real handler. */
  taskFunction?: (payload: CyclePayload, run: () => Promise<CycleResult>) => Promise<CycleResult>;
}

/**
 * Runs the cycle's real ASL with aws-local-stepfunctions: every Task state is mapped to the same
 * handler the task Lambda calls (handleCyclePayload), tokens included, so a human step moves when
 * its token is completed, as in AWS. Executions are recorded in the table, so a restarted
 * runtime resumes them from the top; the tasks' idempotency makes the re-run do nothing twice.
 */
export class LocalCycleRunner {
  private readonly running = new Map<string, Running>();
  /** The waiting steps' tokens and how to complete each: SendTaskSuccess, locally. */
  private readonly waiting = new Map<string, () => void>();
  private stopped = false;
  /** Task handlers at work: an aborted execution's handler still finishes its writes. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly pollStores: CycleDeps['stores'];

  constructor(
    private readonly deps: CycleDeps,
    private readonly options: LocalCycleRunnerOptions = {},
  ) {
    this.pollStores = options.pollStores ?? deps.stores;
  }

  /** Completes a waiting step by its token; a token no longer waiting is done (as in AWS). */
  sendTaskSuccess: SendTaskSuccess = async (token) => {
    this.waiting.get(token)?.();
  };

  /** What the API calls after a person acts, as functions/src/api.ts does in AWS. */
  onHumanStep = (forbundId: string, year: number): Promise<void> =>
    completeSatisfiedSteps(this.deps, this.sendTaskSuccess, forbundId, year);

  /** Starts an execution unless one exists for this kind, förbund, year and attempt (StartExecution by name). */
  start = async (kind: CycleExecution, forbundId: string, year: number, resume?: ResumeAt): Promise<void> => {
    const partition = cyclePartition(forbundId);
    const now = this.deps.now();
    if (await this.deps.stores.executions.begin(partition, kind, forbundId, year, now, resume))
      this.launch(kind, forbundId, year, now, resume);
  };

  /** After a restart: every execution recorded as running runs again from where it began. */
  async resumeAll(): Promise<number> {
    const running = await this.deps.stores.executions.running();
    for (const record of running)
      this.launch(
        record.execution,
        record.forbundId,
        record.year,
        new Date(record.startedAt),
        record.resumeAt ? { resumeAt: record.resumeAt, attempt: record.attempt } : undefined,
      );
    return running.length;
  }

  /** Resolves when every execution of this kind, förbund and year has ended (tests and the simulation wait on this). */
  async finished(kind: CycleExecution, forbundId: string, year: number): Promise<void> {
    const prefix = `${kind}:${forbundId}:${year}:`;
    await Promise.all([...this.running].filter(([key]) => key.startsWith(prefix)).map(([, run]) => run.done));
  }

  /**
   * Aborts every execution and resolves once no task is still writing: the store closes after
   * this, and a write arriving at a closed database would crash the process.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const execution of this.running.values()) execution.abort();
    await Promise.allSettled([...this.inFlight, ...[...this.running.values()].map((run) => run.done)]);
  }

  private launch(kind: CycleExecution, forbundId: string, year: number, startedAt: Date, resume?: ResumeAt) {
    const attempt = resume?.attempt ?? 1;
    const key = `${kind}:${forbundId}:${year}:${attempt}`;
    // Recorded as running: the next start resumes it.
    if (this.stopped || this.running.has(key)) return;
    const definition = localDefinition(kind);
    // The builder's states are plain ASL JSON; the library's types are stricter than the builder's.
    const machine = new StateMachine(definition as unknown as ConstructorParameters<typeof StateMachine>[0], {
      validationOptions: { checkArn: false },
    });
    const handler = async (input: unknown) => {
      const payload = (input as { Payload: CyclePayload }).Payload;
      // The library's context carries real time; the execution began on the virtual clock.
      const local =
        payload.kind === 'timeout' || payload.kind === 'escalate'
          ? { ...payload, executionStartedAt: startedAt.toISOString() }
          : payload;
      const run = () => this.handle(local);
      const working = this.options.taskFunction ? this.options.taskFunction(local, run) : run();
      this.inFlight.add(working);
      const result = await working.finally(() => this.inFlight.delete(working));
      // What Lambda's invoke integration hands the state: the function's result under Payload.
      return { Payload: result ?? {} };
    };
    const execution = machine.run(
      { forbundId, year, ...resume },
      {
        // The definitions read `$$.Task.Token`; each wait makes its own token (handle).
        context: { Task: { Token: 'local' } },
        noThrowOnAbort: true,
        overrides: {
          taskResourceLocalHandlers: Object.fromEntries(
            Object.keys(definition.States).map((state) => [state, handler]),
          ),
          ...(this.options.retryIntervalMs !== undefined
            ? {
                retryIntervalOverrides: Object.fromEntries(
                  Object.keys(definition.States).map((state) => [state, this.options.retryIntervalMs as number]),
                ),
              }
            : {}),
        },
      },
    );
    const partition = cyclePartition(forbundId);
    const done = execution.result.then(
      async (result) => {
        // An aborted execution (runtime stopping) stays recorded as running, to resume.
        if (result === null || this.stopped) return;
        await this.deps.stores.executions.end(partition, kind, year, 'succeeded', this.deps.now(), undefined, attempt);
      },
      async (error: Error) => {
        if (this.stopped) return;
        await this.deps.stores.executions.end(partition, kind, year, 'failed', this.deps.now(), error.message, attempt);
      },
    );
    this.running.set(key, { done, abort: execution.abort });
  }

  private async handle(payload: CyclePayload): Promise<CycleResult> {
    if (payload.kind !== 'await') return handleCyclePayload(this.deps, this.sendTaskSuccess, payload);
    // A token of its own per wait, saved in the cycle state as in AWS, and completed through it.
    const token = `local:${payload.forbundId}:${payload.year}:${payload.step}:${randomUUID()}`;
    const timesOutAt = this.deps.now().getTime() + payload.timeoutSeconds * 1000;
    let completed = false;
    this.waiting.set(token, () => {
      completed = true;
    });
    try {
      await handleCyclePayload(this.deps, this.sendTaskSuccess, { ...payload, taskToken: token });
      while (!this.stopped && !completed) {
        if (
          this.options.pollHumanSteps !== false &&
          (await isHumanStepSatisfied(this.pollStores, payload.forbundId, payload.year, payload.step, this.deps.now()))
        )
          return undefined;
        // The wait's timeout, on the virtual clock: a simulated year's deadlines pass in seconds.
        if (this.deps.now().getTime() >= timesOutAt)
          throw new StatesError('States.Timeout', `${payload.step} waited ${payload.timeoutSeconds} s`);
        await new Promise((resolve) => setTimeout(resolve, human_step_poll_ms));
      }
      return undefined;
    } finally {
      this.waiting.delete(token);
    }
  }
}

/**
 * The definition as the local engine runs it: the same states, except that each wait's timeout
 * is judged by the runner on the virtual clock, and the engine's own timer is set as far out as
 * it goes (the deployed TimeoutSecondsPath would be months of real time, past what it can set).
 */
function localDefinition(kind: CycleExecution) {
  const definition = cycleDefinitions[kind]();
  const states = Object.fromEntries(
    Object.entries(definition.States).map(([name, state]) => {
      if (!('TimeoutSecondsPath' in state)) return [name, state];
      const { TimeoutSecondsPath: _path, ...rest } = state as Record<string, unknown>;
      return [name, { ...rest, TimeoutSeconds: engine_wait_timeout_seconds }];
    }),
  );
  return { ...definition, States: states };
}
