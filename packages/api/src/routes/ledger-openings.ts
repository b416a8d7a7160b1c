import { conflict, invalid, moneyString, openingBalanceIssues } from '@finsam/domain';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireRole, tenantGuard } from '../auth/guards.ts';
import type { AppEnv } from '../http/env.ts';
import { json, jsonBody, problemResponses } from '../http/schemas.ts';
import { ledgerReaders, yearParam } from './ledger-schemas.ts';

const tag = ['Bokföring'];
const bearer = [{ bearer: [] }];

/** Most accounts one entry of ingående balanser takes: more than any kontoplan has. */
const opening_accounts_max = 500;

const openingSchema = z
  .object({
    year: z.number().int(),
    balances: z.record(z.string(), z.string()),
    source: z.string().optional(),
  })
  .openapi('OpeningBalances');

const enterSchema = z.object({
  balances: z
    .record(z.string().regex(/^\d{4}$/), moneyString)
    .refine((balances) => Object.keys(balances).length <= opening_accounts_max, {
      message: `Högst ${opening_accounts_max} konton.`,
    })
    .openapi({ example: { '1930': '850000.00', '2010': '-850000.00' } }),
  /** Where the figures come from, for the auditor: the previous system and its closing. */
  source: z
    .string()
    .trim()
    .min(3)
    .max(200)
    .openapi({ example: 'Utgående balanser 2025 enligt Visma, bokslut 2026-02-10' }),
});

/**
 * Ingående balanser: read for any year; entered by hand only for the first year a förbund keeps
 * its books here (onboarding, issue 10 point 5). Every later year's IB is written by the bokslut
 * of the year before and never by a person.
 */
export function registerOpeningRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/ledger/{year}/opening-balances',
      tags: tag,
      security: bearer,
      summary: 'Årets ingående balanser och varifrån de kommer',
      middleware: [tenantGuard, requireRole(...ledgerReaders)],
      request: { params: yearParam },
      responses: { 200: json(openingSchema, 'Ingående balanser'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      const { stores, principal } = c.var;
      const [balances, source] = await Promise.all([
        stores.openings.balances(principal, forbundId, year),
        stores.openings.source(principal, forbundId, year),
      ]);
      return c.json({ year, balances: { ...balances }, ...(source ? { source } : {}) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/forbund/{forbundId}/ledger/{year}/opening-balances',
      tags: tag,
      security: bearer,
      summary:
        'Första årets ingående balanser från förbundets tidigare bokföring (balanskonton, summa noll). En gång; därefter skrivs de av bokslutet.',
      middleware: [tenantGuard, requireRole('ekonom', 'forbund-admin')],
      request: { params: yearParam, ...jsonBody(enterSchema) },
      responses: { 201: json(openingSchema, 'Ingående balanser registrerade'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      const { balances, source } = c.req.valid('json');
      const { stores, principal, now } = c.var;
      const [{ accounts: chart }, periods, previousBooks] = await Promise.all([
        stores.charts.chart(principal, forbundId, now()),
        stores.periods.periods(principal, forbundId, year),
        stores.vouchers.page(principal, forbundId, year - 1, { limit: 1 }),
      ]);
      // The year before was kept here: its bokslut carries the balances (the year-sequence rule).
      if (previousBooks.items.length > 0)
        throw conflict(`${year - 1} bokfördes här; ingående balanser för ${year} förs över av bokslutet ${year - 1}.`);
      if (periods.yearLocked) throw conflict(`${year} är avslutat och låst.`);
      const entered = Object.fromEntries(Object.entries(balances).filter(([, amount]) => !/^-?0+\.00$/.test(amount)));
      const issues = openingBalanceIssues(chart, entered).map((issue) => ({
        ...issue,
        field: issue.field.replace(/^openingBalances/, 'balances'),
      }));
      if (issues.length > 0) throw invalid('De ingående balanserna kan inte registreras.', issues);
      await stores.openings.enter(principal, forbundId, year, entered, source, now());
      return c.json({ year, balances: entered, source }, 201);
    },
  );
}
