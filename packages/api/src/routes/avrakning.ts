import { chainedRuns, runAvrakning } from '@finsam/cycle';
import { renderPdf } from '@finsam/documents';
import { Decimal, forbidden, memberPaymentVoucher, notFound } from '@finsam/domain';
import { storedCostLineSchema } from '@finsam/store';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireRole, tenantGuard, tenantRoles } from '../auth/guards.ts';
import { attachment } from '../http/attachment.ts';
import type { AppEnv } from '../http/env.ts';
import { json, jsonBody, memberIdParam, problemResponses } from '../http/schemas.ts';
import { chainedStatement, statementDocument } from '../services/statement-document.ts';
import { yearParam } from './ledger-schemas.ts';

const tag = ['Avräkning'];
const bearer = [{ bearer: [] }];
const monthParams = yearParam.extend({
  month: z.coerce
    .number()
    .int()
    .min(1)
    .max(12)
    .openapi({ param: { name: 'month', in: 'path' }, example: 3 }),
});

const runSchema = z
  .object({
    year: z.number().int(),
    month: z.number().int(),
    statements: z.array(z.record(z.string(), z.unknown())),
    complete: z.boolean(),
    runAt: z.string(),
    runs: z.number().int(),
  })
  .openapi('Avrakning');

const costsBody = z
  .object({
    lines: z
      .array(
        z.object({
          account: z.string().regex(/^[4-7]\d{3}$/, 'Ange ett kostnadskonto, 4000–7999.'),
          amount: z.string().regex(/^\d{1,14}\.\d{2}$/, 'Ange ett positivt belopp med två decimaler.'),
          insatsId: z
            .string()
            .regex(/^[A-Za-z0-9_-]{1,40}$/)
            .optional(),
        }),
      )
      .min(1)
      .max(200),
  })
  .openapi('Kostnadsrapport');

/** A member representative sees its own member's statements only. */
function visibleStatements<S extends { memberId: string }>(
  statements: S[],
  principal: { roles: string[]; memberId?: string },
) {
  return principal.roles.includes('member-rep')
    ? statements.filter((s) => s.memberId === principal.memberId)
    : statements;
}

