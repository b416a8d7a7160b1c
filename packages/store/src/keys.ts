/**
 * The one way to build keys (DESIGN.md, data). Everything a förbund owns lives under
 * `T#<forbundId>`; a key is never built from a request body, only from an id the tenant scope
 * has checked against the caller's token.
 */
export const tableKeyNames = { partition: 'PK', sort: 'SK', gsi1Partition: 'GSI1PK', gsi1Sort: 'GSI1SK' } as const;
export const gsi1IndexName = 'GSI1';

export type TenantPartition = `T#${string}` & { readonly __tenant: unique symbol };
/** The platform's own records (its administrators and Nationella rådet), apart from every förbund. */
export type PlatformPartition = 'PLATFORM' & { readonly __platform: unique symbol };

/** Version numbers are zero-padded so sort keys order numerically. */
const pad = (value: number, width: number) => String(value).padStart(width, '0');

export const keys = {
  forbundProfile: () => 'FORBUND',
  charter: (version: number) => `CHARTER#${pad(version, 6)}`,
  charterPrefix: 'CHARTER#',
  audit: (id: string) => `AUDIT#${id}`,
  auditPrefix: 'AUDIT#',
  /** The kontoplan: one item, versioned, so adding an account is one conditional write. */
  chart: 'LEDGER#CHART',
  periods: (year: number) => `PERIOD#${year}`,
  /** Opening balances of a year, written by the year-end closing of the year before. */
  opening: (year: number) => `OPENING#${year}`,
  voucher: (year: number, series: string, number: number) => `VOUCHER#${year}#${series}#${pad(number, 7)}`,
  voucherSeriesPrefix: (year: number, series: string) => `VOUCHER#${year}#${series}#`,
  voucherYearPrefix: (year: number) => `VOUCHER#${year}#`,
  /** Marks that the voucher for an economy key is booked (VOUCHERKEY, never under VOUCHER#). */
  voucherMarker: (year: number, series: string, key: string) => `VOUCHERKEY#${year}#${series}#${key}`,
  sieImport: (id: string) => `IMPORT#${id}`,
  budget: (year: number, version: number) => `BUDGET#${year}#${pad(version, 4)}`,
  budgetPrefix: (year: number) => `BUDGET#${year}#`,
  samrad: (year: number) => `SAMRAD#${year}`,
  samradAnswer: (year: number, memberId: string) => `SAMRADSVAR#${year}#${memberId}`,
  samradAnswerPrefix: (year: number) => `SAMRADSVAR#${year}#`,
  adoption: (year: number, kind: string) => `ADOPTION#${year}#${kind}`,
  adoptionPrefix: (year: number) => `ADOPTION#${year}#`,
  cycle: (year: number) => `CYCLE#${year}`,
  annualReport: (year: number) => `ANNUALREPORT#${year}`,
  auditor: (auditorId: string) => `AUDITOR#${auditorId}`,
  auditorPrefix: 'AUDITOR#',
  auditReport: (year: number, auditorId: string) => `AUDITREPORT#${year}#${auditorId}`,
  auditReportPrefix: (year: number) => `AUDITREPORT#${year}#`,
  discharge: (year: number, memberId: string) => `DISCHARGE#${year}#${memberId}`,
  dischargePrefix: (year: number) => `DISCHARGE#${year}#`,
  avrakning: (year: number, month: number) => `AVRAKNING#${year}#${pad(month, 2)}`,
  avrakningPrefix: (year: number) => `AVRAKNING#${year}#`,
  memberCosts: (year: number, month: number, memberId: string) => `COSTS#${year}#${pad(month, 2)}#${memberId}`,
  /** The förbund's published figures for the national view; the only items read across tenants. */
  nationalAggregate: (year: number) => `NATIONAL#${year}`,
  nationalRegister: (year: number) => `NATIONAL#${year}`,
  event: (eventId: string) => `EVENT#${eventId}`,
  eventSequence: (memberId: string) => `EVENTSEQ#${memberId}`,
  /** The platform's register of förbund (GSI1) for platform-admin listings. */
  forbundRegister: 'FORBUND',
  user: (username: string) => `USER#${username.toLowerCase()}`,
  /** A record of a person invited (the login itself lives in the user directory or Cognito). */
  invitedUser: (email: string) => `USER#${email.toLowerCase()}`,
  invitedUserPrefix: 'USER#',
  /** The places of a scope's people (LimitedSlots); outside the USER# prefix. */
  invitedUserLimit: 'USERS-LIMIT',
  userSort: 'USER',
} as const;
