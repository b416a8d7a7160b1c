import type {
  AdoptionKind,
  DeadlineStatus,
  DischargeKind,
  LikvidTiming,
  LikvidWaitingReason,
  Recommendation,
  SamradAnswerKind,
} from './api/cycle-types.ts';
import type { VoucherBasisKind } from './api/ledger-types.ts';
import type { PresetName } from './api/simulation-types.ts';
import type {
  CharterSettings,
  ContributionModel,
  FundingFlow,
  KommunKeyMethod,
  MemberType,
  RegionKeyMethod,
  ResultDistributionModel,
  Role,
} from './api/types.ts';
import type { InvitableRole } from './api/user-types.ts';
import type { DisabledReason, WebhookEventType } from './api/webhook-types.ts';

/** Swedish names for every code the API sends, so no raw code ever reaches the screen. */

export const roleNames: Record<Role, string> = {
  'platform-admin': 'Plattformsadministratör',
  'forbund-admin': 'Förbundsadministratör',
  ekonom: 'Ekonom',
  styrelse: 'Styrelseledamot',
  revisor: 'Revisor',
  'member-rep': 'Medlemsrepresentant',
  national: 'Nationella rådet',
};

/** What each role a förbund or the platform hands out may do, said beside the role's name where it is chosen. */
export const roleDescriptions: Record<InvitableRole, string> = {
  'platform-admin': 'skapar förbund och bjuder in alla förbunds och plattformens användare',
  national: 'läser den nationella statistiken över alla förbund',
  'forbund-admin': 'förbundsordningen, användare, revisorer och medlemmarnas integrationer',
  ekonom: 'bokföring, budget, avräkning och låsta perioder',
  styrelse: 'styrelsens beslut om budget, delårsrapporter och årsredovisning',
  revisor: 'läser bokföringen och lämnar revisionsberättelse',
  'member-rep': 'samråd, avräkningar och ansvarsfrihet för en medlem',
};

export const memberTypeNames: Record<MemberType, string> = {
  fk: 'Försäkringskassan',
  af: 'Arbetsförmedlingen',
  region: 'Region',
  kommun: 'Kommun',
};

export const contributionModelNames: Record<ContributionModel, string> = {
  finsam: 'Finsam: Försäkringskassan 1/2, region 1/4, kommunerna 1/4',
  equal: 'Lika delar',
  'own-amounts': 'Egna belopp per medlem',
};

export const kommunKeyMethodNames: Record<KommunKeyMethod, string> = {
  equal: 'Lika delar',
  population: 'Efter folkmängd',
  explicit: 'Angivna procentsatser',
};

export const regionKeyMethodNames: Record<RegionKeyMethod, string> = {
  equal: 'Lika delar',
  explicit: 'Angivna procentsatser',
};

export const fundingFlowNames: Record<FundingFlow, string> = {
  'liquid-monthly': 'Betalning varje månad',
  'liquid-quarterly': 'Betalning varje kvartal',
  'liquid-at-start': 'Betalning vid årets början',
  'claim-72': 'Fordringsmodell (72-verifikationsmodellen)',
  'set-off': 'Kvittning mot medlemmens kostnader',
};

export const resultDistributionNames: Record<ResultDistributionModel, string> = {
  retain: 'Resultatet förs till eget kapital',
  'proportional-final-frame': 'Fördelas efter andel av årets slutliga ram',
  'return-then-proportional': 'Del av eget resultat återförs, resten fördelas efter andel',
  'limited-participation': 'Begränsat deltagande i resultatet',
};

export const likvidTimingNames: Record<CharterSettings['likvidavrakning']['timing'], string> = {
  'after-discharge': 'Efter godkänd årsredovisning och beviljad ansvarsfrihet',
  'at-bokslut': 'Vid bokslut',
};

export const interestMethodNames: Record<CharterSettings['likvidavrakning']['interestMethod'], string> = {
  'average-monthly-balance': 'Ränta på genomsnittligt månadssaldo',
  'daily-balance': 'Ränta på dagligt saldo',
  none: 'Ingen ränta',
};

export const dayCountNames: Record<CharterSettings['likvidavrakning']['dayCount'], string> = {
  'actual/365': 'Faktiska dagar/365',
  '30/360': '30/360',
};

export const framePeriodisationNames: Record<CharterSettings['funding']['framePeriodisation'], string> = {
  monthly: 'Per månad',
  quarterly: 'Per kvartal',
};

export const termStartNames: Record<CharterSettings['board']['termStart'], string> = {
  'april-after-election': '1 april året efter valet',
  'january-after-election': '1 januari året efter valet',
};

