import { settleDeadline } from '@finsam/cycle';
import {
  type BudgetDraft,
  budgetDeadline,
  budgetIssues,
  computeContributions,
  Decimal,
  flowOf,
  forbidden,
  formatMoney,
  frameSchedule,
  invalid,
  judgeDeadline,
  memberEvent,
  type Principal,
  type SamradAnswer,
  samradDeadline,
  stockholmDate,
} from '@finsam/domain';
import { type NewEvent, type Stores, tenantPartition } from '@finsam/store';

/**
 * The planning year's human steps (DOMAIN.md §2): a budget drafted in versions, samråd with
 * every member, adoption by the board by 30 November. Each step records what happened and when;
 * deadlines are judged in Stockholm time and a late step is recorded as late, never refused.
 */

/** The charter in force when the budget year begins decides the key and the deadlines. */
export async function charterForYear(stores: Stores, principal: Principal, forbundId: string, year: number) {
  return stores.charters
    .inForceOn(principal, forbundId, `${year}-01-01`)
    .catch(() => stores.charters.current(principal, forbundId));
}

export async function contributionsFor(
  stores: Stores,
  principal: Principal,
  forbundId: string,
  year: number,
  frame: string,
) {
  const charter = await charterForYear(stores, principal, forbundId, year);
  const amounts = computeContributions(new Decimal(frame), charter.members, charter.settings.contributionKey);
  return charter.members.map((member) => ({
    memberId: member.id,
    name: member.name,
    type: member.type,
    amount: formatMoney(amounts.get(member.id) as Decimal),
  }));
}

export async function openSamrad(stores: Stores, principal: Principal, forbundId: string, year: number, now: Date) {
  const budget = await stores.budgets.current(principal, forbundId, year);
  const charter = await charterForYear(stores, principal, forbundId, year);
  const deadline = samradDeadline(year, charter.settings);
  const round = await stores.budgets.openSamrad(
    principal,
    forbundId,
    year,
    { budgetVersion: budget.version, deadline },
    now,
  );
  const contributions = await contributionsFor(stores, principal, forbundId, year, budget.frame);
  const events: NewEvent[] = charter.members.map((member) =>
    memberEvent('samrad.opened', `samrad.opened:${year}:${member.id}`, member.id, {
      year,
      answerBy: deadline,
      proposedFrame: budget.frame,
      proposedContribution: contributions.find((c) => c.memberId === member.id)?.amount ?? '0.00',
      reference: `Budgetförslag ${year}, version ${budget.version}`,
      ...(member.externalReference ? { memberReference: member.externalReference } : {}),
    }),
  );
  await stores.outbox.emit(tenantPartition(principal, forbundId), forbundId, events, now);
  return round;
}

/** Only the member's own representative answers for it; nobody answers for another member. */
export async function answerSamrad(
  stores: Stores,
  principal: Principal,
  forbundId: string,
  year: number,
  memberId: string,
  answer: SamradAnswer,
  now: Date,
) {
  if (!principal.roles.includes('member-rep') || principal.memberId !== memberId)
    throw forbidden('Bara medlemmens egen representant kan svara i samrådet för medlemmen.');
  const round = await stores.budgets.samrad(principal, forbundId, year);
  if (!round)
    throw invalid('Samrådet är inte öppnat.', [{ field: 'year', message: `Inget samråd är öppnat för ${year}.` }]);
  // An answer is judged when it is given: answers are never back-dated.
  const late = judgeDeadline(round.deadline, { decidedAt: now.toISOString() }, now).verdict !== 'met';
  return stores.budgets.answer(
    principal,
    forbundId,
    year,
    memberId,
    answer,
    { budgetVersion: round.budgetVersion, late },
    now,
  );
}

export async function adoptBudget(
  stores: Stores,
  principal: Principal,
  forbundId: string,
  year: number,
  decision: { kind: 'final' | 'preliminary'; decisionReference: string; decidedAt?: string | undefined },
  now: Date,
) {
  const budget = await stores.budgets.current(principal, forbundId, year);
  const issues = budgetIssues(budget as BudgetDraft);
  if (issues.length > 0) throw invalid('Budgeten kan inte antas.', issues);
  const decidedAt = decision.decidedAt ?? now.toISOString();
  if (new Date(decidedAt).getTime() > now.getTime())
    throw invalid('Beslutet kan inte ligga i framtiden.', [
      { field: 'decidedAt', message: 'Ange när styrelsen beslutade.' },
    ]);
  const charter = await charterForYear(stores, principal, forbundId, year);
  const deadline = budgetDeadline(year, charter.settings);
  const adoption = await stores.budgets.adopt(
    principal,
    forbundId,
    year,
    {
      adoptionKind: decision.kind,
      budgetVersion: budget.version,
      decisionReference: decision.decisionReference,
      decidedAt,
      deadline,
      // A preliminary budget never meets the deadline: the law asks for the budget itself.
      // Judged by the decision's decidedAt, however late it is recorded (judgeDeadline).
      onTime: decision.kind === 'final' && judgeDeadline(deadline, { decidedAt }, now).verdict === 'met',
    },
    now,
  );
  if (decision.kind === 'final') {
    await publishContributionSchedule(stores, principal, forbundId, year, budget.frame, adoption, now);
    // The same judgement the daily check makes: a late adoption is recorded and told as missed
    // now (once), and one dated on time corrects a miss the daily check had already told.
    await settleDeadline({ stores, now: () => now }, forbundId, year, 'budget', { publish: true });
  }
  return adoption;
}

/** After adoption each member learns its part of the frame month by month (001 L622). */
async function publishContributionSchedule(
  stores: Stores,
  principal: Principal,
  forbundId: string,
  year: number,
  frame: string,
  adoption: { decisionReference: string; decidedAt: string },
  now: Date,
) {
  const charter = await charterForYear(stores, principal, forbundId, year);
  const funding = charter.settings.funding;
  const amounts = computeContributions(new Decimal(frame), charter.members, charter.settings.contributionKey);
  const events: NewEvent[] = charter.members.flatMap((member) => {
    const yearly = amounts.get(member.id) as Decimal;
    const flow = flowOf(member.id, funding);
    const schedule = frameSchedule(yearly, flow, funding);
    const common = {
      year,
      reference: adoption.decisionReference,
      ...(member.externalReference ? { memberReference: member.externalReference } : {}),
    };
    return [
      memberEvent('budget.adopted', `budget.adopted:${year}:${member.id}`, member.id, {
        ...common,
        adoptedOn: stockholmDate(adoption.decidedAt),
        frame,
        contribution: formatMoney(yearly),
      }),
      memberEvent('contribution.scheduled', `contribution.scheduled:${year}:${member.id}`, member.id, {
        ...common,
        total: formatMoney(yearly),
        installments: schedule.map((amount, index) => ({
          amount: formatMoney(amount),
          dueDate: `${year}-${String(index + 1).padStart(2, '0')}-${String(funding.advanceInvoiceDueDay).padStart(2, '0')}`,
        })),
      }),
    ];
  });
  await stores.outbox.emit(tenantPartition(principal, forbundId), forbundId, events, now);
}
