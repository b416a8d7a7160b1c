import { z } from 'zod';
import { checkOrganisationsnummer, organisationsnummerMessages } from '../organisationsnummer.ts';

/** Every interpretation in DOMAIN.md is a setting here, with the Finsam default. */

/** Upper bound on members: the largest förbund have about fifteen; 60 leaves room without risk. */
export const members_max = 60;

export const memberTypes = ['fk', 'af', 'region', 'kommun'] as const;
export type MemberType = (typeof memberTypes)[number];

export const memberTypeNames: Record<MemberType, string> = {
  fk: 'Försäkringskassan',
  af: 'Arbetsförmedlingen',
  region: 'Region',
  kommun: 'Kommun',
};

export const isoDate = z.iso.date({ error: 'Ange ett datum som ÅÅÅÅ-MM-DD.' });
/** Month and day of a yearly deadline, e.g. "11-30". */
export const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Ange månad och dag som MM-DD.');
export const moneyString = z.string().regex(/^-?\d{1,14}\.\d{2}$/, 'Ange ett belopp med två decimaler, t.ex. 1000.00.');
/** A non-negative decimal with at most four places, used for rates and percentages. */
export const decimalString = z.string().regex(/^\d{1,6}(\.\d{1,4})?$/, 'Ange ett tal, t.ex. 12.5.');
export const identifier = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'Ange 1–40 tecken: bokstäver a–z, siffror, - eller _.');

export const organisationsnummer = z
  .string()
  .max(13)
  .superRefine((value, context) => {
    const problem = checkOrganisationsnummer(value);
    if (problem) context.addIssue({ code: 'custom', message: organisationsnummerMessages[problem] });
  });

export const memberSchema = z.object({
  id: identifier,
  type: z.enum(memberTypes),
  name: z.string().trim().min(1).max(200),
  organisationsnummer,
  /** A kommun outside any region (Gotland) takes the region's place (law § 3). */
  outsideRegion: z.boolean().default(false),
  /** Population for the population key, with the date the figure refers to. */
  population: z.object({ count: z.number().int().positive().max(20_000_000), referenceDate: isoDate }).optional(),
  /** The member's own reference in its finance system (customer or supplier number). */
  externalReference: z.string().trim().max(100).optional(),
});
export type Member = z.infer<typeof memberSchema>;

export const percentageMap = z.record(identifier, decimalString);

export const contributionKeySchema = z.object({
  model: z.enum(['finsam', 'equal', 'own-amounts']).default('finsam'),
  /** The kommuner split their quarter as they agree: equal, by population or explicit percentages. */
  kommunKey: z
    .object({
      method: z.enum(['equal', 'population', 'explicit']).default('equal'),
      percentages: percentageMap.optional(),
    })
    .default({ method: 'equal' }),
  /** Several regions split their quarter by an agreed key. */
  regionKey: z
    .object({ method: z.enum(['equal', 'explicit']).default('equal'), percentages: percentageMap.optional() })
    .default({ method: 'equal' }),
  /** `equal` model: whether Arbetsförmedlingen takes an equal part too (it pays 0 by default). */
  equalIncludesAf: z.boolean().default(false),
  /** `own-amounts` model: each member's own part of the frame; shares follow the amounts. */
  ownAmounts: z.record(identifier, moneyString).optional(),
});

export const fundingFlows = ['liquid-monthly', 'liquid-quarterly', 'liquid-at-start', 'claim-72', 'set-off'] as const;
export type FundingFlow = (typeof fundingFlows)[number];

export const fundingSchema = z.object({
  default: z.enum(fundingFlows).default('liquid-monthly'),
  /** Members may differ (Stenungsund: the region pays in advance while kommun and FK set off). */
  perMember: z.record(identifier, z.enum(fundingFlows)).default({}),
  /** claim-72: the förbund's 1/12 invoice is due on this day of the month. */
  advanceInvoiceDueDay: z.number().int().min(1).max(28).default(10),
  /** claim-72: the member's cost invoice is due on this day of the following month. */
  costInvoiceDueDay: z.number().int().min(1).max(28).default(20),
  /** The month (1–12) of a payment schedule that takes the öre left over by rounding. */
  remainderMonth: z.number().int().min(1).max(12).default(12),
  /** Periodisation of the frame: monthly, or quarterly as in Finspång. */
  framePeriodisation: z.enum(['monthly', 'quarterly']).default('monthly'),
  /** Members whose balance is settled at year end only (FK in several SOCSAM förbund). */
  settleAtYearEndOnly: z.array(identifier).max(members_max).default([]),
});

