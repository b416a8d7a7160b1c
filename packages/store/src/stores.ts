import { AuditRepository } from './audit-repository.ts';
import { CharterRepository } from './charter-repository.ts';
import { AvrakningRepository } from './cycle/avrakning-repository.ts';
import { BudgetRepository } from './cycle/budget-repository.ts';
import { ClosingRepository } from './cycle/closing-repository.ts';
import { CycleRepository } from './cycle/cycle-repository.ts';
import { ExecutionRepository } from './cycle/execution-repository.ts';
import { NationalRepository } from './cycle/national-repository.ts';
import { ForbundRepository } from './forbund-repository.ts';
import { InvitedUserRepository } from './invited-user-repository.ts';
import { ChartRepository } from './ledger/chart-repository.ts';
import { ImportRepository } from './ledger/import-repository.ts';
import { OpeningRepository } from './ledger/opening-repository.ts';
import { PeriodRepository } from './ledger/period-repository.ts';
import { VoucherRepository } from './ledger/voucher-repository.ts';
import { OutboxRepository } from './outbox-repository.ts';
import type { Table } from './table.ts';
import { UserDirectory } from './user-directory.ts';

/** All repositories over one table, built once per process (cold start) and shared. */
export function createStores(table: Table) {
  const audit = new AuditRepository(table);
  const charters = new CharterRepository(table, audit);
  const charts = new ChartRepository(table, charters);
  const periods = new PeriodRepository(table);
  return {
    table,
    audit,
    forbund: new ForbundRepository(table, audit),
    charters,
    charts,
    periods,
    openings: new OpeningRepository(table, audit),
    imports: new ImportRepository(table, audit),
    vouchers: new VoucherRepository(table, charts, periods, audit),
    users: new UserDirectory(table),
    invitedUsers: new InvitedUserRepository(table, audit),
    outbox: new OutboxRepository(table),
    budgets: new BudgetRepository(table, audit),
    closing: new ClosingRepository(table, audit),
    cycles: new CycleRepository(table),
    avrakning: new AvrakningRepository(table),
    national: new NationalRepository(table),
    executions: new ExecutionRepository(table),
  };
}
export type Stores = ReturnType<typeof createStores>;
