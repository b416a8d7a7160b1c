import type { Principal } from '@finsam/domain';
import { z } from 'zod';
import { decode, encode, withoutKeys } from '../codecs.ts';
import { keys } from '../keys.ts';
import type { Table } from '../table.ts';
import { isLostRace } from '../table.ts';
import { tenantPartition } from '../tenant.ts';

const keyed = { PK: z.string(), SK: z.string() };
const timestamp = z.iso.datetime({ offset: true });

/** A reported cost line as stored: the amount a money string (the economy reads it as Decimal). */
export const storedCostLineSchema = z.object({
  account: z.string().regex(/^\d{4}$/),
  amount: z.string().regex(/^-?\d{1,14}\.\d{2}$/),
  insatsId: z.string().optional(),
});
export type StoredCostLine = z.infer<typeof storedCostLineSchema>;

const costsItem = z.object({
  ...keyed,
  kind: z.literal('member-costs'),
  year: z.number().int(),
  month: z.number().int(),
  memberId: z.string(),
  lines: z.array(storedCostLineSchema),
  reportedAt: timestamp,
  reportedBy: z.string(),
});

const avrakningItem = z.object({
  ...keyed,
  kind: z.literal('avrakning'),
  year: z.number().int(),
  month: z.number().int(),
  /** The statements as the economy produced them (JSON), one per member. */
  statements: z.array(z.record(z.string(), z.unknown())),
  /** True when every claim-72 and set-off member's costs were in. */
  complete: z.boolean(),
  runAt: timestamp,
  runs: z.number().int().positive(),
});
const likvidItem = z.object({
  ...keyed,
  kind: z.literal('likvidavrakning'),
  year: z.number().int(),
  /** At bokslut (members settled at year end) or after ansvarsfrihet: one record each. */
  timing: z.enum(['at-bokslut', 'after-discharge']),
  settlementDate: z.iso.date(),
  statements: z.array(z.record(z.string(), z.unknown())),
  resultShares: z.array(z.record(z.string(), z.unknown())),
  createdAt: timestamp,
});
export type LikvidRecord = Omit<z.infer<typeof likvidItem>, 'PK' | 'SK' | 'kind'>;

export type AvrakningRecord = Omit<z.infer<typeof avrakningItem>, 'PK' | 'SK' | 'kind'>;
export type MemberCostsRecord = Omit<z.infer<typeof costsItem>, 'PK' | 'SK' | 'kind'>;

/**
 * The monthly avräkning: the members' reported costs (claim-72, set-off) and each month's run
 * with its statements. A month is run again when late costs arrive; its vouchers are booked once
 * each by key, so a re-run only adds what was missing.
 */
export class AvrakningRepository {
  constructor(private readonly table: Table) {}

  async reportCosts(
    principal: Principal,
    forbundId: string,
    year: number,
    month: number,
    memberId: string,
    lines: StoredCostLine[],
    at: Date,
  ): Promise<MemberCostsRecord> {
    const item = encode(costsItem, {
      PK: tenantPartition(principal, forbundId),
      SK: keys.memberCosts(year, month, memberId),
      kind: 'member-costs',
      year,
      month,
      memberId,
      lines,
      reportedAt: at.toISOString(),
      reportedBy: principal.subject,
    });
    await this.table.putNew(
      item,
      'Medlemmens kostnader för månaden är redan inrapporterade; rätta med en ny verifikation.',
    );
    return withoutKeys(decode(costsItem, item)) as MemberCostsRecord;
  }

  async costs(principal: Principal, forbundId: string, year: number, month: number): Promise<MemberCostsRecord[]> {
    const page = await this.table.queryPrefix(
      tenantPartition(principal, forbundId),
      `COSTS#${year}#${String(month).padStart(2, '0')}#`,
      {},
    );
    return page.items.map((item) => withoutKeys(decode(costsItem, item)) as MemberCostsRecord);
  }

  async run(
    principal: Principal,
    forbundId: string,
    year: number,
    month: number,
  ): Promise<AvrakningRecord | undefined> {
    const item = await this.table.get(tenantPartition(principal, forbundId), keys.avrakning(year, month));
    return item ? (withoutKeys(decode(avrakningItem, item)) as AvrakningRecord) : undefined;
  }

  async runs(principal: Principal, forbundId: string, year: number): Promise<AvrakningRecord[]> {
    const page = await this.table.queryPrefix(tenantPartition(principal, forbundId), keys.avrakningPrefix(year), {});
    return page.items.map((item) => withoutKeys(decode(avrakningItem, item)) as AvrakningRecord);
  }

  /** The latest run of a month replaces the record of the one before; the vouchers are the books. */
  async saveRun(
    principal: Principal,
    forbundId: string,
    record: Omit<AvrakningRecord, 'runs'>,
  ): Promise<AvrakningRecord> {
    const previous = await this.run(principal, forbundId, record.year, record.month);
    const item = encode(avrakningItem, {
      PK: tenantPartition(principal, forbundId),
      SK: keys.avrakning(record.year, record.month),
      kind: 'avrakning',
      ...record,
      runs: (previous?.runs ?? 0) + 1,
    });
    if (previous) await this.table.put(item, 'runs = :runs', { ':runs': previous.runs });
    else await this.table.putNew(item, 'Avräkningen körs redan.');
    return withoutKeys(decode(avrakningItem, item)) as AvrakningRecord;
  }

  /** The year's likvidavräkning statements and result shares, written once when it is settled. */
  async saveLikvid(principal: Principal, forbundId: string, record: LikvidRecord): Promise<LikvidRecord> {
    const item = encode(likvidItem, {
      PK: tenantPartition(principal, forbundId),
      SK: `LIKVID#${record.year}#${record.timing}`,
      kind: 'likvidavrakning',
      ...record,
    });
    await this.table.putNew(item, `Likvidavräkningen för ${record.year} är redan gjord.`).catch((error) => {
      if (!isLostRace(error)) throw error;
    });
    return this.likvid(principal, forbundId, record.year, record.timing) as Promise<LikvidRecord>;
  }

  async likvid(
    principal: Principal,
    forbundId: string,
    year: number,
    timing: LikvidRecord['timing'],
  ): Promise<LikvidRecord | undefined> {
    const item = await this.table.get(tenantPartition(principal, forbundId), `LIKVID#${year}#${timing}`);
    return item ? (withoutKeys(decode(likvidItem, item)) as LikvidRecord) : undefined;
  }
}
