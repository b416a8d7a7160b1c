import type { Balances, Principal } from '@finsam/domain';
import { decode, encode } from '../codecs.ts';
import { keys } from '../keys.ts';
import type { Table } from '../table.ts';
import { tenantPartition } from '../tenant.ts';
import { openingItem } from './codecs.ts';

/** Ingående balanser per year, written once by the year-end closing of the year before. */
export class OpeningRepository {
  constructor(private readonly table: Table) {}

  async balances(principal: Principal, forbundId: string, year: number): Promise<Balances> {
    const item = await this.table.get(tenantPartition(principal, forbundId), keys.opening(year));
    return item ? decode(openingItem, item).balances : {};
  }

  /** Idempotent: a second closing of the same year finds the balances written and leaves them. */
  async write(principal: Principal, forbundId: string, year: number, balances: Balances, source: string, at: Date) {
    const partition = tenantPartition(principal, forbundId);
    if (await this.table.get(partition, keys.opening(year))) return;
    await this.table.putNew(
      encode(openingItem, {
        PK: partition,
        SK: keys.opening(year),
        kind: 'opening',
        year,
        balances: { ...balances },
        source,
        createdAt: at.toISOString(),
      }),
      `Ingående balanser för ${year} finns redan.`,
    );
  }
}
