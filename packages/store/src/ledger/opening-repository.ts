import type { Balances, Principal } from '@finsam/domain';
import type { AuditRepository } from '../audit-repository.ts';
import { decode, encode } from '../codecs.ts';
import { keys } from '../keys.ts';
import type { Table } from '../table.ts';
import { tenantPartition } from '../tenant.ts';
import { openingItem } from './codecs.ts';

/**
 * Ingående balanser per year, written once: by the year-end closing of the year before, or, for
 * the first year a förbund keeps its books here, entered from its previous system.
 */
export class OpeningRepository {
  constructor(
    private readonly table: Table,
    private readonly audit: AuditRepository,
  ) {}

  /** Whether the year's ingående balanser have been written (by a bokslut or by hand). */
  async source(principal: Principal, forbundId: string, year: number): Promise<string | undefined> {
    const item = await this.table.get(tenantPartition(principal, forbundId), keys.opening(year));
    return item ? decode(openingItem, item).source : undefined;
  }

  /**
   * The first year's ingående balanser, entered by a person from the förbund's previous books.
   * Once only (409 after): a wrong figure is corrected by a voucher in the year, as in any ledger,
   * so the statements already sent keep the opening they were computed from.
   */
  async enter(principal: Principal, forbundId: string, year: number, balances: Balances, source: string, at: Date) {
    const partition = tenantPartition(principal, forbundId);
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
      `Ingående balanser för ${year} finns redan; rätta dem med en verifikation i året.`,
    );
    await this.audit.record(partition, at, {
      actor: principal.subject,
      action: 'ledger.opening-balances.entered',
      entity: keys.opening(year),
      summary:
        `Ingående balanser ${year} registrerade för ${Object.keys(balances).length === 1 ? '1 konto' : `${Object.keys(balances).length} konton`} (${source})`.slice(
          0,
          500,
        ),
    });
  }

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
