import type { Stores } from '@finsam/store';

/** What every task needs: the store and the one clock (virtual locally, real in AWS). */
export interface CycleDeps {
  stores: Stores;
  now: () => Date;
}
