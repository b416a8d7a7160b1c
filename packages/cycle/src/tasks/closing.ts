import { memberEvent } from '@finsam/domain';
import type { NewEvent } from '@finsam/store';
import { publishAggregate } from '../aggregates.ts';
import type { CycleDeps } from '../deps.ts';
import { cyclePartition, cyclePrincipal } from '../principal.ts';
import { yearCharter } from '../year-charter.ts';

/**
 * The members are asked to decide by 30 June of Y+1: the councils that decide on ansvarsfrihet
 * approve the year's accounts before the summer (an interpretation; a charter setting would make
 * it per förbund).
 */
export const dischargeAnswerBy = (year: number) => `${year + 1}-06-30`;

/**
 * After the revision: each member is asked to decide on ansvarsfrihet for the year, with every
 * auditor's report and recommendation attached (members decide slowly; each on its own calendar).
 */
export async function requestDischarge(deps: CycleDeps, forbundId: string, year: number): Promise<void> {
  const { stores, now } = deps;
  const principal = cyclePrincipal(forbundId);
  // The members of the year's charter decide on its ansvarsfrihet (yearCharter).
  const charter = await yearCharter(stores, forbundId, year);
  const reports = await stores.closing.auditReports(principal, forbundId, year);
  const grant = reports.filter((report) => report.recommendation === 'grant').length;
  const events: NewEvent[] = charter.members.map((member) =>
    memberEvent('discharge.requested', `discharge.requested:${year}:${member.id}`, member.id, {
      year,
      answerBy: dischargeAnswerBy(year),
      reference: `${grant} av ${reports.length} revisorer tillstyrker ansvarsfrihet`,
      ...(member.externalReference ? { memberReference: member.externalReference } : {}),
    }),
  );
  await stores.outbox.emit(cyclePartition(forbundId), forbundId, events, now());
  await stores.cycles.markDone(cyclePartition(forbundId), year, 'discharge.requested', now());
}

/**
 * The members' decisions on ansvarsfrihet as the national view counts them. A refusal stays
 * counted as refused once the board has resolved it: it happened, and the national view watches
 * for it.
 */
export async function publishDischarge(deps: CycleDeps, forbundId: string, year: number): Promise<void> {
  const principal = cyclePrincipal(forbundId);
  const [discharges, charter] = await Promise.all([
    deps.stores.closing.discharges(principal, forbundId, year),
    yearCharter(deps.stores, forbundId, year),
  ]);
  await publishAggregate(deps, forbundId, year, {
    discharge: {
      granted: discharges.filter((d) => d.decision === 'granted').length,
      refused: discharges.filter((d) => d.decision === 'refused').length,
      pending: charter.members.length - discharges.length,
    },
  });
}

/**
 * Every member has decided: the decisions go to the national view now, before the
 * likvidavräkning, which a refusal holds until the board has recorded its resolution.
 */
export async function reportDischarge(deps: CycleDeps, forbundId: string, year: number): Promise<void> {
  await publishDischarge(deps, forbundId, year);
  await deps.stores.cycles.markDone(cyclePartition(forbundId), year, 'discharge.reported', deps.now());
}

/** The year is closed when every member has decided and the likvidavräkning is settled. */
export async function closeYear(deps: CycleDeps, forbundId: string, year: number): Promise<void> {
  const { stores, now } = deps;
  const principal = cyclePrincipal(forbundId);
  const annualReport = await stores.closing.annualReport(principal, forbundId, year);
  await publishDischarge(deps, forbundId, year);
  if (annualReport)
    await publishAggregate(deps, forbundId, year, {
      annualReport: { adopted: true, onTime: annualReport.onTime },
    });
  await stores.cycles.markDone(cyclePartition(forbundId), year, 'year.closed', now());
}