export function registerAvrakningRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/avrakning/{year}',
      tags: tag,
      security: bearer,
      summary: 'Årets månatliga avräkningar med varje medlems avräkningsbesked',
      middleware: [tenantGuard, requireRole(...tenantRoles)],
      request: { params: yearParam },
      responses: { 200: json(z.object({ items: z.array(runSchema) }), 'Avräkningarna'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      await c.var.stores.forbund.get(c.var.principal, forbundId);
      const stored = await c.var.stores.avrakning.runs(c.var.principal, forbundId, year);
      const runs = await chainedRuns(c.var.stores, c.var.principal, forbundId, year, stored, c.var.now());
      return c.json(
        { items: runs.map((run) => ({ ...run, statements: visibleStatements(run.statements, c.var.principal) })) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forbund/{forbundId}/avrakning/{year}/{month}/run',
      tags: tag,
      security: bearer,
      summary: 'Kör månadens avräkning nu (schemaläggaren gör det varje dag); en låst period ger 409',
      middleware: [tenantGuard, requireRole('ekonom')],
      request: { params: monthParams },
      responses: { 200: json(runSchema, 'Avräkningen'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year, month } = c.req.valid('param');
      const run = await runAvrakning({ stores: c.var.stores, now: c.var.now }, forbundId, year, month);
      return c.json(run, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forbund/{forbundId}/avrakning/{year}/{month}/costs/{memberId}',
      tags: tag,
      security: bearer,
      summary:
        'Medlemmens faktiska kostnader för förbundets verksamhet under månaden (72-verifikationsmodellen och kvittning), i efterskott',
      middleware: [tenantGuard, requireRole('member-rep', 'ekonom')],
      request: { params: monthParams.extend({ memberId: memberIdParam }), ...jsonBody(costsBody) },
      responses: { 201: json(z.record(z.string(), z.unknown()), 'Kostnaderna'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year, month, memberId } = c.req.valid('param');
      const { principal, stores } = c.var;
      if (principal.roles.includes('member-rep') && principal.memberId !== memberId)
        throw forbidden('En medlemsrepresentant rapporterar bara sin egen medlems kostnader.');
      const charter = await stores.charters.current(principal, forbundId);
      if (!charter.members.some((member) => member.id === memberId)) throw forbidden('Okänd medlem.');
      const record = await stores.avrakning.reportCosts(
        principal,
        forbundId,
        year,
        month,
        memberId,
        c.req.valid('json').lines.map((line) => storedCostLineSchema.parse(line)),
        c.var.now(),
      );
      return c.json(record, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forbund/{forbundId}/avrakning/{year}/{month}/payments/{memberId}',
      tags: tag,
      security: bearer,
      summary:
        'Registrera en betalning mellan medlemmen och förbundet på banken (positivt belopp: medlemmen betalar; negativt: förbundet betalar)',
      middleware: [tenantGuard, requireRole('ekonom')],
      request: {
        params: monthParams.extend({ memberId: memberIdParam }),
        ...jsonBody(
          z.object({
            amount: z.string().regex(/^-?\d{1,14}\.\d{2}$/, 'Ange ett belopp med två decimaler.'),
            date: z.iso.date(),
            text: z.string().trim().min(1).max(200).optional(),
          }),
        ),
      },
      responses: { 201: json(z.record(z.string(), z.unknown()), 'Verifikationen'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year, month, memberId } = c.req.valid('param');
      const { amount, date, text } = c.req.valid('json');
      const { principal, stores } = c.var;
      const charter = await stores.charters.current(principal, forbundId);
      const member = charter.members.find((m) => m.id === memberId);
      if (!member) throw forbidden('Okänd medlem.');
      const { accounts } = await stores.charts.chart(principal, forbundId, c.var.now());
      const key = `${year}-${String(month).padStart(2, '0')}-${memberId}-betalning-${date}`;
      const voucher = memberPaymentVoucher(accounts, {
        key,
        memberId,
        date,
        amount: new Decimal(amount),
        text: text ?? `Betalning ${member.name}, avräkning ${year}-${String(month).padStart(2, '0')}`,
      });
      return c.json(await stores.vouchers.bookOnce(principal, forbundId, key, voucher.draft, c.var.now), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/avrakning/{year}/{month}/statements/{memberId}/pdf',
      tags: tag,
      security: bearer,
      summary: 'Medlemmens avräkningsbesked för månaden som PDF (en medlemsrepresentant ser bara sin egen medlem)',
      middleware: [tenantGuard, requireRole(...tenantRoles)],
      request: { params: monthParams.extend({ memberId: memberIdParam }) },
      responses: {
        200: {
          description: 'PDF',
          content: { 'application/pdf': { schema: z.any().openapi({ type: 'string', format: 'binary' }) } },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { forbundId, year, month, memberId } = c.req.valid('param');
      const { principal, stores } = c.var;
      if (principal.roles.includes('member-rep') && principal.memberId !== memberId)
        throw notFound('Beskedet finns inte.');
      const statement = await chainedStatement(stores, principal, forbundId, year, month, memberId, c.var.now());
      if (!statement) throw notFound('Beskedet finns inte.');
      const forbund = await stores.forbund.get(principal, forbundId);
      const charter = await stores.charters.current(principal, forbundId);
      const member = charter.members.find((m) => m.id === memberId);
      const period = `${year}-${String(month).padStart(2, '0')}`;
      const bytes = await renderPdf(
        statementDocument(forbund, member?.name ?? memberId, statement, period, c.var.now()),
      );
      return attachment(c, bytes, 'application/pdf', `avrakningsbesked-${period}-${memberId}.pdf`);
    },
  );
}
