import { invalid, voucherDraftSchema } from '@finsam/domain';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireRole, tenantGuard } from '../auth/guards.ts';
import type { AppEnv } from '../http/env.ts';
import { forbundIdParam, json, jsonBody, problemResponses } from '../http/schemas.ts';
import { bookStagedImport, stageSieImport } from '../services/sie-import.ts';
import { ledgerReaders, ledgerWriters } from './ledger-schemas.ts';

/** A SIE file as base64 inside the JSON body stays under the request limit (256 KB) at ~190 KB. */
const sie_base64_length_max = 250_000;

const importSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    status: z.enum(['staged', 'booked']),
    drafts: z.array(z.object(voucherDraftSchema.shape)),
    bookedCount: z.number().int(),
    bookedNumbers: z.array(z.string()),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .openapi('SieImport');

const importParams = forbundIdParam.extend({
  importId: z
    .string()
    .regex(/^[0-9A-Z]{26}$/)
    .openapi({ param: { name: 'importId', in: 'path' } }),
});

/** Importing may also be done by the platform administrator: moving a new förbund's history in. */
const importers = [...ledgerWriters, 'platform-admin' as const];
const tag = ['Bokföring'];
const bearer = [{ bearer: [] }];

export function registerImportRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/forbund/{forbundId}/ledger/imports',
      tags: tag,
      security: bearer,
      summary:
        'Läs in en SIE 4-fil (t.ex. en medlems kostnadsrapport) till ett mellanlager. Varje verifikation kontrolleras med samma regler som när den bokförs direkt, objekt (dimension 6 insats, 20 medlem) ska finnas hos förbundet och #ORGNR ska vara förbundets; allt kontrolleras innan något sparas. Fel anges med radnummer.',
      middleware: [tenantGuard, requireRole(...importers)],
      request: {
        params: forbundIdParam,
        ...jsonBody(
          z.object({
            fileName: z.string().trim().min(1).max(100),
            contentBase64: z
              .string()
              .min(1)
              .max(sie_base64_length_max)
              .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Ange filen som base64.')
              .openapi({ description: 'SIE 4-filen (#FORMAT PC8, teckentabell CP437) som base64.' }),
            confirmOrganisationsnummerMismatch: z.boolean().optional().openapi({
              description:
                'Sätts av den som har kontrollerat att filen är förbundets fast dess #ORGNR saknas eller inte är förbundets organisationsnummer. Utan den avvisas en sådan fil; med den skrivs avvikelsen och vem som bekräftade den i behandlingshistoriken.',
            }),
          }),
        ),
      },
      responses: { 201: json(importSchema, 'Importen ligger i mellanlagret'), ...problemResponses },
    }),
    async (c) => {
      const { fileName, contentBase64, confirmOrganisationsnummerMismatch } = c.req.valid('json');
      const bytes = new Uint8Array(Buffer.from(contentBase64, 'base64'));
      if (bytes.length === 0) throw invalid('Filen är tom.', [{ field: 'contentBase64', message: 'Filen är tom.' }]);
      const staged = await stageSieImport(
        c.var.stores,
        c.var.principal,
        c.req.valid('param').forbundId,
        { fileName, bytes, confirmOrganisationsnummerMismatch: confirmOrganisationsnummerMismatch === true },
        c.var.now,
      );
      return c.json(staged, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/ledger/imports/{importId}',
      tags: tag,
      security: bearer,
      summary: 'En import i mellanlagret',
      middleware: [tenantGuard, requireRole(...ledgerReaders)],
      request: { params: importParams },
      responses: { 200: json(importSchema, 'Importen'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, importId } = c.req.valid('param');
      return c.json(await c.var.stores.imports.get(c.var.principal, forbundId, importId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forbund/{forbundId}/ledger/imports/{importId}/book',
      tags: tag,
      security: bearer,
      summary: 'Bokför en import; kan köras om efter ett avbrott utan att något bokförs två gånger',
      middleware: [tenantGuard, requireRole(...importers)],
      request: { params: importParams },
      responses: { 200: json(importSchema, 'Importen är bokförd'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, importId } = c.req.valid('param');
      return c.json(await bookStagedImport(c.var.stores, c.var.principal, forbundId, importId, c.var.now), 200);
    },
  );
}
