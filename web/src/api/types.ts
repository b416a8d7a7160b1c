/**
 * The API's JSON shapes as the portal sees them. The portal talks to the API over HTTP only
 * (DESIGN.md), so these mirror packages/domain (charter/schema.ts, forbund.ts, roles.ts) by hand.
 * Amounts, percentages and rates are decimal strings: money never passes through a float.
 */

export const roles = [
  'platform-admin',
  'forbund-admin',
  'ekonom',
  'styrelse',
  'revisor',
  'member-rep',
  'national',
] as const;
export type Role = (typeof roles)[number];

export interface Principal {
  subject: string;
  name: string;
  email?: string;
  roles: Role[];
  forbundId?: string;
  memberId?: string;
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  principal: Principal;
}

export interface Forbund {
  id: string;
  name: string;
  organisationsnummer: string;
  lan: string;
  seat: string;
  formationDate: string;
  version: number;
  createdAt: string;
  createdBy?: string;
  updatedAt?: string;
}

export const memberTypes = ['fk', 'af', 'region', 'kommun'] as const;
export type MemberType = (typeof memberTypes)[number];

export interface Member {
  id: string;
  type: MemberType;
  name: string;
  organisationsnummer: string;
  outsideRegion?: boolean;
  population?: { count: number; referenceDate: string };
  externalReference?: string;
}

export const contributionModels = ['finsam', 'equal', 'own-amounts'] as const;
export const kommunKeyMethods = ['equal', 'population', 'explicit'] as const;
export const regionKeyMethods = ['equal', 'explicit'] as const;
export const fundingFlows = ['liquid-monthly', 'liquid-quarterly', 'liquid-at-start', 'claim-72', 'set-off'] as const;
export const resultDistributionModels = [
  'retain',
  'proportional-final-frame',
  'return-then-proportional',
  'limited-participation',
] as const;

export type ContributionModel = (typeof contributionModels)[number];
export type KommunKeyMethod = (typeof kommunKeyMethods)[number];
export type RegionKeyMethod = (typeof regionKeyMethods)[number];
export type FundingFlow = (typeof fundingFlows)[number];
export type ResultDistributionModel = (typeof resultDistributionModels)[number];

/** Member id → decimal string. */
export type PercentageMap = Record<string, string>;

export interface CharterSettings {
  contributionKey: {
    model: ContributionModel;
    kommunKey: { method: KommunKeyMethod; percentages?: PercentageMap };
    regionKey: { method: RegionKeyMethod; percentages?: PercentageMap };
    equalIncludesAf: boolean;
    ownAmounts?: Record<string, string>;
  };
  funding: {
    default: FundingFlow;
    perMember: Record<string, FundingFlow>;
    advanceInvoiceDueDay: number;
    costInvoiceDueDay: number;
    remainderMonth: number;
    framePeriodisation: 'monthly' | 'quarterly';
    settleAtYearEndOnly: string[];
  };
  resultDistribution: {
    model: ResultDistributionModel;
    returnRatePercent: string;
    returnExcludedTypes: MemberType[];
    participationPercent: string;
    participationCapPercent: string;
  };
  likvidavrakning: {
    timing: 'after-discharge' | 'at-bokslut';
    annualInterestRatePercent: string;
    interestMethod: 'average-monthly-balance' | 'daily-balance' | 'none';
    dayCount: 'actual/365' | '30/360';
  };
  board: {
    ledamoterPerMember: number;
    viceChairs: number;
    termStart: 'april-after-election' | 'january-after-election';
    termYears: number;
    quorumAllMembersPresent: boolean;
  };
  delegation: {
    callOffLimitBasbelopp: string;
    directPurchaseLimitBasbelopp: string;
    executiveAttestLimitBasbelopp: string;
  };
  deadlines: {
    samradAnswer: string;
    budgetAdoption: string;
    annualReport: string;
    interimReports: string[];
    interimReportDueDays: number;
    reminderDaysBefore: number[];
  };
  equityWarningPercent: string;
}

export interface CharterVersion {
  forbundId?: string;
  version: number;
  effectiveFrom: string;
  decisionReference?: string;
  members: Member[];
  settings: CharterSettings;
  createdAt: string;
  createdBy: string;
}

export interface CharterUpdate {
  expectedVersion: number;
  effectiveFrom: string;
  decisionReference?: string;
  members: Member[];
  settings: CharterSettings;
}

export interface ForbundCreate {
  name: string;
  organisationsnummer: string;
  lan: string;
  seat: string;
  formationDate: string;
  charter: { effectiveFrom: string; decisionReference?: string; members: Member[] };
}

export interface Contribution {
  memberId: string;
  name: string;
  type: MemberType;
  /** The member type in Swedish, as the API names it. */
  typeName?: string;
  amount: string;
  sharePercent: string;
}

export interface Contributions {
  /** The frame split; under the own-amounts model, the sum of the members' own amounts. */
  frame: string;
  /** The förbundsordning version used, by its effective date. */
  effectiveFrom?: string;
  model?: ContributionModel;
  items: Contribution[];
}

/** A page of a list; `nextCursor` is absent on the last page. */
export interface ItemList<T> {
  items: T[];
  nextCursor?: string;
}

/** One field problem in a problem+json `errors` array; `field` is a dotted path. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** RFC 9457 problem document as the API sends it. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldIssue[];
}
