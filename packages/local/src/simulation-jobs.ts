import { randomUUID } from 'node:crypto';
import { join, relative } from 'node:path';
import { conflict, invalid, notFound, type PresetName, type Principal } from '@finsam/domain';
import { type Stores, tenantPartition } from '@finsam/store';
import { type SimulationProgress, simulateYear, simulation_steps, simulationStart } from './simulate.ts';
import type { SimulationDriver } from './simulation-driver.ts';

export interface SimulationRequest {
  forbundId: string;
  year: number;
  preset?: PresetName | undefined;
}

/** A simulation started from the portal, as its progress view polls it. */
export interface SimulationJob extends SimulationRequest {
  id: string;
  status: 'running' | 'done' | 'failed';
  step: number;
  total: number;
  label: string;
  timeline: string[];
  /** Relative to the working directory, as a person at that machine would look for it. */
  outputDir: string;
  files: string[];
  error?: string;
  startedAt: string;
  finishedAt?: string;
}

export interface SimulationJobsDependencies {
  stores: Stores;
  now: () => Date;
  /** Built on first use: the driver needs the running server's address. */
  driver: () => SimulationDriver;
  /** Where each simulation writes its documents, in a folder of its own. */
  outDir: string;
}

/** The simulation reads as the platform does; the people it acts through sign in on their own. */
const platform: Principal = { subject: 'simulation', name: 'Simuleringen', roles: ['platform-admin'] };
/** Where the simulation first sets the clock; the clock may only move forward from now. */
const planningStart = (year: number) => new Date(simulationStart(year));
/** Jobs live as long as the runtime; the portal needs only the latest few. */
const jobs_kept_max = 20;

/**
 * Simulations of a year started over the API (local runtime only): one at a time, since each
 * moves the one virtual clock, and only forward, since events already written carry their time.
 * The progress is kept in memory while the runtime runs.
 */
export class SimulationJobs {
  private readonly jobs: SimulationJob[] = [];
  /** Set from the first check until the job is listed, so two requests at once cannot both start. */
  private starting = false;

  constructor(private readonly deps: SimulationJobsDependencies) {}

  list(): SimulationJob[] {
    return this.jobs.map((job) => structuredClone(job));
  }

  get(id: string): SimulationJob {
    const job = this.jobs.find((candidate) => candidate.id === id);
    if (!job) throw notFound('Simuleringen finns inte.');
    return structuredClone(job);
  }

  async start(request: SimulationRequest): Promise<SimulationJob> {
    if (this.starting || this.jobs.some((job) => job.status === 'running'))
      throw conflict('En simulering pågår redan; vänta tills den är klar.');
    this.starting = true;
    try {
      await this.check(request);
    } finally {
      this.starting = false;
    }
    const job: SimulationJob = {
      ...request,
      id: randomUUID(),
      status: 'running',
      step: 0,
      total: simulation_steps.length,
      label: 'Startar',
      timeline: [],
      outputDir: relative(process.cwd(), this.outDirOf(request)) || '.',
      files: [],
      startedAt: this.deps.now().toISOString(),
    };
    this.jobs.unshift(job);
    this.jobs.splice(jobs_kept_max);
    void this.run(job);
    return structuredClone(job);
  }

  private async check({ forbundId, year }: SimulationRequest) {
    const forbund = await this.deps.stores.forbund.get(platform, forbundId).catch(() => undefined);
    if (!forbund)
      throw invalid('Förbundet finns inte.', [{ field: 'forbundId', message: 'Välj ett förbund som finns.' }]);
    const now = this.deps.now();
    if (now > planningStart(year)) {
      const earliest =
        now > planningStart(now.getUTCFullYear() + 1) ? now.getUTCFullYear() + 2 : now.getUTCFullYear() + 1;
      throw invalid('Klockan kan bara gå framåt.', [
        {
          field: 'year',
          message: `Planeringen av ${year} har redan börjat på den virtuella klockan; välj ${earliest} eller senare.`,
        },
      ]);
    }
    if (await this.deps.stores.cycles.get(tenantPartition(platform, forbundId), year))
      throw invalid('Året är redan påbörjat.', [
        { field: 'year', message: `${forbund.name} har redan påbörjat budgetåret ${year}.` },
      ]);
  }

  private outDirOf({ forbundId, year }: SimulationRequest): string {
    return join(this.deps.outDir, `${forbundId}-${year}`);
  }

  private async run(job: SimulationJob) {
    try {
      const { files } = await simulateYear(this.deps.driver(), {
        forbundId: job.forbundId,
        year: job.year,
        preset: job.preset,
        outDir: this.outDirOf(job),
        print: (line) => job.timeline.push(line),
        onProgress: (progress: SimulationProgress) => {
          job.step = progress.step;
          job.total = progress.total;
          job.label = progress.label;
        },
      });
      job.files = files;
      job.status = 'done';
      job.label = 'Klart';
    } catch (error) {
      job.status = 'failed';
      job.error = error instanceof Error ? error.message : String(error);
    } finally {
      job.finishedAt = this.deps.now().toISOString();
    }
  }
}
