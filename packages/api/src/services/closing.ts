import { publishDischarge, settleDeadline } from '@finsam/cycle';
import {
  type AnnualReportAdoption,
  type AuditReport,
  annualReportDeadline,
  conflict,
  type DischargeDecision,
  type DischargeResolution,
  documentIds,
  forbidden,
  invalid,
  judgeDeadline,
  memberEvent,
  notFound,
  type Principal,
  stockholmDate,
} from '@finsam/domain';
import { type NewEvent, type Stores, tenantPartition } from '@finsam/store';

/**
 * The closing year's human steps (DOMAIN.md §2): the board adopts and signs the årsredovisning
 * after bokslut, every auditor reports with a recommendation, and each member decides on
 * ansvarsfrihet for itself. A refusal is told to every member and the national view.
 */
async function emitToAll(
  stores: Stores,
  principal: Principal,
  forbundId: string,
  make: (memberId: string) => NewEvent,
  now: Date,
) {
  const charter = await stores.charters.current(principal, forbundId);
  await stores.outbox.emit(
    tenantPartition(principal, forbundId),
    forbundId,
    charter.members.map((m) => make(m.id)),
    now,
  );
}

export async function adoptAnnualReport(
  stores: Stores,
  principal: Principal,
  forbundId: string,
  year: number,
  adoption: AnnualReportAdoption,
  now: Date,
) {
  const periods = await stores.periods.periods(principal, forbundId, year);
  if (!periods.yearLocked)
    throw conflict(`Bokslutet för ${year} är inte klart; årsredovisningen kan antas först efter bokslutet.`);
  const charter = await stores.charters.current(principal, forbundId);
  const decidedAt = adoption.decidedAt ?? now.toISOString();
  if (new Date(decidedAt).getTime() > now.getTime())
    throw invalid('Beslutet kan inte ligga i framtiden.', [
      { field: 'decidedAt', message: 'Ange när styrelsen beslutade.' },
    ]);
  const deadline = annualReportDeadline(year, charter.settings);
  const record = await stores.closing.adoptAnnualReport(
    principal,
    forbundId,
    year,
    // Judged by the decision's decidedAt, however late it is recorded (judgeDeadline).
    { ...adoption, decidedAt, deadline, onTime: judgeDeadline(deadline, { decidedAt }, now).verdict === 'met' },
    now,
  );
  await emitToAll(
    stores,
    principal,
    forbundId,
    (memberId) =>
      memberEvent('annual_report.adopted', `annual_report.adopted:${year}:${memberId}`, memberId, {
        year,
        adoptedOn: stockholmDate(decidedAt),
        reference: record.decisionReference,
        // The årsredovisning only: the SIE 4 export is the förbund's whole ledger, not a member's
        // document (memberMayOpen in @finsam/webhooks refuses it as well).
        documents: [
          { kind: 'pdf', documentId: documentIds.annualReport(year), fileName: `arsredovisning-${year}.pdf` },
        ],
      }),
    now,
  );
  // The same judgement the daily check makes: recorded and told once if late, corrected if the
  // daily check had told a miss that this decision, dated on time, did not commit.
  await settleDeadline({ stores, now: () => now }, forbundId, year, 'annual-report', { publish: true });
  return record;
}

/** A revisor submits as the auditor its user name is registered as, never as another. */
export async function submitAuditReport(
  stores: Stores,
  principal: Principal,
  forbundId: string,
  year: number,
  report: AuditReport,
  now: Date,
) {
  const auditors = await stores.closing.auditors(principal, forbundId);
  const auditor = auditors.find((candidate) => candidate.id === principal.subject);
  if (!auditor) throw forbidden('Du är inte registrerad som revisor i förbundet.');
  if (!(await stores.closing.annualReport(principal, forbundId, year)))
    throw conflict(`Årsredovisningen för ${year} är inte antagen ännu; granskningen gäller den antagna.`);
  const record = await stores.closing.submitAuditReport(principal, forbundId, year, auditor.id, report, now);
  await emitToAll(
    stores,
    principal,
    forbundId,
    (memberId) =>
      memberEvent('audit_report.submitted', `audit_report.submitted:${year}:${auditor.id}:${memberId}`, memberId, {
        year,
        submittedOn: stockholmDate(now),
        recommendsDischarge: report.recommendation === 'grant',
        reference: `Revisionsberättelse av ${auditor.name}`.slice(0, 100),
      }),
    now,
  );
  return record;
}

/** Only the member's own representative records the member's decision; after the revision. */
export async function decideDischarge(
  stores: Stores,
  principal: Principal,
  forbundId: string,
  year: number,
  memberId: string,
  decision: DischargeDecision,
  now: Date,
) {
  if (!principal.roles.includes('member-rep') || principal.memberId !== memberId)
    throw forbidden('Bara medlemmens egen representant kan registrera medlemmens beslut om ansvarsfrihet.');
  const auditors = await stores.closing.auditors(principal, forbundId);
  const reports = await stores.closing.auditReports(principal, forbundId, year);
  if (auditors.length === 0 || auditors.some((auditor) => !reports.some((r) => r.auditorId === auditor.id)))
    throw conflict('Alla revisionsberättelser är inte inlämnade ännu; ansvarsfrihet prövas efter revisionen.');
  const record = await stores.closing.recordDischarge(principal, forbundId, year, memberId, decision, now);
  await emitToAll(
    stores,
    principal,
    forbundId,
    (target) =>
      memberEvent('discharge.decided', `discharge.decided:${year}:${memberId}:${target}`, target, {
        year,
        decidedOn: decision.decidedOn,
        granted: decision.decision === 'granted',
        // Every member hears every decision; the reference says whose decision it is.
        reference: `${memberId}: ${decision.decisionReference}`.slice(0, 100),
      }),
    now,
  );
  // The national view hears every decision at once, a refusal above all (DOMAIN.md §7).
  await publishDischarge({ stores, now: () => now }, forbundId, year);
  return record;
}

/**
 * The board records how a member's refusal of ansvarsfrihet was resolved; until it has, the
 * likvid-waits rule holds the year's likvidavräkning (packages/cycle human-steps.ts).
 */
export async function resolveDischarge(
  stores: Stores,
  principal: Principal,
  forbundId: string,
  year: number,
  resolution: DischargeResolution,
  now: Date,
) {
  const charter = await stores.charters.current(principal, forbundId);
  const member = charter.members.find((m) => m.id === resolution.memberId);
  if (!member) throw invalid('Okänd medlem.', [{ field: 'memberId', message: 'Välj en av förbundets medlemmar.' }]);
  if (resolution.decidedOn > stockholmDate(now))
    throw invalid('Beslutet kan inte ligga i framtiden.', [
      { field: 'decidedOn', message: 'Ange dagen då beslutet fattades.' },
    ]);
  const decision = (await stores.closing.discharges(principal, forbundId, year)).find((d) => d.memberId === member.id);
  if (!decision) throw notFound(`${member.name} har inte beslutat om ansvarsfrihet för ${year}.`);
  if (decision.decision !== 'refused')
    throw conflict(`${member.name} har beviljat ansvarsfrihet för ${year}; det finns ingen vägran att lösa.`);
  if (resolution.decidedOn < decision.decidedOn)
    throw invalid('Lösningen kan inte komma före vägran.', [
      { field: 'decidedOn', message: `Ange ett datum från ${decision.decidedOn}, då ${member.name} vägrade.` },
    ]);
  return stores.closing.recordDischargeResolution(principal, forbundId, year, resolution, now);
}
