import { adoptionSchema, budgetDraftSchema, budgetIssues, conflict, samradAnswerSchema } from '@finsam/domain';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireRole, tenantGuard, tenantRoles } from '../auth/guards.ts';
import type { AppEnv } from '../http/env.ts';
import { json, jsonBody, memberIdParam, problemResponses } from '../http/schemas.ts';
import { adoptBudget, answerSamrad, contributionsFor, openSamrad } from '../services/budget.ts';
import { yearParam } from './ledger-schemas.ts';

const tag = ['Budget och samråd'];
const bearer = [{ bearer: [] }];
const planners = ['ekonom', 'forbund-admin'] as const;

const budgetVersionSchema = z
  .object({
    ...budgetDraftSchema.shape,
    year: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .openapi('Budgetversion');

const samradAnswerRecord = z.object({
  memberId: z.string(),
  answer: z.enum(['agree', 'comments']),
  comments: z.string(),
  budgetVersion: z.number().int(),
  answeredAt: z.string(),
  answeredBy: z.string(),
  late: z.boolean(),
});
const samradRound = z.object({
  budgetVersion: z.number().int(),
  deadline: z.string(),
  openedAt: z.string(),
  openedBy: z.string(),
});
const adoptionRecord = z
  .object({
    adoptionKind: z.enum(['final', 'preliminary']),
    budgetVersion: z.number().int(),
    decisionReference: z.string(),
    decidedAt: z.string(),
    recordedAt: z.string(),
    recordedBy: z.string(),
    deadline: z.string(),
    onTime: z.boolean(),
  })
  .openapi('Budgetbeslut');

const budgetYearSchema = z
  .object({
    year: z.number().int(),
    current: budgetVersionSchema.nullable(),
    versions: z.array(z.object({ version: z.number().int(), createdAt: z.string(), createdBy: z.string() })),
    balanceIssues: z.array(z.object({ field: z.string(), message: z.string() })),
    contributions: z.array(z.object({ memberId: z.string(), name: z.string(), type: z.string(), amount: z.string() })),
    samrad: samradRound.extend({ answers: z.array(samradAnswerRecord) }).nullable(),
    adoptions: z.array(adoptionRecord),
  })
  .openapi('Budgetar');

export function registerBudgetRoutes(
  app: OpenAPIHono<AppEnv>,
  onHumanStep: (forbundId: string, year: number) => Promise<void>,
) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/budgets/{year}',
      tags: tag,
      security: bearer,
      summary: 'Budgetåret: gällande version, medlemsbidrag, samrådssvar och beslut',
      middleware: [tenantGuard, requireRole(...tenantRoles)],
      request: { params: yearParam },
      responses: { 200: json(budgetYearSchema, 'Budgetåret'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      const { stores, principal } = c.var;
      await stores.forbund.get(principal, forbundId);
      const [versions, round, answers, adoptions] = await Promise.all([
        stores.budgets.versions(principal, forbundId, year),
        stores.budgets.samrad(principal, forbundId, year),
        stores.budgets.answers(principal, forbundId, year),
        stores.budgets.adoptions(principal, forbundId, year),
      ]);
      const current = versions[0] ?? null;
      // A member representative sees its own samråd answer, not the other members'.
      const visibleAnswers = principal.roles.includes('member-rep')
        ? answers.filter((answer) => answer.memberId === principal.memberId)
        : answers;
      return c.json(
        {
          year,
          current,
          versions: versions.map(({ version, createdAt, createdBy }) => ({ version, createdAt, createdBy })),
          balanceIssues: current ? budgetIssues(current) : [],
          contributions: current ? await contributionsFor(stores, principal, forbundId, year, current.frame) : [],
          samrad: round ? { ...round, answers: visibleAnswers } : null,
          adoptions,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/forbund/{forbundId}/budgets/{year}',
      tags: tag,
      security: bearer,
      summary: 'Spara en ny version av budgetförslaget (expectedVersion 0 för det första)',
      middleware: [tenantGuard, requireRole(...planners)],
      request: {
        params: yearParam,
        ...jsonBody(
          z.object({ ...budgetDraftSchema.shape, expectedVersion: z.number().int().min(0) }).openapi('NyBudgetversion'),
        ),
      },
      responses: { 201: json(budgetVersionSchema, 'Ny version'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      const { expectedVersion, ...draft } = c.req.valid('json');
      // An adopted budget is the board's decision: changing it takes a new decision, not a new draft.
      const adopted = (await c.var.stores.budgets.adoptions(c.var.principal, forbundId, year)).find(
        (adoption) => adoption.adoptionKind === 'final',
      );
      if (adopted)
        throw conflict(
          `Budgeten för ${year} är antagen av styrelsen (${adopted.decisionReference}) och kan inte längre ändras.`,
        );
      const created = await c.var.stores.budgets.addVersion(
        c.var.principal,
        forbundId,
        year,
        draft,
        expectedVersion,
        c.var.now(),
      );
      return c.json(created, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forbund/{forbundId}/budgets/{year}/samrad',
      tags: tag,
      security: bearer,
      summary: 'Skicka gällande budgetförslag på samråd till alla medlemmar (händelsen samrad.opened)',
      middleware: [tenantGuard, requireRole(...planners)],
      request: { params: yearParam },
      responses: { 201: json(samradRound, 'Samrådet är öppnat'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      const round = await openSamrad(c.var.stores, c.var.principal, forbundId, year, c.var.now());
      await onHumanStep(forbundId, year);
      return c.json(round, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forbund/{forbundId}/budgets/{year}/samrad/answers/{memberId}',
      tags: tag,
      security: bearer,
      summary:
        'Medlemmens svar i samrådet (bara medlemmens egen representant); svar efter sista dag registreras som sena',
      middleware: [tenantGuard, requireRole('member-rep')],
      request: {
        params: yearParam.extend({ memberId: memberIdParam }),
        ...jsonBody(samradAnswerSchema),
      },
      responses: { 201: json(samradAnswerRecord, 'Svaret'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year, memberId } = c.req.valid('param');
      const answer = await answerSamrad(
        c.var.stores,
        c.var.principal,
        forbundId,
        year,
        memberId,
        c.req.valid('json'),
        c.var.now(),
      );
      // The last member's answer completes the waiting samråd step now, not at the next nightly run.
      await onHumanStep(forbundId, year);
      return c.json(answer, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forbund/{forbundId}/budgets/{year}/adoption',
      tags: tag,
      security: bearer,
      summary:
        'Styrelsens beslut om budgeten. Ett beslut efter sista dag (30 november, Stockholmstid) registreras som sent; en preliminär budget uppfyller aldrig kravet.',
      middleware: [tenantGuard, requireRole('styrelse', 'forbund-admin')],
      request: { params: yearParam, ...jsonBody(adoptionSchema) },
      responses: { 201: json(adoptionRecord, 'Beslutet'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      const adoption = await adoptBudget(
        c.var.stores,
        c.var.principal,
        forbundId,
        year,
        c.req.valid('json'),
        c.var.now(),
      );
      await onHumanStep(forbundId, year);
      return c.json(adoption, 201);
    },
  );
}
