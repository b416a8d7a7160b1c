import type { FieldIssue, MemberType } from './types.ts';

/**
 * The annual cycle's JSON shapes as the portal sees them: budget year, timeline, avräkning,
 * closing and the national aggregates. They mirror packages/api (routes/budget.ts, cycle.ts,
 * avrakning.ts, closing.ts) and packages/domain by hand, as the portal talks to the API over
 * HTTP only. Amounts are decimal strings with two places.
 */

export interface BudgetAreas {
  styrelse: string;
  administration: string;
  revision: string;
}

export interface BudgetInsats {
  id: string;
  name: string;
  amount: string;
  ownerMemberId?: string;
}

/** What a new budget version holds (PUT body without expectedVersion). */
export interface BudgetDraft {
  frame: string;
  plannedEquityUse: string;
  areas: BudgetAreas;
  insatser: BudgetInsats[];
  plan: string;
}

export interface BudgetVersion extends BudgetDraft {
  year: number;
  version: number;
  createdAt: string;
  createdBy: string;
}

export type SamradAnswerKind = 'agree' | 'comments';

export interface SamradAnswer {
  memberId: string;
  answer: SamradAnswerKind;
  comments: string;
  budgetVersion: number;
  answeredAt: string;
  answeredBy: string;
  late: boolean;
}

export interface SamradRound {
  budgetVersion: number;
  /** YYYY-MM-DD, Stockholm. */
  deadline: string;
  openedAt: string;
  openedBy: string;
}

export type AdoptionKind = 'final' | 'preliminary';

export interface BudgetAdoption {
  adoptionKind: AdoptionKind;
  budgetVersion: number;
  decisionReference: string;
  decidedAt: string;
  recordedAt: string;
  recordedBy: string;
  deadline: string;
  onTime: boolean;
}

export interface BudgetContribution {
  memberId: string;
  name: string;
  type: MemberType;
  amount: string;
}

export interface BudgetYear {
  year: number;
  current: BudgetVersion | null;
  versions: { version: number; createdAt: string; createdBy: string }[];
  /** What stops the current version from being adopted (it must balance). */
  balanceIssues: FieldIssue[];
  contributions: BudgetContribution[];
  /** A member representative gets its own answer only. */
  samrad: (SamradRound & { answers: SamradAnswer[] }) | null;
  adoptions: BudgetAdoption[];
}

export type DeadlineStatus = 'done' | 'overdue' | 'upcoming';

export interface CycleTimeline {
  year: number;
  /** The runtime's today in Stockholm (the virtual clock locally). */
  today: string;
  /** Steps done, by name (e.g. "budget.published", "avrakning.01"), with when. */
  steps: Record<string, { at: string; detail?: string }>;
  deadlines: { kind: string; date: string; status: DeadlineStatus; label: string }[];
  /** What the signed-in user should do now. */
  tasks: { text: string; due?: string; overdue: boolean }[];
}

export interface StatementLine {
  text: string;
  /** Positive: the member owes the förbund; negative: the förbund owes the member. */
  amount: string;
  dueDate?: string;
}

export interface AvrakningStatement {
  key: string;
  memberId: string;
  flow: string;
  year: number;
  month: number;
  lines: StatementLine[];
  net: string;
  settlement: 'cash' | 'carried';
  amountToPay: string;
  amountToReceive: string;
  carried: string;
  paymentDueDate?: string;
  complete: boolean;
  /** The member's balance in the förbund's books at the start and end of the month. */
  balanceBefore: string;
  balanceAfter: string;
  /** Payments and other movements on the member's accounts in the month besides the avräkning. */
  otherMovements: { date: string; text: string; amount: string }[];
}

export interface AvrakningRun {
  year: number;
  month: number;
  statements: AvrakningStatement[];
  complete: boolean;
  runAt: string;
  runs: number;
}

export interface AnnualReport {
  year: number;
  decisionReference: string;
  decidedAt: string;
  signedBy: string[];
  forvaltningsberattelse: string;
  deadline: string;
  onTime: boolean;
  recordedAt: string;
  recordedBy: string;
}

export interface Auditor {
  /** The auditor's user name: a signed-in revisor reports as exactly this auditor. */
  id: string;
  name: string;
  appointedBy: string[];
  substitute: { name: string };
}

export type Recommendation = 'grant' | 'refuse';

