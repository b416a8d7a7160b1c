import { renderCsv } from '@finsam/documents';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/guards.ts';
import { attachment } from '../http/attachment.ts';
import type { AppEnv } from '../http/env.ts';
import { json, problemResponses } from '../http/schemas.ts';

const yearOnly = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2199)
    .openapi({ param: { name: 'year', in: 'path' }, example: 2027 }),
});

/**
 * Nationella rådet's view: every förbund's published aggregates for a year, and nothing else.
 * These are the only routes that read across tenants, and they read only the aggregate items.
 */
export function registerNationalRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/national/{year}',
      tags: ['Nationella rådet'],
      security: [{ bearer: [] }],
      summary:
        'Alla förbunds publicerade nyckeltal för året: ramar per medlemstyp, kostnader per område, eget kapital, tidsgränser',
      middleware: [requireRole('national', 'platform-admin')],
      request: { params: yearOnly },
      responses: {
        200: json(
          z.object({ year: z.number().int(), items: z.array(z.record(z.string(), z.unknown())) }),
          'Nyckeltalen',
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { year } = c.req.valid('param');
      return c.json({ year, items: await c.var.stores.national.forYear(year) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/national/{year}/csv',
      tags: ['Nationella rådet'],
      security: [{ bearer: [] }],
      summary: 'Nyckeltalen som CSV (semikolon, decimalkomma, UTF-8 med BOM, som svensk Excel läser)',
      middleware: [requireRole('national', 'platform-admin')],
      request: { params: yearOnly },
      responses: {
        200: {
          description: 'CSV',
          content: { 'text/csv': { schema: z.any().openapi({ type: 'string', format: 'binary' }) } },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { year } = c.req.valid('param');
      const items = await c.var.stores.national.forYear(year);
      const bytes = renderCsv({
        heading: `Samordningsförbund ${year}`,
        columns: [
          { key: 'name', label: 'Förbund', kind: 'text' },
          { key: 'lan', label: 'Län', kind: 'text' },
          { key: 'members', label: 'Medlemmar', kind: 'text' },
          { key: 'fk', label: 'Ram FK, kr', kind: 'money' },
          { key: 'region', label: 'Ram regioner, kr', kind: 'money' },
          { key: 'kommun', label: 'Ram kommuner, kr', kind: 'money' },
          { key: 'budget', label: 'Budget i tid', kind: 'text' },
          { key: 'annualReport', label: 'Årsredovisning i tid', kind: 'text' },
          { key: 'egetKapital', label: 'Eget kapital, kr', kind: 'money' },
          { key: 'ekPercent', label: 'Eget kapital av intäkter', kind: 'percent' },
          { key: 'discharge', label: 'Ansvarsfrihet beviljad/vägrad/väntar', kind: 'text' },
        ],
        rows: items.map((item) => ({
          name: item.name,
          lan: item.lan,
          members: String(item.memberCount),
          fk: item.frameByMemberType.fk ?? '',
          region: item.frameByMemberType.region ?? '',
          kommun: item.frameByMemberType.kommun ?? '',
          budget: item.budget ? (item.budget.onTime ? 'ja' : 'nej') : '',
          annualReport: item.annualReport ? (item.annualReport.onTime ? 'ja' : 'nej') : '',
          egetKapital: item.egetKapital ?? '',
          ekPercent: item.egetKapitalPercentOfRevenue ?? '',
          discharge: item.discharge
            ? `${item.discharge.granted}/${item.discharge.refused}/${item.discharge.pending}`
            : '',
        })),
      });
      return attachment(c, bytes, 'text/csv; charset=utf-8', `samordningsforbund-${year}.csv`);
    },
  );
}
