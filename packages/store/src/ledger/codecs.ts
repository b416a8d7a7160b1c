import { accountKinds, costAreas, voucherDraftSchema } from '@finsam/domain';
import { z } from 'zod';

/** Item codecs of the ledger (see ../codecs.ts for why every item is validated both ways). */
const keyed = { PK: z.string(), SK: z.string() };
const timestamp = z.iso.datetime({ offset: true });

export const accountSchema = z.object({
  number: z.string().regex(/^\d{4}$/),
  name: z.string(),
  kind: z.enum(accountKinds),
  memberId: z.string().optional(),
  insatsId: z.string().optional(),
  area: z.enum(costAreas).optional(),
});

export const chartItem = z.object({
  ...keyed,
  kind: z.literal('chart'),
  accounts: z.array(accountSchema),
  version: z.number().int().positive(),
  updatedAt: timestamp,
});

export const periodLockSchema = z.object({
  /** "YYYY-MM" for a month, "YYYY" for the whole year. */
  period: z.string(),
  at: timestamp,
  by: z.string(),
  reason: z.string(),
});
export type PeriodLock = z.infer<typeof periodLockSchema>;

export const periodItem = z.object({
  ...keyed,
  kind: z.literal('periods'),
  year: z.number().int(),
  yearLocked: z.boolean(),
  lockedMonths: z.array(z.string()),
  locks: z.array(periodLockSchema),
  /** 0 while only bookings have written the item (series-head.ts), one more with each lock. */
  version: z.number().int().min(0),
});

export const voucherItem = z.object({
  ...keyed,
  kind: z.literal('voucher'),
  ...voucherDraftSchema.shape,
  number: z.number().int().positive(),
  bookedBy: z.string(),
  bookedAt: timestamp,
});

export const openingItem = z.object({
  ...keyed,
  kind: z.literal('opening'),
  year: z.number().int(),
  balances: z.record(z.string(), z.string()),
  /** The closing voucher of the year before that produced these balances. */
  source: z.string(),
  createdAt: timestamp,
});
