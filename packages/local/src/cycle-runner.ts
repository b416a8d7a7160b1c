import './promise-polyfill.ts';
import {
  type CycleDeps,
  type CycleExecution,
  type CyclePayload,
  cycleDefinitions,
  cyclePartition,
  cycleTaskHandlers,
  isHumanStepSatisfied,
} from '@finsam/cycle';
import { StateMachine } from 'aws-local-stepfunctions';

/** How often a waiting human step looks for the people's records (real time). */
export const human_step_poll_ms = 250;

interface Running {
  done: Promise<void>;
  abort: () => void;
}

/**
 * Runs the cycle's real ASL with aws-local-stepfunctions: every Task state is mapped to the same
 * handler the task Lambda calls, and a waiting human step resolves when the records show the
 * people acted. Executions are recorded in the table, so a restarted runtime resumes them from
 * the top; the tasks' idempotency makes the re-run do nothing twice.
 */
export class LocalCycleRunner {
  private readonly running = new Map<string, Running>();
  private stopped = false;

  /**
   * `pollStores` answers the waiting human steps' repeated questions. It may be a second store
   * over its own table client, so that benchmarks can count this local-only polling apart: in
   * AWS a waiting step costs nothing until the API completes its token.
   */
  constructor(
    private readonly deps: CycleDeps,
    private readonly pollStores: CycleDeps['stores'] = deps.stores,
  ) {}

  /** Starts an execution unless one exists for this kind, förbund and year (as StartExecution by name). */
  start = async (kind: CycleExecution, forbundId: string, year: number): Promise<void> => {
    const partition = cyclePartition(forbundId);
    if (await this.deps.stores.executions.begin(partition, kind, forbundId, year, this.deps.now()))
      this.launch(kind, forbundId, year);
  };

  /** After a restart: every execution recorded as running runs again from the top. */
  async resumeAll(): Promise<number> {
    const running = await this.deps.stores.executions.running();
    for (const record of running) this.launch(record.execution, record.forbundId, record.year);
    return running.length;
  }

  /** Resolves when the execution has ended (tests and the simulation wait on this). */
  async finished(kind: CycleExecution, forbundId: string, year: number): Promise<void> {
    await this.running.get(`${kind}:${forbundId}:${year}`)?.done;
  }

  stop(): void {
    this.stopped = true;
    for (const execution of this.running.values()) execution.abort();
  }

  private launch(kind: CycleExecution, forbundId: string, year: number) {
    const key = `${kind}:${forbundId}:${year}`;
    if (this.running.has(key)) return;
    const definition = cycleDefinitions[kind]();
    // The builder's states are plain ASL JSON; the library's types are stricter than the builder's.
    const machine = new StateMachine(definition as unknown as ConstructorParameters<typeof StateMachine>[0], {
      validationOptions: { checkArn: false },
    });
    const handler = async (input: unknown) => {
      await this.handle((input as { Payload: CyclePayload }).Payload);
      return {};
    };
    const execution = machine.run(
      { forbundId, year },
      {
        context: { Task: { Token: 'local' } },
        noThrowOnAbort: true,
        overrides: {
          taskResourceLocalHandlers: Object.fromEntries(
            Object.keys(definition.States).map((state) => [state, handler]),
          ),
        },
      },
    );
    const done = execution.result.then(
      async (result) => {
        // An aborted execution (runtime stopping) stays recorded as running, to resume.
        if (result === null || this.stopped) return;
        await this.deps.stores.executions.end(cyclePartition(forbundId), kind, year, 'succeeded', this.deps.now());
      },
      async (error: Error) => {
        if (this.stopped) return;
        await this.deps.stores.executions.end(
          cyclePartition(forbundId),
          kind,
          year,
          'failed',
          this.deps.now(),
          error.message,
        );
      },
    );
    this.running.set(key, { done, abort: execution.abort });
  }

  private async handle(payload: CyclePayload): Promise<void> {
    if (payload.kind === 'task') return cycleTaskHandlers[payload.task](this.deps, payload.forbundId, payload.year);
    while (!this.stopped) {
      if (await isHumanStepSatisfied(this.pollStores, payload.forbundId, payload.year, payload.step, this.deps.now()))
        return;
      await new Promise((resolve) => setTimeout(resolve, human_step_poll_ms));
    }
  }
}
