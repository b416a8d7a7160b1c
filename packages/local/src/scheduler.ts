import {
  type CycleDeps,
  completeSatisfiedSteps,
  dailyWork,
  type SendTaskSuccess,
  type StartExecution,
} from '@finsam/cycle';
import type { Principal } from '@finsam/domain';
import { stockholmDate } from '@finsam/domain';

/** How often the scheduler looks at the virtual clock (real time). */
export const scheduler_tick_ms = 200;
/** The most förbund one tick works through; the register is paged. */
const forbund_per_tick_max = 10_000;

const scheduler: Principal = { subject: 'schemalaggaren', name: 'Schemaläggaren', roles: ['platform-admin'] };

/**
 * The local stand-in for EventBridge Scheduler: whenever the virtual clock reaches a new day in
 * Stockholm, the cycle's daily work runs for every förbund. The daily work catches up, so a clock
 * that jumps a month runs that month's work in one go.
 */
export class LocalScheduler {
  private timer: NodeJS.Timeout | undefined;
  private lastDay = '';
  private busy: Promise<void> = Promise.resolve();
  readonly log: string[] = [];

  constructor(
    private readonly deps: CycleDeps,
    private readonly startExecution: StartExecution,
    private readonly sendTaskSuccess?: SendTaskSuccess,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), scheduler_tick_ms);
  }

  stop(): Promise<void> {
    clearInterval(this.timer);
    return this.busy;
  }

  /** Runs today's work now (the simulation calls this after moving the clock); returns what it did. */
  async runNow(): Promise<string[]> {
    this.lastDay = '';
    const before = this.log.length;
    await this.tick();
    return this.log.slice(before);
  }

  private tick(): Promise<void> {
    const today = stockholmDate(this.deps.now());
    if (today === this.lastDay) return this.busy;
    this.lastDay = today;
    this.busy = this.busy.then(() => this.work(today));
    return this.busy;
  }

  private async work(today: string): Promise<void> {
    const register = await this.deps.stores.forbund.list(scheduler, { limit: 100 });
    const ids = register.items.slice(0, forbund_per_tick_max).map((forbund) => forbund.id);
    let cursor = register.nextCursor;
    while (cursor) {
      const page = await this.deps.stores.forbund.list(scheduler, { cursor, limit: 100 });
      ids.push(...page.items.map((forbund) => forbund.id));
      cursor = page.nextCursor;
    }
    for (const forbundId of ids) {
      try {
        for (const line of await dailyWork(this.deps, this.startExecution, forbundId))
          this.log.push(`${today} ${forbundId}: ${line}`);
        // As the daily run in AWS (functions/src/cycle-daily.ts): the waiting steps whose
        // condition now holds (a samråd deadline passed) are completed by their tokens.
        if (this.sendTaskSuccess) {
          const year = Number(today.slice(0, 4));
          for (const waiting of [year - 2, year - 1, year, year + 1])
            await completeSatisfiedSteps(this.deps, this.sendTaskSuccess, forbundId, waiting);
        }
      } catch (error) {
        this.log.push(`${today} ${forbundId}: FEL ${(error as Error).message}`);
      }
    }
  }
}
