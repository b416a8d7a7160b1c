import { AuditRepository } from './audit-repository.ts';
import { CharterRepository } from './charter-repository.ts';
import { ForbundRepository } from './forbund-repository.ts';
import type { Table } from './table.ts';
import { UserDirectory } from './user-directory.ts';

/** All repositories over one table, built once per process (cold start) and shared. */
export function createStores(table: Table) {
  const audit = new AuditRepository(table);
  return {
    table,
    audit,
    forbund: new ForbundRepository(table, audit),
    charters: new CharterRepository(table, audit),
    users: new UserDirectory(table),
  };
}
export type Stores = ReturnType<typeof createStores>;
