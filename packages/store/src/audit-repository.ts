import { AsyncLocalStorage } from 'node:async_hooks';
import { monotonicFactory } from 'ulidx';
import { auditItem, decode, encode, withoutKeys } from './codecs.ts';
import { keys, type PlatformPartition, type TenantPartition } from './keys.ts';
import type { Table } from './table.ts';

const nextId = monotonicFactory();

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  versionBefore?: number;
  versionAfter?: number;
  summary?: string;
}

/**
 * The change being made, for the one path every change request takes (audit-trail in
 * @finsam/api): it notes whose audit items were written while the request runs, and records one
 * of its own for a change that wrote none in the requester's name (none at all, or only the year
 * cycle's, as when a person runs the avräkning the cycle books), so that no route can leave the
 * trail without a trace of who asked for the change.
 */
export const auditScope = new AsyncLocalStorage<{ actors: Set<string> }>();

/** Behandlingshistorik: every change writes who, when and what, next to the tenant's data. */
export class AuditRepository {
  constructor(private readonly table: Table) {}

  async record(partition: TenantPartition | PlatformPartition, at: Date, entry: AuditEntry): Promise<void> {
    const id = nextId(at.getTime());
    await this.table.putNew(
      encode(auditItem, { PK: partition, SK: keys.audit(id), kind: 'audit', id, at: at.toISOString(), ...entry }),
      'Händelsen är redan registrerad.',
    );
    const scope = auditScope.getStore();
    scope?.actors.add(entry.actor);
  }

  async list(partition: TenantPartition, options: { limit?: number; cursor?: string }) {
    const page = await this.table.queryPrefix(partition, keys.auditPrefix, { ...options, newestFirst: true });
    return { ...page, items: page.items.map((item) => withoutKeys(decode(auditItem, item))) };
  }
}
