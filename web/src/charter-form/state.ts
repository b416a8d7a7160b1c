import type {
  CharterSettings,
  CharterUpdate,
  CharterVersion,
  ContributionModel,
  FieldIssue,
  FundingFlow,
  KommunKeyMethod,
  Member,
  RegionKeyMethod,
  ResultDistributionModel,
} from '../api/types.ts';
import { decimalForInput, todayIso } from '../format.ts';
import { readAmount, readDecimal, readMonthDay, readWholeNumber } from '../input.ts';

/**
 * The charter form holds what the user types (text, Swedish decimal commas); `toCharterUpdate`
 * turns it into the API's request, keeping every setting the form does not show as it was.
 */
export interface CharterFormState {
  effectiveFrom: string;
  decisionReference: string;
  model: ContributionModel;
  kommunMethod: KommunKeyMethod;
  regionMethod: RegionKeyMethod;
  equalIncludesAf: boolean;
  /** Member id → text, for the explicit keys and own amounts. */
  kommunPercentages: Record<string, string>;
  regionPercentages: Record<string, string>;
  ownAmounts: Record<string, string>;
  population: Record<string, { count: string; referenceDate: string }>;
  fundingDefault: FundingFlow;
  resultModel: ResultDistributionModel;
  returnRatePercent: string;
  participationPercent: string;
  participationCapPercent: string;
  samradAnswer: string;
  budgetAdoption: string;
  annualReport: string;
  /** Up to three delårsrapport dates; blank ones are dropped. */
  interimReports: [string, string, string];
  /** Days after a delårsrapport's period end by which the board adopts it. */
  interimReportDueDays: string;
  reminderDaysBefore: string;
}

const textMap = (values: Record<string, string> | undefined, format: (value: string) => string = decimalForInput) =>
  Object.fromEntries(Object.entries(values ?? {}).map(([id, value]) => [id, format(value)]));

export function initialCharterState(charter: CharterVersion): CharterFormState {
  const { contributionKey: key, funding, resultDistribution: result, deadlines } = charter.settings;
  const interim = deadlines.interimReports;
  return {
    effectiveFrom: todayIso(),
    decisionReference: '',
    model: key.model,
    kommunMethod: key.kommunKey.method,
    regionMethod: key.regionKey.method,
    equalIncludesAf: key.equalIncludesAf,
    kommunPercentages: textMap(key.kommunKey.percentages),
    regionPercentages: textMap(key.regionKey.percentages),
    ownAmounts: textMap(key.ownAmounts),
    population: Object.fromEntries(
      charter.members.map((member) => [
        member.id,
        {
          count: member.population ? String(member.population.count) : '',
          referenceDate: member.population?.referenceDate ?? '',
        },
      ]),
    ),
    fundingDefault: funding.default,
    resultModel: result.model,
    returnRatePercent: decimalForInput(result.returnRatePercent),
    participationPercent: decimalForInput(result.participationPercent),
    participationCapPercent: decimalForInput(result.participationCapPercent),
    samradAnswer: deadlines.samradAnswer,
    budgetAdoption: deadlines.budgetAdoption,
    annualReport: deadlines.annualReport,
    interimReports: [interim[0] ?? '', interim[1] ?? '', interim[2] ?? ''],
    interimReportDueDays: String(deadlines.interimReportDueDays),
    reminderDaysBefore: deadlines.reminderDaysBefore.join(', '),
  };
}

/** Reads typed text into API values, collecting an issue (at the API's own path) for each bad entry. */
class Reader {
  readonly issues: FieldIssue[] = [];

  read<T>(text: string, parse: (text: string) => T | null, field: string, message: string): T | undefined {
    const value = parse(text);
    if (value === null) this.issues.push({ field, message });
    return value ?? undefined;
  }

  map(
    owners: readonly Member[],
    texts: Record<string, string>,
    parse: (text: string) => string | null,
    field: string,
    message: string,
  ) {
    const values: Record<string, string> = {};
    for (const owner of owners) {
      const value = this.read(texts[owner.id] ?? '', parse, `${field}.${owner.id}`, `${owner.name}: ${message}`);
      if (value !== undefined) values[owner.id] = value;
    }
    return values;
  }
}

const percentMessage = 'ange ett tal, till exempel 12,5.';
const monthDayMessage = 'Ange månad och dag som MM-DD, till exempel 11-30.';

