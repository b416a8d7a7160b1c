import { request } from './client.ts';
import type { NewSimulation, Simulation, VirtualClock } from './simulation-types.ts';
import type { ItemList } from './types.ts';

/** The local runtime's control routes; in AWS each answers 404. */

/** The virtual clock: a 200 also says that this runtime takes simulations. */
export const getClock = (signal?: AbortSignal) => request<VirtualClock>('GET', '/local/clock', undefined, { signal });

/** 202 with the simulation started; 409 while another runs; 400 naming `year` or `forbundId`. */
export const startSimulation = (body: NewSimulation) => request<Simulation>('POST', '/local/simulations', body);

/**
 * A 401 here does not bounce to the login page mid-simulation: the page says the sign-in has run
 * out and offers to sign in again (simulation/use-simulation.ts), while the simulation goes on.
 */
export const getSimulation = (id: string, signal?: AbortSignal) =>
  request<Simulation>('GET', `/local/simulations/${encodeURIComponent(id)}`, undefined, {
    signal,
    redirectOnUnauthorized: false,
  });

/** Newest first. */
export const listSimulations = (signal?: AbortSignal) =>
  request<ItemList<Simulation>>('GET', '/local/simulations', undefined, { signal });
