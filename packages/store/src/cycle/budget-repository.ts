import {
  type BudgetDraft,
  conflict,
  notFound,
  type Principal,
  type SamradAnswer,
  samradAnswerNames,
} from '@finsam/domain';
import type { AuditRepository } from '../audit-repository.ts';
import { decode, encode, withoutKeys } from '../codecs.ts';
import { keys } from '../keys.ts';
import { memberNameIn } from '../member-name.ts';
import type { Table } from '../table.ts';
import { tenantPartition } from '../tenant.ts';
import { adoptionItem, budgetItem, samradAnswerItem, samradItem } from './budget-codecs.ts';

const strip = <T extends Record<string, unknown>>(item: T) => withoutKeys(item);
export type BudgetVersion = ReturnType<typeof toBudget>;
const toBudget = (item: Record<string, unknown>) => strip(decode(budgetItem, item));
export type SamradRound = ReturnType<typeof toSamrad>;
const toSamrad = (item: Record<string, unknown>) => strip(decode(samradItem, item));
export type SamradAnswerRecord = ReturnType<typeof toAnswer>;
const toAnswer = (item: Record<string, unknown>) => strip(decode(samradAnswerItem, item));
export type AdoptionRecord = ReturnType<typeof toAdoption>;
const toAdoption = (item: Record<string, unknown>) => strip(decode(adoptionItem, item));

/**
 * The budget year's human records: budget versions, the samråd round and each member's answer,
 * and the board's adoption. Each is its own item written once (versions by conditional put), so
 * a record, once made, is never overwritten.
 */
export class BudgetRepository {
  constructor(
    private readonly table: Table,
    private readonly audit: AuditRepository,
  ) {}

  async versions(principal: Principal, forbundId: string, year: number): Promise<BudgetVersion[]> {
    const page = await this.table.queryPrefix(tenantPartition(principal, forbundId), keys.budgetPrefix(year), {
      newestFirst: true,
    });
    return page.items.map(toBudget);
  }

  async current(principal: Principal, forbundId: string, year: number): Promise<BudgetVersion> {
    const page = await this.table.queryPrefix(tenantPartition(principal, forbundId), keys.budgetPrefix(year), {
      newestFirst: true,
      limit: 1,
    });
    if (!page.items[0]) throw notFound(`Det finns ingen budget för ${year}.`);
    return toBudget(page.items[0]);
  }

  async version(principal: Principal, forbundId: string, year: number, version: number): Promise<BudgetVersion> {
    const item = await this.table.get(tenantPartition(principal, forbundId), keys.budget(year, version));
    if (!item) throw notFound(`Version ${version} av budgeten för ${year} finns inte.`);
    return toBudget(item);
  }

  /** `expectedVersion` is the version the change builds on: 0 for the first draft. */
  async addVersion(
    principal: Principal,
    forbundId: string,
    year: number,
    draft: BudgetDraft,
    expectedVersion: number,
    at: Date,
  ): Promise<BudgetVersion> {
    const partition = tenantPartition(principal, forbundId);
    const latest = await this.current(principal, forbundId, year).catch(() => undefined);
    const stale = 'Budgeten har ändrats av någon annan. Läs in den igen och gör om ändringen.';
    if ((latest?.version ?? 0) !== expectedVersion) throw conflict(stale);
    const version = expectedVersion + 1;
    const item = encode(budgetItem, {
      PK: partition,
      SK: keys.budget(year, version),
      kind: 'budget',
      year,
      version,
      ...draft,
      createdAt: at.toISOString(),
      createdBy: principal.subject,
    });
    await this.table.putNew(item, stale);
    await this.audit.record(partition, at, {
      actor: principal.subject,
      action: 'budget.versioned',
      entity: keys.budget(year, version),
      versionBefore: expectedVersion,
      versionAfter: version,
      summary: `Budgetförslag ${year} version ${version} sparat`,
    });
    return toBudget(item);
  }

