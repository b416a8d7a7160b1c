import type { CharterVersion, Stores } from '@finsam/store';
import { cyclePrincipal } from './principal.ts';

/**
 * The förbundsordning that governs budget year Y: the version in force when the year begins, as
 * for its contributions and its settlement. Its members are the ones whose samråd answers and
 * ansvarsfrihet decisions the year waits for: a kommun that joins in a later version takes part
 * from its first year and can never hold an earlier one. A förbund with no version in force on
 * 1 January (its first charter begins later in the year) is governed by its newest, as the
 * bokslut and the likvidavräkning read it.
 */
export async function yearCharter(stores: Stores, forbundId: string, year: number): Promise<CharterVersion> {
  const principal = cyclePrincipal(forbundId);
  return stores.charters
    .inForceOn(principal, forbundId, `${year}-01-01`)
    .catch(() => stores.charters.current(principal, forbundId));
}
