import type { Simulation } from '../api/simulation-types.ts';

/**
 * The simulation page's pure rules: which year to offer, what the progress bar says, and when the
 * live region may speak again.
 */

/**
 * A simulated year Y starts on the virtual clock at 15 August of Y-1, 07:00 UTC (packages/local
 * simulate.ts, planYear), and the clock never goes backwards. So the earliest year is the clock's
 * year + 1 until that moment has passed, and + 2 after it. The API has the last word (a 400 on
 * `year` names the earliest); this is only the form's first suggestion.
 */
export function earliestYear(clockNow: string): number {
  const now = new Date(clockNow);
  const year = now.getUTCFullYear();
  const planningStarts = Date.UTC(year, 7, 15, 7);
  return now.getTime() > planningStarts ? year + 2 : year + 1;
}

/** "Steg 5 av 17: Avräkning 2027-03: klar" – the progress bar's label. */
export function stepText(simulation: Pick<Simulation, 'step' | 'total' | 'label'>): string {
  const label = simulation.label.trim();
  return `Steg ${simulation.step} av ${simulation.total}${label ? `: ${label}` : ''}`;
}

/** What a screen reader hears at the end: the outcome, not the last step. */
export function outcomeText(simulation: Pick<Simulation, 'status' | 'year' | 'error'>, forbundName: string): string {
  if (simulation.status === 'done') return `Simuleringen av ${forbundName} ${simulation.year} är klar.`;
  if (simulation.status === 'failed')
    return `Simuleringen av ${forbundName} ${simulation.year} misslyckades${simulation.error ? `: ${simulation.error}` : '.'}`;
  return '';
}

/**
 * A step takes about a second; reading each aloud would talk over the user. The live region says
 * the current step at most this often, and the outcome at once.
 */
export const announcement_interval_ms = 5_000;

/** How long to wait before announcing, given when the last announcement was made (0: now). */
export function announcementDelay(lastAnnouncedAtMs: number | undefined, nowMs: number, final: boolean): number {
  if (final || lastAnnouncedAtMs === undefined) return 0;
  return Math.max(0, lastAnnouncedAtMs + announcement_interval_ms - nowMs);
}

/** How often a running simulation is asked how far it has come. */
export const poll_interval_ms = 500;
/** A year takes 10–20 s; one still running after this is stuck, and the page stops asking. */
export const poll_duration_max_ms = 10 * 60_000;
/** Failed polls in a row before the page gives up and says so; one lost answer is no reason to. */
export const poll_failures_max = 5;