  async samrad(principal: Principal, forbundId: string, year: number): Promise<SamradRound | undefined> {
    const item = await this.table.get(tenantPartition(principal, forbundId), keys.samrad(year));
    return item ? toSamrad(item) : undefined;
  }

  async openSamrad(
    principal: Principal,
    forbundId: string,
    year: number,
    round: { budgetVersion: number; deadline: string },
    at: Date,
  ): Promise<SamradRound> {
    const partition = tenantPartition(principal, forbundId);
    const item = encode(samradItem, {
      PK: partition,
      SK: keys.samrad(year),
      kind: 'samrad',
      year,
      ...round,
      openedAt: at.toISOString(),
      openedBy: principal.subject,
    });
    await this.table.putNew(item, `Samrådet om budgeten för ${year} är redan öppnat.`);
    await this.audit.record(partition, at, {
      actor: principal.subject,
      action: 'samrad.opened',
      entity: keys.samrad(year),
      summary: `Samråd om budgetförslag ${year} version ${round.budgetVersion} öppnat, svar senast ${round.deadline}`,
    });
    return toSamrad(item);
  }

  async answers(principal: Principal, forbundId: string, year: number): Promise<SamradAnswerRecord[]> {
    const page = await this.table.queryPrefix(tenantPartition(principal, forbundId), keys.samradAnswerPrefix(year), {});
    return page.items.map(toAnswer);
  }

  /** A member answers once; the answer stands as given (a later view is a new samråd). */
  async answer(
    principal: Principal,
    forbundId: string,
    year: number,
    memberId: string,
    answer: SamradAnswer,
    record: { budgetVersion: number; late: boolean },
    at: Date,
  ): Promise<SamradAnswerRecord> {
    const partition = tenantPartition(principal, forbundId);
    const item = encode(samradAnswerItem, {
      PK: partition,
      SK: keys.samradAnswer(year, memberId),
      kind: 'samrad-answer',
      year,
      memberId,
      ...answer,
      ...record,
      answeredAt: at.toISOString(),
      answeredBy: principal.subject,
    });
    await this.table.putNew(item, 'Medlemmen har redan svarat i samrådet.');
    await this.audit.record(partition, at, {
      actor: principal.subject,
      action: 'samrad.answered',
      entity: keys.samradAnswer(year, memberId),
      summary: `Samrådssvar från ${await memberNameIn(this.table, partition, memberId)}: ${samradAnswerNames[answer.answer]}${record.late ? ' (efter sista svarsdag)' : ''}`,
    });
    return toAnswer(item);
  }

  async adoptions(principal: Principal, forbundId: string, year: number): Promise<AdoptionRecord[]> {
    const page = await this.table.queryPrefix(tenantPartition(principal, forbundId), keys.adoptionPrefix(year), {});
    return page.items.map(toAdoption);
  }

  async adopt(
    principal: Principal,
    forbundId: string,
    year: number,
    adoption: Omit<AdoptionRecord, 'year' | 'recordedAt' | 'recordedBy'>,
    at: Date,
  ): Promise<AdoptionRecord> {
    const partition = tenantPartition(principal, forbundId);
    const item = encode(adoptionItem, {
      PK: partition,
      SK: keys.adoption(year, adoption.adoptionKind),
      kind: 'adoption',
      year,
      ...adoption,
      recordedAt: at.toISOString(),
      recordedBy: principal.subject,
    });
    const label = adoption.adoptionKind === 'final' ? 'Budgeten' : 'En preliminär budget';
    await this.table.putNew(item, `${label} för ${year} är redan antagen.`);
    await this.audit.record(partition, at, {
      actor: principal.subject,
      action: `budget.adopted.${adoption.adoptionKind}`,
      entity: keys.adoption(year, adoption.adoptionKind),
      summary: `${adoption.adoptionKind === 'final' ? 'Budget' : 'Preliminär budget'} ${year} antagen: ${adoption.decisionReference}${adoption.onTime ? '' : ' (efter sista dag)'}`,
    });
    return toAdoption(item);
  }
}
