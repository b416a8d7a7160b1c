import {
  type Balances,
  conflict,
  importSie4,
  invalid,
  moneyString,
  opening_balance_accounts_max,
  openingBalanceIssues,
  sieOpeningBalances,
} from '@finsam/domain';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { requireRole, tenantGuard } from '../auth/guards.ts';
import type { AppEnv } from '../http/env.ts';
import { json, jsonBody, problemResponses } from '../http/schemas.ts';
import { ledgerReaders, yearParam } from './ledger-schemas.ts';

const tag = ['Bokföring'];
const bearer = [{ bearer: [] }];

/** The same bound as the SIE voucher import: base64 in the JSON body stays under the 256 KB request limit. */
const sie_base64_length_max = 250_000;

/** Who enters a first year's ingående balanser, by hand or from a file. */
const openingEnterers = ['ekonom', 'forbund-admin'] as const;

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
    .refine((balances) => Object.keys(balances).length <= opening_balance_accounts_max, {
      message: `Högst ${opening_balance_accounts_max} konton.`,
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

const sieEnterSchema = z.object({
  contentBase64: z
    .string()
    .min(1)
    .max(sie_base64_length_max)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Ange filen som base64.')
    .openapi({ description: 'SIE 4-filen (#FORMAT PC8, teckentabell CP437) som base64.' }),
  confirmOrganisationsnummerMismatch: z.boolean().optional().openapi({
    description:
      'Sätts av den som har kontrollerat att filen är förbundets fast dess #ORGNR inte är förbundets organisationsnummer. Avvikelsen och vem som bekräftade den skrivs i källan och behandlingshistoriken.',
  }),
});

/** Where an issue about the balances points in the request. */
interface BalanceFields {
  /** The field an issue about one account names. */
  account: (number: string) => string;
  /** The field an issue about all the balances together (their sum) names. */
  all: string;
}

const zero_amount = /^-?0+\.00$/;

/**
 * The one way a person enters a first year's ingående balanser, whether typed or read from a SIE
 * file: once, only when the year before was not kept here (its bokslut carries the balances, the
 * year-sequence rule) and the year is open, and only balance accounts of the kontoplan summing to
 * zero. Every check is made before the one write, so a refusal leaves nothing of the entry behind
 * (reading the kontoplan writes it the first time, as any first use of the ledger does).
 */
async function enterFirstOpening(
  { stores, principal, now }: AppEnv['Variables'],
  forbundId: string,
  year: number,
  balances: Balances,
  source: string,
  fields: BalanceFields,
): Promise<Balances> {
  const [{ accounts: chart }, periods, previousBooks, existing] = await Promise.all([
    stores.charts.chart(principal, forbundId, now()),
    stores.periods.periods(principal, forbundId, year),
    stores.vouchers.page(principal, forbundId, year - 1, { limit: 1 }),
    stores.openings.source(principal, forbundId, year),
  ]);
  if (previousBooks.items.length > 0)
    throw conflict(`${year - 1} bokfördes här; ingående balanser för ${year} förs över av bokslutet ${year - 1}.`);
  if (periods.yearLocked) throw conflict(`${year} är avslutat och låst.`);
  if (existing !== undefined)
    throw conflict(
      `Ingående balanser för ${year} finns redan (${sourceText(existing)}); rätta dem med en verifikation i året.`,
    );
  const entered = Object.fromEntries(Object.entries(balances).filter(([, amount]) => !zero_amount.test(amount)));
  const prefix = 'openingBalances.';
  const issues = openingBalanceIssues(chart, entered).map((issue) => ({
    ...issue,
    field: issue.field.startsWith(prefix) ? fields.account(issue.field.slice(prefix.length)) : fields.all,
  }));
  if (issues.length > 0) throw invalid('De ingående balanserna kan inte registreras.', issues);
  await stores.openings.enter(principal, forbundId, year, entered, source, now());
  return entered;
}

/**
 * Ingående balanser: read for any year; entered by hand or from the previous system's SIE file
 * only for the first year a förbund keeps its books here (onboarding, issue 10 point 5). Every
 * later year's IB is written by the bokslut of the year before and never by a person.
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
      middleware: [tenantGuard, requireRole(...openingEnterers)],
      request: { params: yearParam, ...jsonBody(enterSchema) },
      responses: { 201: json(openingSchema, 'Ingående balanser registrerade'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      const { balances, source } = c.req.valid('json');
      const entered = await enterFirstOpening(c.var, forbundId, year, balances, source, {
        account: (number) => `balances.${number}`,
        all: 'balances',
      });
      return c.json({ year, balances: entered, source }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/forbund/{forbundId}/ledger/{year}/opening-balances/sie',
      tags: tag,
      security: bearer,
      summary:
        'Första årets ingående balanser ur en SIE 4-fil från förbundets tidigare system: #IB 0 för räkenskapsåret som börjar 1 januari, med förbundets #ORGNR. Samma regler som när de förs in för hand; fel anges med radnummer och inget sparas.',
      middleware: [tenantGuard, requireRole(...openingEnterers)],
      request: { params: yearParam, ...jsonBody(sieEnterSchema) },
      responses: { 201: json(openingSchema, 'Ingående balanser registrerade'), ...problemResponses },
    }),
    async (c) => {
      const { forbundId, year } = c.req.valid('param');
      const { contentBase64, confirmOrganisationsnummerMismatch } = c.req.valid('json');
      const { stores, principal } = c.var;
      const bytes = new Uint8Array(Buffer.from(contentBase64, 'base64'));
      if (bytes.length === 0) throw invalid('Filen är tom.', [{ field: 'contentBase64', message: 'Filen är tom.' }]);
      const document = importSie4(bytes);
      const forbund = await stores.forbund.get(principal, forbundId);
      const { balances, source } = sieOpeningBalances(document, {
        year,
        organisationsnummer: forbund.organisationsnummer,
        mismatchConfirmedBy: confirmOrganisationsnummerMismatch === true ? principal.name : undefined,
      });
      const lines = document.lines.openingBalances;
      const entered = await enterFirstOpening(c.var, forbundId, year, balances, source, {
        account: (number) => (lines[number] === undefined ? 'file' : `line ${lines[number]}`),
        all: 'file',
      });
      return c.json({ year, balances: entered, source }, 201);
    },
  );
}

/** Where balances came from, as a person reads it: a bokslut's own source is a code. */
function sourceText(source: string): string {
  const bokslut = /^bokslut (\d{4})$/.exec(source);
  return bokslut ? `förda över från bokslutet ${bokslut[1]}` : source;
}
