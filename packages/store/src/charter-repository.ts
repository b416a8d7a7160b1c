import { type CharterDocument, conflict, notFound, type Principal } from '@finsam/domain';
import type { AuditRepository } from './audit-repository.ts';
import { charterItem, decode, encode, withoutKeys } from './codecs.ts';
import { keys, type TenantPartition } from './keys.ts';
import type { Table } from './table.ts';
import { tenantPartition } from './tenant.ts';

export type CharterVersion = ReturnType<typeof toCharter>;
const toCharter = (item: Record<string, unknown>) => withoutKeys(decode(charterItem, item));

/**
 * The förbundsordning as numbered versions, each its own immutable item. A new version is a
 * conditional put of `CHARTER#<n+1>`: of two writers holding the same version, exactly one wins.
 */
export class CharterRepository {
  constructor(
    private readonly table: Table,
    private readonly audit: AuditRepository,
  ) {}

  private async partitionOfExisting(principal: Principal, forbundId: string): Promise<TenantPartition> {
    const partition = tenantPartition(principal, forbundId);
    // The profile is the förbund's commit marker (see ForbundRepository.create).
    if (!(await this.table.get(partition, keys.forbundProfile()))) throw notFound('Förbundet finns inte.');
    return partition;
  }

  async current(principal: Principal, forbundId: string): Promise<CharterVersion> {
    const partition = await this.partitionOfExisting(principal, forbundId);
    const page = await this.table.queryPrefix(partition, keys.charterPrefix, { limit: 1, newestFirst: true });
    const latest = page.items[0];
    if (!latest) throw notFound('Förbundsordningen finns inte.');
    return toCharter(latest);
  }

  /** The version in force on a date: the newest version whose effective date has come. */
  async inForceOn(principal: Principal, forbundId: string, date: string): Promise<CharterVersion> {
    const partition = await this.partitionOfExisting(principal, forbundId);
    let cursor: string | undefined;
    do {
      const page = await this.table.queryPrefix(partition, keys.charterPrefix, { cursor, newestFirst: true });
      const found = page.items.map(toCharter).find((version) => version.effectiveFrom <= date);
      if (found) return found;
      cursor = page.nextCursor;
    } while (cursor);
    throw notFound(`Ingen förbundsordning gäller ${date}.`);
  }

  async versions(principal: Principal, forbundId: string, options: { limit?: number; cursor?: string }) {
    const partition = await this.partitionOfExisting(principal, forbundId);
    const page = await this.table.queryPrefix(partition, keys.charterPrefix, { ...options, newestFirst: true });
    return { ...page, items: page.items.map(toCharter) };
  }

  async version(principal: Principal, forbundId: string, version: number): Promise<CharterVersion> {
    const partition = await this.partitionOfExisting(principal, forbundId);
    const item = await this.table.get(partition, keys.charter(version));
    if (!item) throw notFound(`Version ${version} av förbundsordningen finns inte.`);
    return toCharter(item);
  }

  async addVersion(
    principal: Principal,
    forbundId: string,
    document: CharterDocument,
    expectedVersion: number,
    at: Date,
  ): Promise<CharterVersion> {
    const current = await this.current(principal, forbundId);
    const stale = 'Förbundsordningen har ändrats av någon annan. Läs in den igen och gör om ändringen.';
    // Checked before the put so that a version number from the future cannot leave a gap.
    if (current.version !== expectedVersion) throw conflict(stale);
    const partition = tenantPartition(principal, forbundId);
    const version = expectedVersion + 1;
    const item = encode(charterItem, {
      PK: partition,
      SK: keys.charter(version),
      kind: 'charter',
      forbundId,
      version,
      ...document,
      createdAt: at.toISOString(),
      createdBy: principal.subject,
    });
    await this.table.putNew(item, stale);
    await this.audit.record(partition, at, {
      actor: principal.subject,
      action: 'charter.versioned',
      entity: keys.charter(version),
      versionBefore: expectedVersion,
      versionAfter: version,
      summary: `Förbundsordning version ${version} sparad, gäller från ${document.effectiveFrom}${document.decisionReference ? `: ${document.decisionReference}` : ''}`,
    });
    return toCharter(item);
  }
}
