/**
 * The local runtime's simulations (packages/local): one budget year of a förbund run end to end
 * on the virtual clock. AWS has no such routes; there they answer 404.
 */
export const presetNames = ['finsam', 'delta', 'finspang', 'laholm', 'grastorp', 'haninge', 'stenungsund'] as const;
export type PresetName = (typeof presetNames)[number];

export type SimulationStatus = 'running' | 'done' | 'failed';

export interface Simulation {
  id: string;
  forbundId: string;
  year: number;
  preset?: string;
  status: SimulationStatus;
  /** Steps done so far, of `total`. */
  step: number;
  total: number;
  /** What the simulation is doing now, in Swedish. */
  label: string;
  /** The year's events so far, "YYYY-MM-DD  text", oldest first. */
  timeline: string[];
  /** The folder the documents are written to, relative to the runtime's working directory. */
  outputDir: string;
  /** The documents written to `outputDir`, by file name. */
  files: string[];
  error?: string;
  startedAt: string;
  finishedAt?: string;
}

export interface NewSimulation {
  forbundId: string;
  year: number;
  preset?: PresetName;
}

export interface VirtualClock {
  now: string;
}
