import { openEscalations } from '@finsam/cycle';
import { budgetYearDeadlines, type Deadline, hasRole, stockholmDate, swedishMonthNames } from '@finsam/domain';
import { tenantPartition } from '@finsam/store';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireRole, tenantGuard, tenantRoles } from '../auth/guards.ts';
import type { AppEnv } from '../http/env.ts';
import { json, problemResponses } from '../http/schemas.ts';
import { yearParam } from './ledger-schemas.ts';

const timelineSchema = z
  .object({
    year: z.number().int(),
    today: z.string(),
    steps: z.record(z.string(), z.object({ at: z.string(), detail: z.string().optional() })),
    deadlines: z.array(
      z.object({
        kind: z.string(),
        date: z.string(),
        status: z.enum(['done', 'overdue', 'upcoming']),
        label: z.string(),
      }),
    ),
    tasks: z.array(z.object({ text: z.string(), due: z.string().optional(), overdue: z.boolean() })),
  })
  .openapi('Arscykel');

const deadlineLabels: Record<string, string> = {
  samrad: 'Samrådssvar från medlemmarna',
  budget: 'Budget antagen av styrelsen',
  'interim-report': 'Delårsrapport',
  'annual-report': 'Årsredovisning antagen',
};

/** 2026-08-31 as "31 augusti 2026", as the label of a deadline reads. */
const swedishDate = (iso: string) =>
  `${Number(iso.slice(8, 10))} ${swedishMonthNames[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

/**
 * Where the förbund's budget year stands, with today's position, the deadlines and what needs
 * doing now: the timeline and task list of the portal's workspace.
 */
export function registerCycleRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/cycle/{year}',
      tags: ['Årscykeln'],
      security: [{ bearer: [] }],
      summary: 'Budgetårets tidslinje: gjorda steg, sista dagar (Stockholmstid) och vad som behöver göras nu',
      middleware: [tenantGuard, requireRole(...tenantRoles)],
      request: { params: yearParam },
      responses: { 200: json(timelineSchema, 'Tidslinjen'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      const { stores, principal } = c.var;
      const charter = await stores.charters.current(principal, forbundId);
      const state = await stores.cycles.get(tenantPartition(principal, forbundId), year);
      const [adoptions, samrad, answers, annualReport] = await Promise.all([
        stores.budgets.adoptions(principal, forbundId, year),
        stores.budgets.samrad(principal, forbundId, year),
        stores.budgets.answers(principal, forbundId, year),
        stores.closing.annualReport(principal, forbundId, year),
      ]);
      const steps = state?.steps ?? {};
      const today = stockholmDate(c.var.now());
      const finalAdoption = adoptions.find((a) => a.adoptionKind === 'final');
      // Each deadline is done by its own record: a delårsrapport by the adoption of its period.
      const isDone = (deadline: Deadline) => {
        switch (deadline.kind) {
          case 'budget':
            return finalAdoption !== undefined;
          case 'samrad':
            return charter.members.every((m) => answers.some((a) => a.memberId === m.id));
          case 'annual-report':
            return annualReport !== undefined;
          case 'interim-report':
            return steps[`interim.${deadline.periodEnd}`] !== undefined;
        }
      };
      const deadlines = budgetYearDeadlines(year, charter.settings).map((deadline) => ({
        kind: deadline.kind,
        date: deadline.date,
        label:
          deadline.kind === 'interim-report'
            ? `Delårsrapport per ${swedishDate(deadline.periodEnd as string)} antagen`
            : (deadlineLabels[deadline.kind] ?? deadline.kind),
        status: isDone(deadline)
          ? ('done' as const)
          : deadline.date < today
            ? ('overdue' as const)
            : ('upcoming' as const),
      }));
      const tasks: { text: string; due?: string; overdue: boolean }[] = [];
      const due = (kind: string) => deadlines.find((d) => d.kind === kind);
      if (hasRole(principal, 'ekonom', 'forbund-admin') && !samrad)
        tasks.push({ text: `Skicka budgetförslaget för ${year} på samråd`, overdue: false });
      if (hasRole(principal, 'member-rep') && samrad && !answers.some((a) => a.memberId === principal.memberId))
        tasks.push({ text: 'Svara i samrådet om budgeten', due: samrad.deadline, overdue: samrad.deadline < today });
      if (hasRole(principal, 'styrelse', 'forbund-admin') && samrad && !finalAdoption) {
        const budget = due('budget');
        tasks.push({ text: `Anta budgeten för ${year}`, due: budget?.date, overdue: budget?.status === 'overdue' });
      }
      // Reminders the daily work recorded before a deadline stay on the list until it is met.
      const reminded = new Set(
        Object.keys(steps)
          .filter((step) => step.startsWith('reminder.'))
          .map((step) => step.split('.')[1]),
      );
      for (const deadline of deadlines)
        if (deadline.status === 'upcoming' && reminded.has(deadline.kind))
          tasks.push({
            text: `Påminnelse: ${deadline.label.toLowerCase()} senast ${deadline.date}`,
            due: deadline.date,
            overdue: false,
          });
      for (const deadline of deadlines)
        if (deadline.status === 'overdue')
          tasks.push({
            text: `Försenat: ${deadline.label.toLowerCase()} (sista dag ${deadline.date})`,
            due: deadline.date,
            overdue: true,
          });
      // A step the cycle escalated (waited past its deadline, or failed every retry) stays on the
      // list until it is passed: the escalation's own text says what it waits for.
      if (hasRole(principal, 'ekonom', 'forbund-admin'))
        for (const escalation of await openEscalations({ stores, now: c.var.now }, forbundId, year))
          tasks.push({ text: escalation.detail ?? 'Årscykeln har stannat.', overdue: true });
      return c.json({ year, today, steps, deadlines, tasks }, 200);
    },
  );
}