export function toCharterUpdate(
  state: CharterFormState,
  charter: CharterVersion,
): { body: CharterUpdate } | { issues: FieldIssue[] } {
  const reader = new Reader();
  const { members } = charter;
  const kommuner = members.filter((member) => member.type === 'kommun');
  const regions = members.filter((member) => member.type === 'region');
  const finsam = state.model === 'finsam';
  const keyPath = 'settings.contributionKey';

  const contributionKey: CharterSettings['contributionKey'] = {
    model: state.model,
    kommunKey: { method: state.kommunMethod },
    regionKey: { method: state.regionMethod },
    equalIncludesAf: state.equalIncludesAf,
  };
  if (finsam && state.kommunMethod === 'explicit')
    contributionKey.kommunKey.percentages = reader.map(
      kommuner,
      state.kommunPercentages,
      readDecimal,
      `${keyPath}.kommunKey.percentages`,
      percentMessage,
    );
  // With one region there is nothing to split and the form hides the region key: keep it as stored.
  if (regions.length <= 1) contributionKey.regionKey = charter.settings.contributionKey.regionKey;
  else if (finsam && state.regionMethod === 'explicit')
    contributionKey.regionKey.percentages = reader.map(
      regions,
      state.regionPercentages,
      readDecimal,
      `${keyPath}.regionKey.percentages`,
      percentMessage,
    );
  if (state.model === 'own-amounts')
    contributionKey.ownAmounts = reader.map(
      members,
      state.ownAmounts,
      readAmount,
      `${keyPath}.ownAmounts`,
      'ange ett belopp i kronor.',
    );

  const usesPopulation = finsam && state.kommunMethod === 'population';
  const updatedMembers = members.map((member, index): Member => {
    if (!usesPopulation || member.type !== 'kommun') return member;
    const typed = state.population[member.id] ?? { count: '', referenceDate: '' };
    const path = `members.${index}.population`;
    const count = reader.read(
      typed.count,
      readWholeNumber,
      `${path}.count`,
      `${member.name}: ange folkmängden som ett heltal.`,
    );
    const referenceDate = typed.referenceDate.trim();
    if (!referenceDate)
      reader.issues.push({
        field: `${path}.referenceDate`,
        message: `${member.name}: ange vilket datum folkmängden avser.`,
      });
    return count === undefined || !referenceDate ? member : { ...member, population: { count, referenceDate } };
  });

  const rate = (text: string, field: string) =>
    reader.read(text, readDecimal, `settings.resultDistribution.${field}`, 'Ange ett tal, till exempel 12,5.');
  const { resultDistribution } = charter.settings;
  const result: CharterSettings['resultDistribution'] = { ...resultDistribution, model: state.resultModel };
  if (state.resultModel === 'return-then-proportional')
    result.returnRatePercent =
      rate(state.returnRatePercent, 'returnRatePercent') ?? resultDistribution.returnRatePercent;
  if (state.resultModel === 'limited-participation') {
    result.participationPercent =
      rate(state.participationPercent, 'participationPercent') ?? resultDistribution.participationPercent;
    result.participationCapPercent =
      rate(state.participationCapPercent, 'participationCapPercent') ?? resultDistribution.participationCapPercent;
  }

  const day = (text: string, field: string) =>
    reader.read(text, readMonthDay, `settings.deadlines.${field}`, monthDayMessage) ?? text;
  const interimReports = state.interimReports
    .map((text, index) => ({ text: text.trim(), index }))
    .filter(({ text }) => text !== '')
    .map(({ text, index }) => day(text, `interimReports.${index}`));
  const interimReportDueDays =
    reader.read(
      state.interimReportDueDays.trim(),
      readWholeNumber,
      'settings.deadlines.interimReportDueDays',
      'Ange antal dagar som ett heltal, till exempel 45.',
    ) ?? charter.settings.deadlines.interimReportDueDays;
  const reminderTexts = state.reminderDaysBefore.split(/[,;\s]+/).filter(Boolean);
  const reminderDaysBefore = reminderTexts.flatMap((text) => {
    const days = reader.read(
      text,
      readWholeNumber,
      'settings.deadlines.reminderDaysBefore',
      'Ange antal dagar som heltal, åtskilda med komma, till exempel 14, 3.',
    );
    return days === undefined ? [] : [days];
  });

  const settings: CharterSettings = {
    ...charter.settings,
    contributionKey,
    funding: { ...charter.settings.funding, default: state.fundingDefault },
    resultDistribution: result,
    deadlines: {
      ...charter.settings.deadlines,
      samradAnswer: day(state.samradAnswer, 'samradAnswer'),
      budgetAdoption: day(state.budgetAdoption, 'budgetAdoption'),
      annualReport: day(state.annualReport, 'annualReport'),
      interimReports,
      interimReportDueDays,
      reminderDaysBefore,
    },
  };
  if (reader.issues.length > 0) return { issues: reader.issues };
  const decisionReference = state.decisionReference.trim();
  return {
    body: {
      expectedVersion: charter.version,
      effectiveFrom: state.effectiveFrom.trim(),
      ...(decisionReference ? { decisionReference } : {}),
      members: updatedMembers,
      settings,
    },
  };
}
