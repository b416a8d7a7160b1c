import { invalid, voucherDraftSchema } from '@finsam/domain';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireRole, tenantGuard } from '../auth/guards.ts';
import type { AppEnv } from '../http/env.ts';
import { problemResponse } from '../http/problem.ts';
import { forbundIdParam, json, jsonBody, pageQuery, problemResponses } from '../http/schemas.ts';
import {
  accountSchema,
  chartSchema,
  ledgerReaders,
  ledgerWriters,
  periodsSchema,
  voucherParams,
  voucherSchema,
  yearParam,
} from './ledger-schemas.ts';

const tag = ['Bokföring'];
const bearer = [{ bearer: [] }];
const read = [tenantGuard, requireRole(...ledgerReaders)];
const write = [tenantGuard, requireRole(...ledgerWriters)];

export function registerVoucherRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/ledger/accounts',
      tags: tag,
      security: bearer,
      summary: 'Kontoplanen',
      middleware: read,
      request: { params: forbundIdParam },
      responses: { 200: json(chartSchema, 'Kontoplanen'), ...problemResponses },
    }),
    async (c) =>
      c.json(await c.var.stores.charts.chart(c.var.principal, c.req.valid('param').forbundId, c.var.now()), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forbund/{forbundId}/ledger/accounts',
      tags: tag,
      security: bearer,
      summary: 'Lägg till ett konto (konton tas aldrig bort när de använts)',
      middleware: write,
      request: {
        params: forbundIdParam,
        ...jsonBody(z.object({ account: accountSchema, expectedVersion: z.number().int().positive() })),
      },
      responses: { 201: json(chartSchema, 'Ny kontoplan'), ...problemResponses },
    }),
    async (c) => {
      const { account, expectedVersion } = c.req.valid('json');
      const chart = await c.var.stores.charts.addAccount(
        c.var.principal,
        c.req.valid('param').forbundId,
        account,
        expectedVersion,
        c.var.now(),
      );
      return c.json(chart, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forbund/{forbundId}/ledger/vouchers',
      tags: tag,
      security: bearer,
      summary: 'Bokför en verifikation (numreras utan luckor per serie och år)',
      middleware: write,
      request: { params: forbundIdParam, ...jsonBody(z.object(voucherDraftSchema.shape).openapi('NyVerifikation')) },
      responses: { 201: json(voucherSchema, 'Bokförd'), ...problemResponses },
    }),
    async (c) => {
      const voucher = await c.var.stores.vouchers.book(
        c.var.principal,
        c.req.valid('param').forbundId,
        c.req.valid('json'),
        c.var.now,
      );
      return c.json(voucher, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/ledger/{year}/vouchers',
      tags: tag,
      security: bearer,
      summary: 'Verifikationer för ett år, i nummerordning per serie',
      middleware: read,
      request: {
        params: yearParam,
        query: pageQuery.extend({
          series: z
            .string()
            .regex(/^[A-Z0-9]{1,10}$/)
            .optional(),
        }),
      },
      responses: {
        200: json(z.object({ items: z.array(voucherSchema), nextCursor: z.string().optional() }), 'Verifikationer'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      return c.json(await c.var.stores.vouchers.page(c.var.principal, forbundId, year, c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/ledger/{year}/vouchers/{series}/{number}',
      tags: tag,
      security: bearer,
      summary: 'En verifikation',
      middleware: read,
      request: { params: voucherParams },
      responses: { 200: json(voucherSchema, 'Verifikationen'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year, series, number } = c.req.valid('param');
      return c.json(await c.var.stores.vouchers.get(c.var.principal, forbundId, year, series, number), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forbund/{forbundId}/ledger/{year}/vouchers/{series}/{number}/reversal',
      tags: tag,
      security: bearer,
      summary: 'Rätta genom återföring: en ny verifikation med motsatta belopp, länkad till originalet',
      middleware: write,
      request: {
        params: voucherParams,
        ...jsonBody(z.object({ date: z.iso.date(), text: z.string().trim().min(1).max(200).optional() })),
      },
      responses: { 201: json(voucherSchema, 'Återföringen'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year, series, number } = c.req.valid('param');
      const reversal = await c.var.stores.vouchers.reverse(
        c.var.principal,
        forbundId,
        { year, series, number },
        c.req.valid('json'),
        c.var.now,
      );
      return c.json(reversal, 201);
    },
  );

  // A booked voucher is never changed or deleted (DOMAIN.md §4): say so instead of a bare 404.
  app.on(['PUT', 'PATCH', 'DELETE'], '/forbund/:forbundId/ledger/:year/vouchers/:series/:number', tenantGuard, (c) =>
    problemResponse(
      c,
      405,
      'En bokförd verifikation ändras eller tas aldrig bort. Rätta med en återföring eller justering.',
    ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/ledger/{year}/periods',
      tags: tag,
      security: bearer,
      summary: 'Låsta perioder för ett år',
      middleware: read,
      request: { params: yearParam },
      responses: { 200: json(periodsSchema, 'Perioderna'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      return c.json(await c.var.stores.periods.periods(c.var.principal, forbundId, year), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forbund/{forbundId}/ledger/{year}/periods/lock',
      tags: tag,
      security: bearer,
      summary: 'Lås en månad (ÅÅÅÅ-MM) eller hela året (ÅÅÅÅ); låsningen kan inte hävas',
      middleware: [tenantGuard, requireRole('ekonom')],
      request: {
        params: yearParam,
        ...jsonBody(
          z.object({
            period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'Ange ÅÅÅÅ-MM eller ÅÅÅÅ.'),
            reason: z.string().trim().min(3).max(300),
          }),
        ),
      },
      responses: { 200: json(periodsSchema, 'Perioderna efter låsningen'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      const { period, reason } = c.req.valid('json');
      if (!period.startsWith(String(year)))
        throw invalid('Perioden ligger inte i året.', [{ field: 'period', message: `Perioden ska ligga i ${year}.` }]);
      return c.json(await c.var.stores.periods.lock(c.var.principal, forbundId, period, reason, c.var.now()), 200);
    },
  );
}
