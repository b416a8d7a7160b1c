import {
  type AnnualReportAdoption,
  type Auditor,
  type AuditReport,
  annualReportAdoptionSchema,
  auditorSchema,
  auditReportSchema,
  type DischargeDecision,
  type DischargeResolution,
  dischargeDecisionNames,
  dischargeDecisionSchema,
  dischargeResolutionSchema,
  type Principal,
  recommendationNames,
} from '@finsam/domain';
import { z } from 'zod';
import type { AuditRepository } from '../audit-repository.ts';
import { decode, encode, withoutKeys } from '../codecs.ts';
import { keys } from '../keys.ts';
import { memberNameIn } from '../member-name.ts';
import type { Table } from '../table.ts';
import { tenantPartition } from '../tenant.ts';

const keyed = { PK: z.string(), SK: z.string() };
const timestamp = z.iso.datetime({ offset: true });

const annualReportItem = z.object({
  ...keyed,
  kind: z.literal('annual-report'),
  year: z.number().int(),
  ...annualReportAdoptionSchema.shape,
  decidedAt: timestamp,
  deadline: z.iso.date(),
  onTime: z.boolean(),
  recordedAt: timestamp,
  recordedBy: z.string(),
});
const auditorItem = z.object({ ...keyed, kind: z.literal('auditor'), ...auditorSchema.shape });
const auditReportItem = z.object({
  ...keyed,
  kind: z.literal('audit-report'),
  year: z.number().int(),
  auditorId: z.string(),
  ...auditReportSchema.shape,
  submittedAt: timestamp,
  submittedBy: z.string(),
});
const dischargeItem = z.object({
  ...keyed,
  kind: z.literal('discharge'),
  year: z.number().int(),
  memberId: z.string(),
  ...dischargeDecisionSchema.shape,
  recordedAt: timestamp,
  recordedBy: z.string(),
});

const dischargeResolutionItem = z.object({
  ...keyed,
  kind: z.literal('discharge-resolution'),
  year: z.number().int(),
  ...dischargeResolutionSchema.shape,
  recordedAt: timestamp,
  recordedBy: z.string(),
});
export type DischargeResolutionRecord = Omit<z.infer<typeof dischargeResolutionItem>, 'PK' | 'SK' | 'kind'>;
const resolutionPrefix = (year: number) => `DISCHARGE-RESOLUTION#${year}#`;

const interimItem = z.object({
  ...keyed,
  kind: z.literal('interim-report'),
  year: z.number().int(),
  periodEnd: z.iso.date(),
  decisionReference: z.string(),
  comments: z.string(),
  decidedAt: timestamp,
  recordedAt: timestamp,
  recordedBy: z.string(),
});
export type InterimReportRecord = Omit<z.infer<typeof interimItem>, 'PK' | 'SK' | 'kind'>;

export type AnnualReportRecord = Omit<z.infer<typeof annualReportItem>, 'PK' | 'SK' | 'kind'>;
export type AuditReportRecord = Omit<z.infer<typeof auditReportItem>, 'PK' | 'SK' | 'kind'>;
export type DischargeRecord = Omit<z.infer<typeof dischargeItem>, 'PK' | 'SK' | 'kind'>;

/**
 * The closing year's human records: the adopted årsredovisning, the auditors and their reports,
 * and each member's ansvarsfrihet decision. Each record is written once.
 */
export class ClosingRepository {
  constructor(
    private readonly table: Table,
    private readonly audit: AuditRepository,
  ) {}

  async annualReport(principal: Principal, forbundId: string, year: number): Promise<AnnualReportRecord | undefined> {
    const item = await this.table.get(tenantPartition(principal, forbundId), keys.annualReport(year));
    return item ? (withoutKeys(decode(annualReportItem, item)) as AnnualReportRecord) : undefined;
  }

  async adoptAnnualReport(
    principal: Principal,
    forbundId: string,
    year: number,
    adoption: AnnualReportAdoption & { decidedAt: string; deadline: string; onTime: boolean },
    at: Date,
  ): Promise<AnnualReportRecord> {
    const partition = tenantPartition(principal, forbundId);
    const item = encode(annualReportItem, {
      PK: partition,
      SK: keys.annualReport(year),
      kind: 'annual-report',
      year,
      ...adoption,
      recordedAt: at.toISOString(),
      recordedBy: principal.subject,
    });
    await this.table.putNew(item, `Årsredovisningen för ${year} är redan antagen.`);
    await this.audit.record(partition, at, {
      actor: principal.subject,
      action: 'annual-report.adopted',
      entity: keys.annualReport(year),
      summary: `Årsredovisning ${year} antagen: ${adoption.decisionReference}`,
    });
    return withoutKeys(decode(annualReportItem, item)) as AnnualReportRecord;
  }

  async auditors(principal: Principal, forbundId: string): Promise<Auditor[]> {
    const page = await this.table.queryPrefix(tenantPartition(principal, forbundId), keys.auditorPrefix, {});
    return page.items.map((item) => withoutKeys(decode(auditorItem, item)) as Auditor);
  }

  async addAuditor(principal: Principal, forbundId: string, auditor: Auditor, at: Date): Promise<Auditor> {
    const partition = tenantPartition(principal, forbundId);
    await this.table.putNew(
      encode(auditorItem, { PK: partition, SK: keys.auditor(auditor.id), kind: 'auditor', ...auditor }),
      `Revisorn ${auditor.id} finns redan.`,
    );
    await this.audit.record(partition, at, {
      actor: principal.subject,
      action: 'auditor.appointed',
      entity: keys.auditor(auditor.id),
      summary: `Revisor ${auditor.name} utsedd, ersättare ${auditor.substitute.name}`,
    });
    return auditor;
  }

