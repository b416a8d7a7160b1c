import {
  type Account,
  addAccount,
  buildChart,
  type Chart,
  conflict,
  extendChart,
  type Principal,
} from '@finsam/domain';
import type { CharterRepository } from '../charter-repository.ts';
import { decode, encode } from '../codecs.ts';
import { keys } from '../keys.ts';
import type { Table } from '../table.ts';
import { isLostRace } from '../table.ts';
import { tenantPartition } from '../tenant.ts';
import { chartItem } from './codecs.ts';

export interface StoredChart {
  accounts: Account[];
  version: number;
}

/** How often a lost race on the kontoplan item is retried before giving up with a 409. */
const chart_write_attempts_max = 5;

/**
 * The kontoplan of a förbund, one versioned item. It is built from the förbundsordning the
 * first time the ledger is used and extended when a member joins; accounts are added, never
 * removed once used.
 */
export class ChartRepository {
  constructor(
    private readonly table: Table,
    private readonly charters: CharterRepository,
  ) {}

  async chart(principal: Principal, forbundId: string, at: Date): Promise<StoredChart> {
    const partition = tenantPartition(principal, forbundId);
    const charter = await this.charters.current(principal, forbundId);
    for (let attempt = 1; attempt <= chart_write_attempts_max; attempt++) {
      const item = await this.table.get(partition, keys.chart);
      if (!item) {
        const accounts = buildChart(charter.members, []);
        const written = await this.write(partition, accounts, 1, undefined, at).catch(lostRace);
        if (written) return written;
        continue;
      }
      const stored = decode(chartItem, item);
      const extended = extendChart(stored.accounts, charter.members, []);
      if (extended.length === stored.accounts.length) return { accounts: stored.accounts, version: stored.version };
      const written = await this.write(partition, extended, stored.version + 1, stored.version, at).catch(lostRace);
      if (written) return written;
    }
    throw conflict('Kontoplanen ändras av någon annan just nu. Försök igen.');
  }

  async addAccount(principal: Principal, forbundId: string, account: Account, expectedVersion: number, at: Date) {
    const current = await this.chart(principal, forbundId, at);
    if (current.version !== expectedVersion)
      throw conflict('Kontoplanen har ändrats av någon annan. Läs in den igen och gör om ändringen.');
    const accounts = addAccount(current.accounts as Chart, account);
    return this.write(tenantPartition(principal, forbundId), accounts, expectedVersion + 1, expectedVersion, at);
  }

  private async write(partition: string, accounts: Account[], version: number, previous: number | undefined, at: Date) {
    const item = encode(chartItem, {
      PK: partition,
      SK: keys.chart,
      kind: 'chart',
      accounts,
      version,
      updatedAt: at.toISOString(),
    });
    const message = 'Kontoplanen har ändrats av någon annan.';
    if (previous === undefined) await this.table.putNew(item, message);
    else await this.table.put(item, 'version = :previous', { ':previous': previous }, message);
    return { accounts, version };
  }
}

/** A lost race is not an error here: the caller reads the winner's kontoplan and goes on. */
function lostRace(error: unknown): undefined {
  if (isLostRace(error)) return undefined;
  throw error;
}
