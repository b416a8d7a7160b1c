import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { getSimulation, listSimulations } from '../api/simulation-endpoints.ts';
import type { Simulation } from '../api/simulation-types.ts';
import { type Loadable, useApi } from '../api/use-api.ts';
import { poll_duration_max_ms, poll_failures_max, poll_interval_ms } from './simulation-state.ts';

export interface SimulationView {
  /** The latest simulation, or null when none has run; loading until the list has come. */
  latest: Loadable<Simulation | null>;
  /** Shows a simulation just started from the form, and follows it. */
  follow: (simulation: Simulation) => void;
  /** Why the page stopped asking about a simulation still running, if it did. */
  pollProblem: PollProblem | null;
}

export interface PollProblem {
  message: string;
  /** The session ran out: signing in again lets the page follow the simulation again. */
  signIn: boolean;
}

/**
 * The latest simulation (so a reload shows where it is), followed every half second while it
 * runs. Polling stops when it is done or failed, when the page goes away, after a bounded time,
 * or after several failed calls in a row.
 */
export function useSimulation(): SimulationView {
  const [list] = useApi('simulations', (signal) => listSimulations(signal));
  const [followed, setFollowed] = useState<Simulation | null>(null);
  const [pollProblem, setPollProblem] = useState<PollProblem | null>(null);

  const latest: Loadable<Simulation | null> =
    followed !== null
      ? { status: 'ready', data: followed }
      : list.status === 'ready'
        ? { status: 'ready', data: list.data.items[0] ?? null }
        : list;
  const running = latest.status === 'ready' && latest.data?.status === 'running' ? latest.data.id : undefined;

  useEffect(() => {
    if (!running) return;
    const controller = new AbortController();
    const started = performance.now();
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setPollProblem(null);

    const poll = async () => {
      if (performance.now() - started > poll_duration_max_ms) {
        setPollProblem({
          message: 'Simuleringen har inte blivit klar på tio minuter. Ladda om sidan för att se hur det går.',
          signIn: false,
        });
        return;
      }
      try {
        const next = await getSimulation(running, controller.signal);
        failures = 0;
        setFollowed(next);
        if (next.status !== 'running') return;
      } catch (error) {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) {
          // The simulation goes on in the runtime; only this page has lost the right to ask about it.
          setPollProblem({
            message: 'Din inloggning har gått ut. Simuleringen fortsätter. Logga in igen för att se hur den går.',
            signIn: true,
          });
          return;
        }
        failures += 1;
        if (failures >= poll_failures_max) {
          const reason = error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : String(error);
          setPollProblem({
            message: `Kunde inte hämta hur simuleringen går: ${reason} Ladda om sidan för att försöka igen.`,
            signIn: false,
          });
          return;
        }
      }
      timer = setTimeout(poll, poll_interval_ms);
    };
    timer = setTimeout(poll, poll_interval_ms);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [running]);

  return { latest, follow: setFollowed, pollProblem };
}