export const resultDistributionSchema = z.object({
  model: z
    .enum(['retain', 'proportional-final-frame', 'return-then-proportional', 'limited-participation'])
    .default('retain'),
  /** return-then-proportional: the part of each member's own result that returns to it (Laholm 50 %). */
  returnRatePercent: decimalString.default('50'),
  /** return-then-proportional: member types that take no own-result return (Laholm: FK). */
  returnExcludedTypes: z.array(z.enum(memberTypes)).max(memberTypes.length).default(['fk']),
  /** limited-participation: each member carries this part of its proportional share (Haninge 20 %)… */
  participationPercent: decimalString.default('20'),
  /** …capped at this part of its own frame (Haninge 0.5 %). */
  participationCapPercent: decimalString.default('0.5'),
});

export const likvidavrakningSchema = z.object({
  /** After the årsredovisning is approved and ansvarsfrihet granted, or already at bokslut. */
  timing: z.enum(['after-discharge', 'at-bokslut']).default('after-discharge'),
  annualInterestRatePercent: decimalString.default('2'),
  interestMethod: z.enum(['average-monthly-balance', 'daily-balance', 'none']).default('average-monthly-balance'),
  dayCount: z.enum(['actual/365', '30/360']).default('actual/365'),
  /**
   * The likvidavräkning's payment term: due this many days after it is issued, on the next bank
   * day when that is not one (an interpretation: 30 days is the usual term between kommuner).
   */
  paymentTermDays: z.number().int().min(0).max(120).default(30),
});

export const boardSchema = z.object({
  ledamoterPerMember: z.number().int().min(1).max(5).default(1),
  viceChairs: z.number().int().min(1).max(2).default(1),
  /** Term start: 1 April after the election year by law; the example charter uses 1 January. */
  termStart: z.enum(['april-after-election', 'january-after-election']).default('april-after-election'),
  termYears: z.number().int().min(1).max(4).default(4),
  quorumAllMembersPresent: z.boolean().default(true),
});

export const delegationSchema = z.object({
  callOffLimitBasbelopp: decimalString.default('10'),
  directPurchaseLimitBasbelopp: decimalString.default('2'),
  executiveAttestLimitBasbelopp: decimalString.default('3'),
});

export const deadlinesSchema = z.object({
  samradAnswer: monthDay.default('10-31'),
  /** The law says "före den 30 november"; a later date is allowed only with a reason on record. */
  budgetAdoption: monthDay.default('11-30'),
  annualReport: monthDay.default('03-31'),
  /** Delårsrapport dates (the end of each report's period); empty when the charter asks for none. */
  interimReports: z.array(monthDay).max(3).default(['08-31']),
  /**
   * How many days after its period ends the board adopts a delårsrapport: the period's books
   * must be complete first, so the deadline is never the period end itself (15 October by default).
   */
  interimReportDueDays: z.number().int().min(1).max(120).default(45),
  reminderDaysBefore: z.array(z.number().int().min(1).max(90)).max(5).default([14, 3]),
});

export const charterSettingsSchema = z.object({
  contributionKey: contributionKeySchema.default({
    model: 'finsam',
    kommunKey: { method: 'equal' },
    regionKey: { method: 'equal' },
    equalIncludesAf: false,
  }),
  funding: fundingSchema.default(() => fundingSchema.parse({})),
  resultDistribution: resultDistributionSchema.default(() => resultDistributionSchema.parse({})),
  likvidavrakning: likvidavrakningSchema.default(() => likvidavrakningSchema.parse({})),
  board: boardSchema.default(() => boardSchema.parse({})),
  delegation: delegationSchema.default(() => delegationSchema.parse({})),
  deadlines: deadlinesSchema.default(() => deadlinesSchema.parse({})),
  /** Eget kapital above this share of the year's revenue is highlighted (003 L52–54). */
  equityWarningPercent: decimalString.default('10'),
});
export type CharterSettings = z.infer<typeof charterSettingsSchema>;
