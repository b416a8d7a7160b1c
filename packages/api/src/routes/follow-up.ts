import { cyclePartition } from '@finsam/cycle';
import { renderPdf } from '@finsam/documents';
import {
  conflict,
  documentIds,
  interimReportDates,
  interimReportDeadline,
  invalid,
  memberEvent,
  stockholmDate,
} from '@finsam/domain';
import { tenantPartition } from '@finsam/store';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireRole, tenantGuard } from '../auth/guards.ts';
import { attachment } from '../http/attachment.ts';
import type { AppEnv } from '../http/env.ts';
import { json, jsonBody, problemResponses } from '../http/schemas.ts';
import { interimReportDocument } from '../services/report-documents.ts';
import { periodFigures } from '../services/reports.ts';
import { loadYear } from '../services/year-context.ts';
import { ledgerReaders, yearParam } from './ledger-schemas.ts';

const tag = ['Uppföljning och delårsrapport'];
const bearer = [{ bearer: [] }];
const record = z.record(z.string(), z.unknown());
const periodParams = yearParam.extend({
  periodEnd: z.iso.date().openapi({ param: { name: 'periodEnd', in: 'path' }, example: '2027-08-31' }),
});

export function registerFollowUpRoutes(
  app: OpenAPIHono<AppEnv>,
  onHumanStep: (forbundId: string, year: number) => Promise<void>,
) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/follow-up/{year}',
      tags: tag,
      security: bearer,
      summary:
        'Månadsuppföljning med helårsprognos per område (utfall hittills plus budgetens takt för resten av året)',
      middleware: [tenantGuard, requireRole(...ledgerReaders)],
      request: {
        params: yearParam,
        query: z.object({ month: z.coerce.number().int().min(1).max(12).openapi({ example: 4 }) }),
      },
      responses: { 200: json(record.openapi('Uppfoljning'), 'Uppföljningen'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      const { month } = c.req.valid('query');
      const context = await loadYear(c.var.stores, c.var.principal, forbundId, year, c.var.now());
      const through = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
      return c.json(periodFigures(context, through) as unknown as Record<string, unknown>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/interim-reports/{year}',
      tags: tag,
      security: bearer,
      summary: 'Förbundsordningens delårsrapporter för året och de som styrelsen antagit',
      middleware: [tenantGuard, requireRole(...ledgerReaders)],
      request: { params: yearParam },
      responses: {
        200: json(
          z.object({
            dates: z.array(z.string()).openapi({ description: 'Slutdagen för varje rapports period' }),
            deadlines: z.array(z.object({ periodEnd: z.string(), due: z.string() })).openapi({
              description: 'Sista dag att anta varje rapport: förbundsordningens antal dagar efter periodens slut',
            }),
            adopted: z.array(record),
            yearClosed: z.boolean().openapi({ description: 'Året är stängt: inga fler delårsrapporter antas för det' }),
          }),
          'Delårsrapporterna',
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      const charter = await c.var.stores.charters.current(c.var.principal, forbundId);
      const adopted = await c.var.stores.closing.interimReports(c.var.principal, forbundId, year);
      const dates = interimReportDates(year, charter.settings);
      const deadlines = dates.map((periodEnd) => ({
        periodEnd,
        due: interimReportDeadline(periodEnd, charter.settings),
      }));
      const { yearLocked } = await c.var.stores.periods.periods(c.var.principal, forbundId, year);
      return c.json({ dates, deadlines, adopted, yearClosed: yearLocked }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forbund/{forbundId}/interim-reports/{year}/{periodEnd}/adoption',
      tags: tag,
      security: bearer,
      summary: 'Styrelsen antar delårsrapporten per ett av förbundsordningens datum, med kommentarer',
      middleware: [tenantGuard, requireRole('styrelse', 'forbund-admin')],
      request: {
        params: periodParams,
        ...jsonBody(
          z.object({
            decisionReference: z.string().trim().min(1).max(200),
            comments: z.string().trim().max(20_000).default(''),
          }),
        ),
      },
      responses: { 201: json(record, 'Beslutet'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year, periodEnd } = c.req.valid('param');
      const { decisionReference, comments } = c.req.valid('json');
      const { stores, principal } = c.var;
      const charter = await stores.charters.current(principal, forbundId);
      if (!interimReportDates(year, charter.settings).includes(periodEnd))
        throw invalid('Förbundsordningen har ingen delårsrapport per det datumet.', [
          {
            field: 'param.periodEnd',
            message: `Välj ett av ${interimReportDates(year, charter.settings).join(', ') || 'inga datum'}.`,
          },
        ]);
      const now = c.var.now();
      if (stockholmDate(now) <= periodEnd)
        throw conflict(`Perioden slutar ${periodEnd}; rapporten kan antas efter periodens slut.`);
      // A closed year has its årsredovisning; a delårsrapport adopted after it would report on a finished year.
      if ((await stores.periods.periods(principal, forbundId, year)).yearLocked)
        throw conflict(`Året ${year} är stängt; en delårsrapport kan inte längre antas för det.`);
      const adopted = await stores.closing.adoptInterimReport(
        principal,
        forbundId,
        { year, periodEnd, decisionReference, comments, decidedAt: now.toISOString() },
        now,
      );
      await stores.outbox.emit(
        tenantPartition(principal, forbundId),
        forbundId,
        charter.members.map((member) =>
          memberEvent('interim_report.adopted', `interim_report.adopted:${year}:${periodEnd}:${member.id}`, member.id, {
            year,
            periodEnd,
            adoptedOn: stockholmDate(now),
            reference: decisionReference,
            documents: [
              { kind: 'pdf', documentId: documentIds.interim(periodEnd), fileName: `delarsrapport-${periodEnd}.pdf` },
            ],
            ...(member.externalReference ? { memberReference: member.externalReference } : {}),
          }),
        ),
        now,
      );
      await stores.cycles.ensure(cyclePartition(forbundId), forbundId, year, now);
      await stores.cycles.markDone(cyclePartition(forbundId), year, `interim.${periodEnd}`, now, decisionReference);
      await onHumanStep(forbundId, year);
      return c.json(adopted, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/interim-reports/{year}/{periodEnd}/pdf',
      tags: tag,
      security: bearer,
      summary: 'Delårsrapporten som PDF: resultat- och balansräkning för perioden, helårsprognos, kommentarer',
      middleware: [tenantGuard, requireRole(...ledgerReaders)],
      request: { params: periodParams },
      responses: {
        200: {
          description: 'PDF',
          content: { 'application/pdf': { schema: z.any().openapi({ type: 'string', format: 'binary' }) } },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { forbundId, year, periodEnd } = c.req.valid('param');
      const context = await loadYear(c.var.stores, c.var.principal, forbundId, year, c.var.now());
      const adopted = (await c.var.stores.closing.interimReports(c.var.principal, forbundId, year)).find(
        (report) => report.periodEnd === periodEnd,
      );
      const bytes = await renderPdf(
        interimReportDocument(context, periodFigures(context, periodEnd), adopted, c.var.now()),
      );
      return attachment(c, bytes, 'application/pdf', `delarsrapport-${periodEnd}.pdf`);
    },
  );
}