  async auditReports(principal: Principal, forbundId: string, year: number): Promise<AuditReportRecord[]> {
    const page = await this.table.queryPrefix(tenantPartition(principal, forbundId), keys.auditReportPrefix(year), {});
    return page.items.map((item) => withoutKeys(decode(auditReportItem, item)) as AuditReportRecord);
  }

  async submitAuditReport(
    principal: Principal,
    forbundId: string,
    year: number,
    auditorId: string,
    report: AuditReport,
    at: Date,
  ): Promise<AuditReportRecord> {
    const partition = tenantPartition(principal, forbundId);
    const item = encode(auditReportItem, {
      PK: partition,
      SK: keys.auditReport(year, auditorId),
      kind: 'audit-report',
      year,
      auditorId,
      ...report,
      submittedAt: at.toISOString(),
      submittedBy: principal.subject,
    });
    await this.table.putNew(item, `Revisionsberättelsen för ${year} är redan inlämnad.`);
    const auditor = await this.table.get(partition, keys.auditor(auditorId));
    const by = typeof auditor?.name === 'string' ? ` från ${auditor.name}` : '';
    await this.audit.record(partition, at, {
      actor: principal.subject,
      action: 'audit-report.submitted',
      entity: keys.auditReport(year, auditorId),
      summary: `Revisionsberättelse ${year}${by}: ${recommendationNames[report.recommendation]}`,
    });
    return withoutKeys(decode(auditReportItem, item)) as AuditReportRecord;
  }

  async discharges(principal: Principal, forbundId: string, year: number): Promise<DischargeRecord[]> {
    const page = await this.table.queryPrefix(tenantPartition(principal, forbundId), keys.dischargePrefix(year), {});
    return page.items.map((item) => withoutKeys(decode(dischargeItem, item)) as DischargeRecord);
  }

  async recordDischarge(
    principal: Principal,
    forbundId: string,
    year: number,
    memberId: string,
    decision: DischargeDecision,
    at: Date,
  ): Promise<DischargeRecord> {
    const partition = tenantPartition(principal, forbundId);
    const item = encode(dischargeItem, {
      PK: partition,
      SK: keys.discharge(year, memberId),
      kind: 'discharge',
      year,
      memberId,
      ...decision,
      recordedAt: at.toISOString(),
      recordedBy: principal.subject,
    });
    await this.table.putNew(item, 'Medlemmen har redan beslutat om ansvarsfrihet för året.');
    await this.audit.record(partition, at, {
      actor: principal.subject,
      action: `discharge.${decision.decision}`,
      entity: keys.discharge(year, memberId),
      summary: `${await memberNameIn(this.table, partition, memberId)} ${dischargeDecisionNames[decision.decision]} för ${year}: ${decision.decisionReference}`,
    });
    return withoutKeys(decode(dischargeItem, item)) as DischargeRecord;
  }

  async dischargeResolutions(
    principal: Principal,
    forbundId: string,
    year: number,
  ): Promise<DischargeResolutionRecord[]> {
    const page = await this.table.queryPrefix(tenantPartition(principal, forbundId), resolutionPrefix(year), {});
    return page.items.map((item) => withoutKeys(decode(dischargeResolutionItem, item)) as DischargeResolutionRecord);
  }

  /** The board records once how a member's refusal of ansvarsfrihet for the year was resolved. */
  async recordDischargeResolution(
    principal: Principal,
    forbundId: string,
    year: number,
    resolution: DischargeResolution,
    at: Date,
  ): Promise<DischargeResolutionRecord> {
    const partition = tenantPartition(principal, forbundId);
    const sk = `${resolutionPrefix(year)}${resolution.memberId}`;
    const item = encode(dischargeResolutionItem, {
      PK: partition,
      SK: sk,
      kind: 'discharge-resolution',
      year,
      ...resolution,
      recordedAt: at.toISOString(),
      recordedBy: principal.subject,
    });
    await this.table.putNew(item, 'Hur vägran av ansvarsfrihet löstes är redan registrerat för medlemmen.');
    await this.audit.record(partition, at, {
      actor: principal.subject,
      action: 'discharge.resolved',
      entity: sk,
      summary: `Vägrad ansvarsfrihet för ${await memberNameIn(this.table, partition, resolution.memberId)} ${year} löst: ${resolution.decisionReference}`,
    });
    return withoutKeys(decode(dischargeResolutionItem, item)) as DischargeResolutionRecord;
  }

  async interimReports(principal: Principal, forbundId: string, year: number): Promise<InterimReportRecord[]> {
    const page = await this.table.queryPrefix(tenantPartition(principal, forbundId), `INTERIM#${year}#`, {});
    return page.items.map((item) => withoutKeys(decode(interimItem, item)) as InterimReportRecord);
  }

  /** The board adopts a delårsrapport once per period end the charter names. */
  async adoptInterimReport(
    principal: Principal,
    forbundId: string,
    record: Omit<InterimReportRecord, 'recordedAt' | 'recordedBy'>,
    at: Date,
  ): Promise<InterimReportRecord> {
    const partition = tenantPartition(principal, forbundId);
    const item = encode(interimItem, {
      PK: partition,
      SK: `INTERIM#${record.year}#${record.periodEnd}`,
      kind: 'interim-report',
      ...record,
      recordedAt: at.toISOString(),
      recordedBy: principal.subject,
    });
    await this.table.putNew(item, `Delårsrapporten per ${record.periodEnd} är redan antagen.`);
    await this.audit.record(partition, at, {
      actor: principal.subject,
      action: 'interim-report.adopted',
      entity: `INTERIM#${record.year}#${record.periodEnd}`,
      summary: `Delårsrapport per ${record.periodEnd} antagen: ${record.decisionReference}`,
    });
    return withoutKeys(decode(interimItem, item)) as InterimReportRecord;
  }
}
