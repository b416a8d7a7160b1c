import { notFound, type Principal, type VoucherDraft, voucherDraftSchema } from '@finsam/domain';
import { ulid } from 'ulidx';
import { z } from 'zod';
import type { AuditRepository } from '../audit-repository.ts';
import { decode, encode, withoutKeys } from '../codecs.ts';
import { keys } from '../keys.ts';
import type { Table } from '../table.ts';
import { tenantPartition } from '../tenant.ts';

/** A staged import is one item (400 KB in DynamoDB); this many vouchers fit with room to spare. */
export const import_vouchers_max = 1_000;

const importItem = z.object({
  PK: z.string(),
  SK: z.string(),
  kind: z.literal('import'),
  id: z.string(),
  fileName: z.string(),
  status: z.enum(['staged', 'booked']),
  drafts: z.array(voucherDraftSchema),
  /** How many drafts, in order, are booked: booking resumes from here after a failure. */
  bookedCount: z.number().int().min(0),
  bookedNumbers: z.array(z.string()),
  createdAt: z.iso.datetime({ offset: true }),
  createdBy: z.string(),
});
export type StagedImport = Omit<z.infer<typeof importItem>, 'PK' | 'SK' | 'kind'>;

/** SIE imports wait here, validated, until someone books them. */
export class ImportRepository {
  constructor(
    private readonly table: Table,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Stages the drafts and records it in the behandlingshistorik; `note` is added to the audit
   * summary, e.g. that a person confirmed a file whose #ORGNR is not the förbund's.
   */
  async stage(
    principal: Principal,
    forbundId: string,
    fileName: string,
    drafts: VoucherDraft[],
    at: Date,
    note?: string,
  ) {
    const id = ulid(at.getTime());
    const partition = tenantPartition(principal, forbundId);
    const item = encode(importItem, {
      PK: partition,
      SK: keys.sieImport(id),
      kind: 'import',
      id,
      fileName,
      status: 'staged',
      drafts,
      bookedCount: 0,
      bookedNumbers: [],
      createdAt: at.toISOString(),
      createdBy: principal.subject,
    });
    await this.table.putNew(item, 'Importen finns redan.');
    await this.audit.record(partition, at, {
      actor: principal.subject,
      action: 'ledger.import.staged',
      entity: keys.sieImport(id),
      summary:
        `SIE-import ${fileName}: ${drafts.length} ${drafts.length === 1 ? 'verifikation' : 'verifikationer'} i mellanlagret${note ? `; ${note}` : ''}`.slice(
          0,
          500,
        ),
    });
    return withoutKeys(decode(importItem, item)) as StagedImport;
  }

  async get(principal: Principal, forbundId: string, id: string): Promise<StagedImport> {
    const item = await this.table.get(tenantPartition(principal, forbundId), keys.sieImport(id));
    if (!item) throw notFound('Importen finns inte.');
    return withoutKeys(decode(importItem, item)) as StagedImport;
  }

  /** Records progress after each booked voucher; conditional so two bookers cannot both advance. */
  async recordBooked(principal: Principal, forbundId: string, staged: StagedImport, label: string) {
    const next = staged.bookedCount + 1;
    await this.table.update(
      {
        Key: { PK: tenantPartition(principal, forbundId), SK: keys.sieImport(staged.id) },
        UpdateExpression:
          'SET bookedCount = :next, bookedNumbers = list_append(bookedNumbers, :label), #status = :status',
        ConditionExpression: 'bookedCount = :current',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':next': next,
          ':current': staged.bookedCount,
          ':label': [label],
          ':status': next === staged.drafts.length ? 'booked' : 'staged',
        },
      },
      'Importen bokförs redan av någon annan.',
    );
    staged.bookedCount = next;
    staged.bookedNumbers.push(label);
    if (next === staged.drafts.length) staged.status = 'booked';
  }
}
