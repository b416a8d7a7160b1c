import { dischargeBlockers } from '@finsam/cycle';
import { renderPdf } from '@finsam/documents';
import {
  annualReportAdoptionSchema,
  auditorSchema,
  auditReportSchema,
  dischargeDecisionSchema,
  dischargeResolutionSchema,
  invalid,
  likvidavrakningMembers,
  notFound,
  settlementTiming,
} from '@finsam/domain';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireRole, tenantGuard, tenantRoles } from '../auth/guards.ts';
import { attachment } from '../http/attachment.ts';
import type { AppEnv } from '../http/env.ts';
import { forbundIdParam, json, jsonBody, memberIdParam, problemResponses } from '../http/schemas.ts';
import { adoptAnnualReport, decideDischarge, resolveDischarge, submitAuditReport } from '../services/closing.ts';
import { likvidDocument, likvidStatement } from '../services/likvid-document.ts';
import { annualReportDocument } from '../services/report-documents.ts';
import { computeReport } from '../services/reports.ts';
import { loadYear } from '../services/year-context.ts';
import { yearParam } from './ledger-schemas.ts';

const tag = ['Bokslut, revision och ansvarsfrihet'];
const bearer = [{ bearer: [] }];
const record = z.record(z.string(), z.unknown());

const closingYearSchema = z
  .object({
    year: z.number().int(),
    annualReport: record.nullable(),
    auditors: z.array(record),
    auditReports: z.array(record),
    discharges: z.array(record),
    dischargeResolutions: z.array(record),
    /** The likvid-waits rule: members whose ansvarsfrihet still holds the likvidavräkning. */
    likvidWaitingFor: z.array(
      z.object({ memberId: z.string(), name: z.string(), reason: z.enum(['undecided', 'refused']) }),
    ),
    likvidavrakning: z.array(record),
  })
  .openapi('Bokslutsaret');

