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

/** Behandlingshistorik: every change writes who, when and what, next to the tenant's data. */
export class AuditRepository {
  constructor(private readonly table: Table) {}

  async record(partition: TenantPartition | PlatformPartition, at: Date, entry: AuditEntry): Promise<void> {
    const id = nextId(at.getTime());
    await this.table.putNew(
      encode(auditItem, { PK: partition, SK: keys.audit(id), kind: 'audit', id, at: at.toISOString(), ...entry }),
      'Händelsen är redan registrerad.',
    );
  }

  async list(partition: TenantPartition, options: { limit?: number; cursor?: string }) {
    const page = await this.table.queryPrefix(partition, keys.auditPrefix, { ...options, newestFirst: true });
    return { ...page, items: page.items.map((item) => withoutKeys(decode(auditItem, item))) };
  }
}