export interface AuditReport {
  year: number;
  auditorId: string;
  recommendation: Recommendation;
  statement: string;
  submittedAt: string;
  submittedBy: string;
  fileName: string | null;
}

export type DischargeKind = 'granted' | 'refused';

export interface Discharge {
  year: number;
  memberId: string;
  decision: DischargeKind;
  decidedOn: string;
  decisionReference: string;
  comment: string;
  recordedAt: string;
  recordedBy: string;
}

export type LikvidTiming = 'at-bokslut' | 'after-discharge';

/** One member's likvidavräkning (packages/domain likvidavrakning.ts LikvidavrakningStatement). */
export interface LikvidStatement {
  key: string;
  memberId: string;
  year: number;
  settlementDate: string;
  /** The day the amount is to be paid, by the member or (when negative) by the förbund. */
  dueDate: string;
  openingBalance: string;
  /** The balance at year end before interest. */
  closingBalance: string;
  interest: string;
  /** closingBalance + interest: positive, the member pays; negative, it receives. */
  amount: string;
  amountToPay: string;
  amountToReceive: string;
}

/** Why a member's ansvarsfrihet still holds the likvidavräkning (packages/cycle human-steps.ts). */
export type LikvidWaitingReason = 'undecided' | 'refused';

export interface LikvidWaiting {
  memberId: string;
  name: string;
  reason: LikvidWaitingReason;
}

/** How the board recorded that a member's refusal of ansvarsfrihet was resolved. */
export interface DischargeResolution {
  year: number;
  memberId: string;
  decisionReference: string;
  decidedOn: string;
  text: string;
  recordedAt: string;
  recordedBy: string;
}

export interface ClosingYear {
  year: number;
  annualReport: AnnualReport | null;
  auditors: Auditor[];
  auditReports: AuditReport[];
  discharges: Discharge[];
  dischargeResolutions: DischargeResolution[];
  /** Empty once the likvidavräkning after ansvarsfrihet is made, or when nothing holds it. */
  likvidWaitingFor: LikvidWaiting[];
  /** At bokslut and/or after ansvarsfrihet, per the förbundsordning; a member sees its own statement. */
  likvidavrakning: {
    timing: LikvidTiming;
    settlementDate: string;
    statements: LikvidStatement[];
  }[];
}

/** One förbund's published figures for a year: aggregates only (packages/store national-repository.ts). */
export interface NationalAggregate {
  forbundId: string;
  name: string;
  lan: string;
  year: number;
  memberCount: number;
  kommunCount: number;
  /** Member type → the year's frame part, summed. Empty until the budget is adopted. */
  frameByMemberType: Partial<Record<MemberType, string>>;
  budgetByArea: Record<string, string>;
  budget?: { adopted: boolean; onTime: boolean; preliminaryOnly: boolean; decidedAt?: string };
  /** Area → the year's costs, after the bokslut. */
  spendingByArea?: Record<string, string>;
  result?: string;
  revenue?: string;
  egetKapital?: string;
  egetKapitalPercentOfRevenue?: string;
  egetKapitalAboveWarning?: boolean;
  annualReport?: { adopted: boolean; onTime: boolean };
  discharge?: { granted: number; refused: number; pending: number };
  deadlinesMissed: string[];
  updatedAt: string;
}

export interface NationalYear {
  year: number;
  items: NationalAggregate[];
}

/** The board's delårsrapporter of a year: the förbundsordning's dates and those adopted. */
export interface InterimReportAdoption {
  periodEnd: string;
  decisionReference: string;
  comments: string;
  decidedAt: string;
}

export interface InterimReports {
  /** The end of each report's period. */
  dates: string[];
  /** The last day to adopt each: the charter's days after the period end. */
  deadlines: { periodEnd: string; due: string }[];
  /** The year is closed: no more delårsrapporter are adopted for it. */
  yearClosed: boolean;
  adopted: InterimReportAdoption[];
}

export interface ForecastRow {
  area: string;
  name: string;
  budget: string;
  outcomeToDate: string;
  forecast: string;
  /** Budget minus forecast: positive, money expected to be left at year end. */
  deviation: string;
}

/** The monthly follow-up: outcome through a month's end and the full-year forecast. */
export interface FollowUp {
  through: string;
  forecast: {
    throughMonth: number;
    rows: ForecastRow[];
    costs: { budget: string; outcomeToDate: string; forecast: string };
    income: string;
    forecastResult: string;
  };
}
