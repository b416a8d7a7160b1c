import { accountKinds, costAreas, voucherDraftSchema } from '@finsam/domain';
import { z } from '@hono/zod-openapi';
import { forbundIdParam } from '../http/schemas.ts';

export const yearParam = forbundIdParam.extend({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2199)
    .openapi({ param: { name: 'year', in: 'path' }, example: 2026 }),
});

export const voucherParams = yearParam.extend({
  series: z
    .string()
    .regex(/^[A-Z0-9]{1,10}$/)
    .openapi({ param: { name: 'series', in: 'path' }, example: 'A' }),
  number: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'number', in: 'path' }, example: 1 }),
});

export const voucherSchema = voucherDraftSchema
  .extend({ number: z.number().int(), bookedBy: z.string(), bookedAt: z.string() })
  .openapi('Verifikation');

export const accountSchema = z
  .object({
    number: z.string().regex(/^[1-8]\d{3}$/, 'Ange fyra siffror, 1000–8999.'),
    name: z.string().trim().min(1).max(100),
    kind: z.enum(accountKinds),
    memberId: z.string().max(40).optional(),
    insatsId: z.string().max(40).optional(),
    area: z.enum(costAreas).optional(),
  })
  .openapi('Konto');

export const chartSchema = z
  .object({ accounts: z.array(accountSchema), version: z.number().int() })
  .openapi('Kontoplan');

export const periodsSchema = z
  .object({
    year: z.number().int(),
    yearLocked: z.boolean(),
    lockedMonths: z.array(z.string()),
    locks: z.array(z.object({ period: z.string(), at: z.string(), by: z.string(), reason: z.string() })),
    version: z.number().int(),
  })
  .openapi('Perioder');

/** Readers of the ledger: everybody in the förbund except member representatives. */
export const ledgerReaders = ['ekonom', 'forbund-admin', 'revisor', 'styrelse', 'platform-admin'] as const;
/** Who books: the förbund's ekonom and its administrator. */
export const ledgerWriters = ['ekonom', 'forbund-admin'] as const;
