import type { ProgressListener } from '../download-progress.ts';
import { request, requestFile } from './client.ts';
import type {
  AdoptionKind,
  AnnualReport,
  Auditor,
  AuditReport,
  AvrakningRun,
  BudgetAdoption,
  BudgetDraft,
  BudgetVersion,
  BudgetYear,
  ClosingYear,
  CycleTimeline,
  Discharge,
  DischargeKind,
  DischargeResolution,
  FollowUp,
  InterimReportAdoption,
  InterimReports,
  NationalYear,
  Recommendation,
  SamradAnswer,
  SamradAnswerKind,
  SamradRound,
} from './cycle-types.ts';
import type { ItemList } from './types.ts';

/** One function per annual-cycle operation, so pages never build URLs by hand. */

const forbundPath = (forbundId: string) => `/forbund/${encodeURIComponent(forbundId)}`;
const budgetPath = (forbundId: string, year: number) => `${forbundPath(forbundId)}/budgets/${year}`;
const closingPath = (forbundId: string, year: number) => `${forbundPath(forbundId)}/closing/${year}`;

export const getCycle = (forbundId: string, year: number, signal?: AbortSignal) =>
  request<CycleTimeline>('GET', `${forbundPath(forbundId)}/cycle/${year}`, undefined, { signal });

export const getBudgetYear = (forbundId: string, year: number, signal?: AbortSignal) =>
  request<BudgetYear>('GET', budgetPath(forbundId, year), undefined, { signal });

/** `expectedVersion` is the version the change builds on: 0 for the first draft; 409 if someone saved since. */
export const putBudget = (forbundId: string, year: number, draft: BudgetDraft, expectedVersion: number) =>
  request<BudgetVersion>('PUT', budgetPath(forbundId, year), { ...draft, expectedVersion });

export const openSamrad = (forbundId: string, year: number) =>
  request<SamradRound>('POST', `${budgetPath(forbundId, year)}/samrad`);

export const answerSamrad = (
  forbundId: string,
  year: number,
  memberId: string,
  body: { answer: SamradAnswerKind; comments: string },
) =>
  request<SamradAnswer>('POST', `${budgetPath(forbundId, year)}/samrad/answers/${encodeURIComponent(memberId)}`, body);

/** `decidedAt` left out: the decision is taken now. */
export const adoptBudget = (
  forbundId: string,
  year: number,
  body: { kind: AdoptionKind; decisionReference: string; decidedAt?: string },
) => request<BudgetAdoption>('POST', `${budgetPath(forbundId, year)}/adoption`, body);

export const getAvrakning = (forbundId: string, year: number, signal?: AbortSignal) =>
  request<ItemList<AvrakningRun>>('GET', `${forbundPath(forbundId)}/avrakning/${year}`, undefined, { signal });

export const runAvrakning = (forbundId: string, year: number, month: number) =>
  request<AvrakningRun>('POST', `${forbundPath(forbundId)}/avrakning/${year}/${month}/run`);

export const downloadStatement = (
  forbundId: string,
  year: number,
  month: number,
  memberId: string,
  onProgress?: ProgressListener,
) =>
  requestFile(
    `${forbundPath(forbundId)}/avrakning/${year}/${month}/statements/${encodeURIComponent(memberId)}/pdf`,
    onProgress,
  );

export const getInterimReports = (forbundId: string, year: number, signal?: AbortSignal) =>
  request<InterimReports>('GET', `${forbundPath(forbundId)}/interim-reports/${year}`, undefined, { signal });

/** 409 while the period has not ended. */
export const adoptInterimReport = (
  forbundId: string,
  year: number,
  periodEnd: string,
  body: { decisionReference: string; comments: string },
) =>
  request<InterimReportAdoption>(
    'POST',
    `${forbundPath(forbundId)}/interim-reports/${year}/${encodeURIComponent(periodEnd)}/adoption`,
    body,
  );

export const downloadInterimReport = (
  forbundId: string,
  year: number,
  periodEnd: string,
  onProgress?: ProgressListener,
) => requestFile(`${forbundPath(forbundId)}/interim-reports/${year}/${encodeURIComponent(periodEnd)}/pdf`, onProgress);

export const getFollowUp = (forbundId: string, year: number, month: number, signal?: AbortSignal) =>
  request<FollowUp>('GET', `${forbundPath(forbundId)}/follow-up/${year}?month=${month}`, undefined, { signal });

export const getClosing = (forbundId: string, year: number, signal?: AbortSignal) =>
  request<ClosingYear>('GET', closingPath(forbundId, year), undefined, { signal });

export const adoptAnnualReport = (
  forbundId: string,
  year: number,
  body: { decisionReference: string; signedBy: string[]; forvaltningsberattelse: string; decidedAt?: string },
) => request<AnnualReport>('POST', `${closingPath(forbundId, year)}/annual-report`, body);

export const downloadAnnualReport = (forbundId: string, year: number, onProgress?: ProgressListener) =>
  requestFile(`${closingPath(forbundId, year)}/annual-report/pdf`, onProgress);

export const getAuditors = (forbundId: string, signal?: AbortSignal) =>
  request<ItemList<Auditor>>('GET', `${forbundPath(forbundId)}/auditors`, undefined, { signal });

export const addAuditor = (forbundId: string, auditor: Auditor) =>
  request<Auditor>('POST', `${forbundPath(forbundId)}/auditors`, auditor);

export const submitAuditReport = (
  forbundId: string,
  year: number,
  body: { recommendation: Recommendation; statement: string; file?: { fileName: string; contentBase64: string } },
) => request<AuditReport>('POST', `${closingPath(forbundId, year)}/audit-reports`, body);

export const decideDischarge = (
  forbundId: string,
  year: number,
  memberId: string,
  body: { decision: DischargeKind; decidedOn: string; decisionReference: string; comment: string },
) => request<Discharge>('POST', `${closingPath(forbundId, year)}/discharge/${encodeURIComponent(memberId)}`, body);

/** The board records how a member's refusal was resolved; 409 if it granted, 400 if dated before the refusal. */
export const resolveDischarge = (
  forbundId: string,
  year: number,
  body: { memberId: string; decisionReference: string; decidedOn: string; text: string },
) => request<DischargeResolution>('POST', `${closingPath(forbundId, year)}/discharge-resolutions`, body);

export const downloadLikvidStatement = (
  forbundId: string,
  year: number,
  memberId: string,
  onProgress?: ProgressListener,
) => requestFile(`${closingPath(forbundId, year)}/likvidavrakning/${encodeURIComponent(memberId)}/pdf`, onProgress);

export const getNational = (year: number, signal?: AbortSignal) =>
  request<NationalYear>('GET', `/national/${year}`, undefined, { signal });

export const downloadNationalCsv = (year: number, onProgress?: ProgressListener) =>
  requestFile(`/national/${year}/csv`, onProgress);
