/**
 * The ledger's JSON shapes as the portal sees them, mirrored by hand from packages/domain/src/ledger
 * (voucher.ts, account.ts, balances.ts, resultatrakning.ts, balansrakning.ts, kassaflode.ts,
 * follow-up.ts). Amounts are decimal strings, debit positive and credit negative in the ledger.
 */

export const accountKinds = ['asset', 'liability', 'equity', 'income', 'cost'] as const;
export type AccountKind = (typeof accountKinds)[number];

export interface Account {
  number: string;
  name: string;
  kind: AccountKind;
  memberId?: string;
  insatsId?: string;
  area?: 'styrelse' | 'administration' | 'revision' | 'insatser';
}

export interface Chart {
  accounts: Account[];
  version: number;
}

export interface VoucherLine {
  account: string;
  amount: string;
  memberId?: string;
  insatsId?: string;
}

export const voucherBasisKinds = ['invoice', 'decision', 'settlement', 'import', 'other'] as const;
export type VoucherBasisKind = (typeof voucherBasisKinds)[number];

export interface VoucherId {
  year: number;
  series: string;
  number: number;
}

export interface VoucherDraft {
  series: string;
  year: number;
  date: string;
  text: string;
  lines: VoucherLine[];
  basis?: { kind: VoucherBasisKind; reference: string };
  corrects?: VoucherId & { kind: 'reversal' | 'adjustment' };
}

/** A booked verifikation: immutable, numbered without gaps per series and year. */
export interface Voucher extends VoucherDraft {
  number: number;
  bookedBy: string;
  bookedAt: string;
}

/** A year's ingående balanser: debit positive, credit negative; `source` is absent until written. */
export interface OpeningBalances {
  year: number;
  balances: Record<string, string>;
  /** Where they come from: "bokslut 2026" when the bokslut wrote them, else what the ekonom typed. */
  source?: string;
}

export interface PeriodLock {
  /** "YYYY-MM" for a month, "YYYY" for the whole year. */
  period: string;
  at: string;
  by: string;
  reason: string;
}

export interface Periods {
  year: number;
  yearLocked: boolean;
  lockedMonths: string[];
  locks: PeriodLock[];
  version: number;
}

/** One account in a report, signed as the report presents it. */
export interface ReportRow {
  account: string;
  name: string;
  amount: string;
}

export interface ReportSection {
  rows: ReportRow[];
  total: string;
}

export interface Resultatrakning {
  verksamhetensIntakter: ReportSection;
  verksamhetensKostnader: { areas: (ReportSection & { area: string; name: string })[]; total: string };
  verksamhetensNettokostnader: string;
  finansiellaIntakter: ReportSection;
  finansiellaKostnader: ReportSection;
  aretsResultat: string;
}

export interface Balansrakning {
  tillgangar: { anlaggningstillgangar: ReportSection; omsattningstillgangar: ReportSection; total: string };
  egetKapital: ReportSection & { aretsResultat: string };
  skulder: { langfristiga: ReportSection; kortfristiga: ReportSection; total: string };
  egetKapitalOchSkulder: string;
}

export interface Kassaflodesanalys {
  metod: 'indirekt';
  lopandeVerksamhet: {
    aretsResultat: string;
    forandringFordringar: string;
    forandringKortfristigaSkulder: string;
    total: string;
  };
  investeringsverksamhet: { forandringAnlaggningstillgangar: string; total: string };
  finansieringsverksamhet: { forandringLangfristigaSkulder: string; ovrigForandringEgetKapital: string; total: string };
  aretsKassaflode: string;
  likvidaMedelVidAretsBorjan: string;
  likvidaMedelVidAretsSlut: string;
}

export interface TrialBalanceRow {
  account: string;
  name: string;
  kind: AccountKind;
  opening: string;
  debit: string;
  credit: string;
  closing: string;
}

export interface TrialBalance {
  rows: TrialBalanceRow[];
  totals: { opening: string; debit: string; credit: string; closing: string };
}

export interface MemberLedger {
  memberId: string;
  contributions: string;
  costs: string;
  receivable: string;
  payable: string;
  net: string;
}

/** What each report route answers; the route name is the key. */
export interface Reports {
  'trial-balance': TrialBalance;
  resultatrakning: Resultatrakning;
  balansrakning: Balansrakning;
  kassaflode: Kassaflodesanalys;
  members: { members: MemberLedger[] };
  budget: BudgetReport;
}

export interface BudgetReportRow {
  budget: string;
  outcome: string;
  /** Budget minus outcome: positive means money left. */
  deviation: string;
  /** Outcome as a percentage of budget, e.g. "83.4"; null with no budget. */
  usedPercent: string | null;
}

/** Budget against outcome per area of the verksamhetsplan; no adopted budget gives a version of null. */
export interface BudgetReport {
  adoptedBudgetVersion: number | null;
  rows: (BudgetReportRow & { area: string; name: string })[];
  total: BudgetReportRow;
}
export type ReportName = keyof Reports;