export function registerClosingRoutes(
  app: OpenAPIHono<AppEnv>,
  onHumanStep: (forbundId: string, year: number) => Promise<void>,
) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/closing/{year}',
      tags: tag,
      security: bearer,
      summary:
        'Årets bokslut: årsredovisningen, revisorerna och deras berättelser, medlemmarnas beslut, likvidavräkningen',
      middleware: [tenantGuard, requireRole(...tenantRoles)],
      request: { params: yearParam },
      responses: { 200: json(closingYearSchema, 'Bokslutsåret'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      const { stores, principal } = c.var;
      await stores.forbund.get(principal, forbundId);
      const [annualReport, auditors, reports, discharges, resolutions, atBokslut, afterDischarge, charter] =
        await Promise.all([
          stores.closing.annualReport(principal, forbundId, year),
          stores.closing.auditors(principal, forbundId),
          stores.closing.auditReports(principal, forbundId, year),
          stores.closing.discharges(principal, forbundId, year),
          stores.closing.dischargeResolutions(principal, forbundId, year),
          stores.avrakning.likvid(principal, forbundId, year, 'at-bokslut'),
          stores.avrakning.likvid(principal, forbundId, year, 'after-discharge'),
          stores.charters.current(principal, forbundId),
        ]);
      const nameOf = (memberId: string) => charter.members.find((m) => m.id === memberId)?.name ?? memberId;
      // Only a year with a likvidavräkning after ansvarsfrihet to come has anything to wait for.
      const settlesAfterDischarge = likvidavrakningMembers(charter.members, charter.settings.funding).some(
        (member) => settlementTiming(member.id, charter.settings) === 'after-discharge',
      );
      const waiting = afterDischarge || !settlesAfterDischarge ? [] : await dischargeBlockers(stores, forbundId, year);
      const ownOnly = principal.roles.includes('member-rep');
      // A member representative sees its own member's settlement, not the others'.
      const likvid = [atBokslut, afterDischarge]
        .filter((entry) => entry !== undefined)
        .map((entry) => ({
          ...entry,
          statements: ownOnly ? entry.statements.filter((s) => s.memberId === principal.memberId) : entry.statements,
        }));
      return c.json(
        {
          year,
          annualReport: annualReport ?? null,
          auditors,
          auditReports: reports.map(({ file, ...report }) => ({ ...report, fileName: file?.fileName ?? null })),
          discharges,
          dischargeResolutions: resolutions,
          likvidWaitingFor: waiting.map((blocker) => ({ ...blocker, name: nameOf(blocker.memberId) })),
          likvidavrakning: likvid,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forbund/{forbundId}/closing/{year}/annual-report',
      tags: tag,
      security: bearer,
      summary:
        'Styrelsen antar och undertecknar årsredovisningen (efter bokslutet; senast 31 mars registreras som i tid)',
      middleware: [tenantGuard, requireRole('styrelse', 'forbund-admin')],
      request: {
        params: yearParam,
        ...jsonBody(z.object(annualReportAdoptionSchema.shape).openapi('Arsredovisningsbeslut')),
      },
      responses: { 201: json(record, 'Beslutet'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      const adoption = annualReportAdoptionSchema.parse(c.req.valid('json'));
      const result = await adoptAnnualReport(c.var.stores, c.var.principal, forbundId, year, adoption, c.var.now());
      await onHumanStep(forbundId, year);
      return c.json(result, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/auditors',
      tags: tag,
      security: bearer,
      summary: 'Förbundets revisorer: en per medlem (FK och AF gemensamt), var och en med personlig ersättare',
      middleware: [tenantGuard, requireRole(...tenantRoles)],
      request: { params: forbundIdParam },
      responses: { 200: json(z.object({ items: z.array(record) }), 'Revisorerna'), ...problemResponses },
    }),
    async (c) =>
      c.json({ items: await c.var.stores.closing.auditors(c.var.principal, c.req.valid('param').forbundId) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forbund/{forbundId}/auditors',
      tags: tag,
      security: bearer,
      summary: 'Registrera en revisor (id = revisorns användarnamn) och vilka medlemmar som utsett den',
      middleware: [tenantGuard, requireRole('forbund-admin')],
      request: { params: forbundIdParam, ...jsonBody(z.object(auditorSchema.shape).openapi('Revisor')) },
      responses: { 201: json(record, 'Revisorn'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId } = c.req.valid('param');
      const auditor = c.req.valid('json');
      const charter = await c.var.stores.charters.current(c.var.principal, forbundId);
      const unknown = auditor.appointedBy.filter((id) => !charter.members.some((member) => member.id === id));
      if (unknown.length > 0)
        throw invalid('Revisorn är utsedd av okända medlemmar.', [
          { field: 'appointedBy', message: `Okända medlemmar: ${unknown.join(', ')}.` },
        ]);
      return c.json(await c.var.stores.closing.addAuditor(c.var.principal, forbundId, auditor, c.var.now()), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forbund/{forbundId}/closing/{year}/audit-reports',
      tags: tag,
      security: bearer,
      summary: 'Revisorn lämnar sin revisionsberättelse med rekommendation om ansvarsfrihet',
      middleware: [tenantGuard, requireRole('revisor')],
      request: { params: yearParam, ...jsonBody(z.object(auditReportSchema.shape).openapi('Revisionsberattelse')) },
      responses: { 201: json(record, 'Berättelsen'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      const result = await submitAuditReport(
        c.var.stores,
        c.var.principal,
        forbundId,
        year,
        c.req.valid('json'),
        c.var.now(),
      );
      await onHumanStep(forbundId, year);
      const { file, ...rest } = result;
      return c.json({ ...rest, fileName: file?.fileName ?? null }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forbund/{forbundId}/closing/{year}/discharge/{memberId}',
      tags: tag,
      security: bearer,
      summary: 'Medlemmens beslut om ansvarsfrihet (bara medlemmens egen representant, efter revisionen)',
      middleware: [tenantGuard, requireRole('member-rep')],
      request: {
        params: yearParam.extend({ memberId: memberIdParam }),
        ...jsonBody(z.object(dischargeDecisionSchema.shape).openapi('Ansvarsfrihetsbeslut')),
      },
      responses: { 201: json(record, 'Beslutet'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year, memberId } = c.req.valid('param');
      const decision = dischargeDecisionSchema.parse(c.req.valid('json'));
      const result = await decideDischarge(
        c.var.stores,
        c.var.principal,
        forbundId,
        year,
        memberId,
        decision,
        c.var.now(),
      );
      await onHumanStep(forbundId, year);
      return c.json(result, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forbund/{forbundId}/closing/{year}/discharge-resolutions',
      tags: tag,
      security: bearer,
      summary:
        'Styrelsen registrerar hur en medlems vägran av ansvarsfrihet har lösts; därefter kan likvidavräkningen göras',
      middleware: [tenantGuard, requireRole('styrelse', 'ekonom', 'forbund-admin')],
      request: {
        params: yearParam,
        ...jsonBody(z.object(dischargeResolutionSchema.shape).openapi('LosningAvVagradAnsvarsfrihet')),
      },
      responses: { 201: json(record, 'Lösningen'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      const resolution = dischargeResolutionSchema.parse(c.req.valid('json'));
      const result = await resolveDischarge(c.var.stores, c.var.principal, forbundId, year, resolution, c.var.now());
      await onHumanStep(forbundId, year);
      return c.json(result, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/closing/{year}/likvidavrakning/{memberId}/pdf',
      tags: tag,
      security: bearer,
      summary:
        'Medlemmens likvidavräkning för året som PDF: saldon, ränta, belopp att betala eller få och förfallodag (en medlemsrepresentant ser bara sin egen)',
      middleware: [tenantGuard, requireRole(...tenantRoles)],
      request: { params: yearParam.extend({ memberId: memberIdParam }) },
      responses: {
        200: {
          description: 'PDF',
          content: { 'application/pdf': { schema: z.any().openapi({ type: 'string', format: 'binary' }) } },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { forbundId, year, memberId } = c.req.valid('param');
      const { stores, principal } = c.var;
      if (principal.roles.includes('member-rep') && principal.memberId !== memberId)
        throw notFound('Likvidavräkningen finns inte.');
      const statement = await likvidStatement(stores, principal, forbundId, year, memberId);
      const forbund = await stores.forbund.get(principal, forbundId);
      const charter = await stores.charters.current(principal, forbundId);
      const member = charter.members.find((m) => m.id === memberId) ?? { name: memberId };
      const bytes = await renderPdf(likvidDocument(forbund, member, statement, c.var.now()));
      return attachment(c, bytes, 'application/pdf', `likvidavrakning-${year}-${memberId}.pdf`);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/closing/{year}/annual-report/pdf',
      tags: tag,
      security: bearer,
      summary: 'Årsredovisningen som PDF: förvaltningsberättelse, RR, BR, kassaflödesanalys, per medlem, underskrifter',
      middleware: [tenantGuard, requireRole(...tenantRoles)],
      request: { params: yearParam },
      responses: {
        200: {
          description: 'PDF',
          content: { 'application/pdf': { schema: z.any().openapi({ type: 'string', format: 'binary' }) } },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      const context = await loadYear(c.var.stores, c.var.principal, forbundId, year, c.var.now());
      const adoption = await c.var.stores.closing.annualReport(c.var.principal, forbundId, year);
      const reports = {
        resultatrakning: computeReport('resultatrakning', context),
        balansrakning: computeReport('balansrakning', context),
        kassaflode: computeReport('kassaflode', context),
        members: computeReport('members', context),
      };
      const bytes = await renderPdf(annualReportDocument(context, reports, adoption, year, c.var.now()));
      return attachment(c, bytes, 'application/pdf', `arsredovisning-${year}.pdf`);
    },
  );
}
