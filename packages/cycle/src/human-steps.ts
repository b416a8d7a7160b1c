import { isOnTime, samradDeadline } from '@finsam/domain';
import type { Stores } from '@finsam/store';
import type { HumanStep } from './definitions.ts';
import { cyclePrincipal } from './principal.ts';
import { yearCharter } from './year-charter.ts';

/**
 * Whether the people have done what a waiting step waits for. Derived from the records they
 * made (a samråd answer, a board decision, an auditor's report, a member's decision), never from
 * a flag that could disagree with them: after a crash, a re-run sees the same truth. "Every
 * member" is every member of the charter that governs the year (yearCharter), not of the newest.
 */
export async function isHumanStepSatisfied(
  stores: Stores,
  forbundId: string,
  year: number,
  step: HumanStep,
  now: Date,
): Promise<boolean> {
  const principal = cyclePrincipal(forbundId);
  switch (step) {
    case 'samrad.opened':
      return (await stores.budgets.samrad(principal, forbundId, year)) !== undefined;
    case 'samrad.answered': {
      // Every member answered, or the samråd deadline has passed: a missing answer is recorded
      // as missing and the board decides without it (the law asks for samråd, not consent).
      // A board that adopted the final budget has closed the samråd, whoever had answered.
      const charter = await yearCharter(stores, forbundId, year);
      const answers = await stores.budgets.answers(principal, forbundId, year);
      const answered = new Set(answers.map((answer) => answer.memberId));
      if (charter.members.every((member) => answered.has(member.id))) return true;
      if (!isOnTime(now, samradDeadline(year, charter.settings))) return true;
      return (await stores.budgets.adoptions(principal, forbundId, year)).some((a) => a.adoptionKind === 'final');
    }
    case 'budget.adopted':
      return (await stores.budgets.adoptions(principal, forbundId, year)).some((a) => a.adoptionKind === 'final');
    case 'annual-report.adopted':
      return (await stores.closing.annualReport(principal, forbundId, year)) !== undefined;
    case 'audit.completed': {
      const auditors = await stores.closing.auditors(principal, forbundId);
      const reports = await stores.closing.auditReports(principal, forbundId, year);
      const submitted = new Set(reports.map((report) => report.auditorId));
      return auditors.length > 0 && auditors.every((auditor) => submitted.has(auditor.id));
    }
    case 'discharge.decided': {
      const charter = await yearCharter(stores, forbundId, year);
      const decided = new Set((await stores.closing.discharges(principal, forbundId, year)).map((d) => d.memberId));
      return charter.members.every((member) => decided.has(member.id));
    }
    case 'discharge.resolved':
      return (await dischargeBlockers(stores, forbundId, year)).length === 0;
  }
}

/**
 * The likvid-waits rule (DOMAIN.md §2–3; 000 L352: "efter att årsredovisningen är fastställd och
 * godkänd med beviljad ansvarsfrihet"): the likvidavräkning after ansvarsfrihet is one
 * settlement of the year's approved accounts, so it waits until every member has granted
 * ansvarsfrihet, or has refused and the board has recorded how the refusal was resolved. The
 * members that are holding it: undecided, or refused without a recorded resolution.
 */
export interface DischargeBlocker {
  memberId: string;
  reason: 'undecided' | 'refused';
}

export async function dischargeBlockers(stores: Stores, forbundId: string, year: number): Promise<DischargeBlocker[]> {
  const principal = cyclePrincipal(forbundId);
  const [charter, discharges, resolutions] = await Promise.all([
    yearCharter(stores, forbundId, year),
    stores.closing.discharges(principal, forbundId, year),
    stores.closing.dischargeResolutions(principal, forbundId, year),
  ]);
  const resolved = new Set(resolutions.map((resolution) => resolution.memberId));
  return charter.members.flatMap((member): DischargeBlocker[] => {
    const decision = discharges.find((d) => d.memberId === member.id);
    if (!decision) return [{ memberId: member.id, reason: 'undecided' }];
    if (decision.decision === 'refused' && !resolved.has(member.id))
      return [{ memberId: member.id, reason: 'refused' }];
    return [];
  });
}