/** A label for a code, falling back to the code itself if the API sends one the portal lacks. */
export function nameOf<K extends string>(names: Record<K, string>, code: string): string {
  return (names as Record<string, string>)[code] ?? code;
}

export const voucherBasisNames: Record<VoucherBasisKind, string> = {
  invoice: 'Faktura',
  decision: 'Beslut',
  settlement: 'Avräkning',
  import: 'Import',
  other: 'Annat underlag',
};

/** The kinds a user picks when booking by hand; "import" is set by the SIE import only. */
export const manualBasisKinds = ['invoice', 'decision', 'settlement', 'other'] as const satisfies VoucherBasisKind[];

export const samradAnswerNames: Record<SamradAnswerKind, string> = {
  agree: 'Tillstyrker förslaget',
  comments: 'Har synpunkter',
};

export const adoptionKindNames: Record<AdoptionKind, string> = {
  final: 'Budget',
  preliminary: 'Preliminär budget',
};

export const recommendationNames: Record<Recommendation, string> = {
  grant: 'Tillstyrker ansvarsfrihet',
  refuse: 'Avstyrker ansvarsfrihet',
};

export const dischargeNames: Record<DischargeKind, string> = {
  granted: 'Beviljar ansvarsfrihet',
  refused: 'Vägrar ansvarsfrihet',
};

/** Why a member holds the likvidavräkning after ansvarsfrihet, as the board reads it beside the member's name. */
export const likvidWaitingReasonNames: Record<LikvidWaitingReason, string> = {
  undecided: 'inte beslutat',
  refused: 'vägrad, lösning ej registrerad',
};

/** A likvidavräkning's heading by when it was made. */
export const likvidHeadingNames: Record<LikvidTiming, string> = {
  'at-bokslut': 'Likvidavräkning vid bokslutet',
  'after-discharge': 'Likvidavräkning efter ansvarsfrihet',
};

export const deadlineStatusNames: Record<DeadlineStatus, string> = {
  done: 'Klar',
  overdue: 'Försenad',
  upcoming: 'Kommande',
};

/** The budget's areas (DOMAIN.md glossary) and the national view's spending areas. */
export const budgetAreaNames: Record<string, string> = {
  styrelse: 'Styrelse',
  administration: 'Administration',
  revision: 'Revision',
  insatser: 'Insatser',
};

/** What each webhook event tells the member's finance system. */
export const webhookEventTypeNames: Record<WebhookEventType | 'webhook.test', string> = {
  'samrad.opened': 'Samråd om budgeten öppnat',
  'budget.adopted': 'Budget antagen',
  'contribution.scheduled': 'Medlemsbidrag planerat',
  'settlement.issued': 'Avräkning utfärdad',
  'cost_invoice.requested': 'Kostnadsfaktura begärd',
  'interim_report.adopted': 'Delårsrapport antagen',
  'annual_report.adopted': 'Årsredovisning antagen',
  'audit_report.submitted': 'Revisionsberättelse lämnad',
  'discharge.requested': 'Beslut om ansvarsfrihet begärt',
  'discharge.decided': 'Ansvarsfrihet beslutad',
  'cash_settlement.issued': 'Likvidavräkning utfärdad',
  'deadline.missed': 'Sista dag passerad',
  'deadline.met': 'Sista dag hölls ändå (rättelse av Sista dag passerad)',
  'webhook.test': 'Testanrop',
};

export const webhookDisabledReasonNames: Record<DisabledReason, string> = {
  manual: 'Avstängd av en användare',
  deleted: 'Borttagen',
  'retry-window-exhausted': 'Avstängd automatiskt: mottagaren svarade inte under 72 timmar',
};

/**
 * The economic models a simulation can give the förbundsordning (packages/domain presets.ts,
 * from the SOCSAM trials), each with what sets it apart.
 */
export const presetDescriptions: Record<PresetName, string> = {
  finsam: 'Finsam (standard): andelar 1/2, 1/4 och 1/4, betalning varje månad, resultatet till eget kapital',
  delta: 'Delta (Hisingen): lika delar, fordringsmodell, Försäkringskassan avräknas vid årets slut',
  finspang: 'Finspång: fordringsmodell med ramen per kvartal, resultatet fördelas efter andel av slutlig ram',
  laholm:
    'Fyrverkeriet (Laholm): fordringsmodell, halva resultatet återförs till kommun och region, resten efter andel',
  grastorp: '5S (Grästorp): fordringsmodell, likvidavräkning efter ansvarsfrihet, resultatet efter andel',
  haninge: 'Socsam (Haninge): fordringsmodell, likvidavräkning vid bokslut, begränsat deltagande i resultatet',
  stenungsund: '4S (Stenungsund): kvittning mot kostnaderna, regionen betalar varje månad, resultatet behålls',
};
