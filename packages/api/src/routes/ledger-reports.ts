import { renderPdf, renderXlsx } from '@finsam/documents';
import { closingVoucher, openingBalances, toHledgerJournal } from '@finsam/domain';
import { assertEarlierYearsClosed } from '@finsam/store';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireRole, tenantGuard } from '../auth/guards.ts';
import { attachment } from '../http/attachment.ts';
import type { AppEnv } from '../http/env.ts';
import { json, jsonBody, problemResponses } from '../http/schemas.ts';
import { reportDocument, reportTitles } from '../services/report-documents.ts';
import { computeReport, reportNames } from '../services/reports.ts';
import { sieFile } from '../services/sie-file.ts';
import { loadYear } from '../services/year-context.ts';
import { ledgerReaders, periodsSchema, yearParam } from './ledger-schemas.ts';

const tag = ['Rapporter och export'];
const bearer = [{ bearer: [] }];
const read = [tenantGuard, requireRole(...ledgerReaders)];

const documentTypes = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function registerReportRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/ledger/{year}/reports/{report}',
      tags: tag,
      security: bearer,
      summary:
        'Rapport för året: råbalans, resultaträkning, balansräkning, kassaflödesanalys, per medlem eller per insats. Belopp som strängar.',
      middleware: read,
      request: {
        params: yearParam.extend({
          report: z.enum(reportNames).openapi({ param: { name: 'report', in: 'path' } }),
        }),
      },
      responses: { 200: json(z.record(z.string(), z.unknown()).openapi('Rapport'), 'Rapporten'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year, report } = c.req.valid('param');
      const context = await loadYear(c.var.stores, c.var.principal, forbundId, year, c.var.now());
      return c.json(computeReport(report, context) as unknown as Record<string, unknown>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/ledger/{year}/reports/{report}/{format}',
      tags: tag,
      security: bearer,
      summary: 'Rapporten som PDF eller Excel, med samma belopp som JSON-rapporten',
      middleware: read,
      request: {
        params: yearParam.extend({
          report: z.enum(reportNames).openapi({ param: { name: 'report', in: 'path' } }),
          format: z.enum(['pdf', 'xlsx']).openapi({ param: { name: 'format', in: 'path' } }),
        }),
      },
      responses: {
        200: {
          description: 'Dokumentet',
          content: { 'application/octet-stream': { schema: z.any().openapi({ type: 'string', format: 'binary' }) } },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { forbundId, year, report, format } = c.req.valid('param');
      const context = await loadYear(c.var.stores, c.var.principal, forbundId, year, c.var.now());
      const document = reportDocument(report, computeReport(report, context), context, year, c.var.now());
      const bytes = format === 'pdf' ? await renderPdf(document) : await renderXlsx(document);
      const fileName = `${reportTitles[report].toLowerCase().replaceAll(' ', '-')}-${year}.${format}`;
      return attachment(c, bytes, documentTypes[format], fileName);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/ledger/{year}/sie',
      tags: tag,
      security: bearer,
      summary: 'SIE 4-fil för året (CP437, som alla svenska ekonomisystem läser)',
      middleware: read,
      request: { params: yearParam },
      responses: {
        200: {
          description: 'SIE 4',
          content: { 'application/octet-stream': { schema: z.any().openapi({ type: 'string', format: 'binary' }) } },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      const context = await loadYear(c.var.stores, c.var.principal, forbundId, year, c.var.now());
      const { bytes, fileName } = sieFile(context, year, c.var.now(), c.var.principal.subject);
      return attachment(c, bytes, 'text/plain; charset=IBM437', fileName);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/ledger/{year}/hledger',
      tags: tag,
      security: bearer,
      summary: 'Året som hledger-journal, för oberoende kontroll av varje saldo',
      middleware: read,
      request: { params: yearParam },
      responses: {
        200: { description: 'hledger-journal', content: { 'text/plain': { schema: z.string() } } },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      const context = await loadYear(c.var.stores, c.var.principal, forbundId, year, c.var.now());
      return c.text(
        toHledgerJournal(context.chart, context.vouchers, context.opening, { openingDate: `${year}-01-01` }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forbund/{forbundId}/ledger/{year}/close',
      tags: tag,
      security: bearer,
      summary:
        'Årsbokslut: bokför årets resultat till eget kapital (serie B), låser året och skriver nästa års ingående balanser. Kan köras om utan att något görs två gånger.',
      middleware: [tenantGuard, requireRole('ekonom')],
      request: { params: yearParam, ...jsonBody(z.object({ reason: z.string().trim().min(3).max(300) })) },
      responses: { 200: json(periodsSchema, 'Årets perioder efter bokslutet'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      const { stores, principal, now } = c.var;
      let context = await loadYear(stores, principal, forbundId, year, now());
      const periods = await stores.periods.periods(principal, forbundId, year);
      if (!periods.yearLocked) {
        await assertEarlierYearsClosed(stores, principal, forbundId, year);
        const closing = closingVoucher(context.chart, context.vouchers, { year, series: 'B' });
        if (closing) await stores.vouchers.book(principal, forbundId, closing, now);
        await stores.periods.lock(principal, forbundId, String(year), c.req.valid('json').reason, now());
        context = await loadYear(stores, principal, forbundId, year, now());
      }
      const next = openingBalances(context.chart, context.vouchers, context.opening);
      await stores.openings.write(principal, forbundId, year + 1, next, `bokslut ${year}`, now());
      return c.json(await stores.periods.periods(principal, forbundId, year), 200);
    },
  );
}
