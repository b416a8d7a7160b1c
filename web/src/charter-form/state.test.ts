import { describe, expect, it } from 'vitest';
import type { CharterSettings, CharterVersion } from '../api/types.ts';
import { initialCharterState, toCharterUpdate } from './state.ts';

/** The charter as the API returns it with every default filled in (packages/domain charterSettingsSchema). */
const settings: CharterSettings = {
  contributionKey: {
    model: 'finsam',
    kommunKey: { method: 'equal' },
    regionKey: { method: 'equal' },
    equalIncludesAf: false,
  },
  funding: {
    default: 'liquid-monthly',
    perMember: {},
    advanceInvoiceDueDay: 10,
    costInvoiceDueDay: 20,
    remainderMonth: 12,
    framePeriodisation: 'monthly',
    settleAtYearEndOnly: [],
  },
  resultDistribution: {
    model: 'retain',
    returnRatePercent: '50',
    returnExcludedTypes: ['fk'],
    participationPercent: '20',
    participationCapPercent: '0.5',
  },
  likvidavrakning: {
    timing: 'after-discharge',
    annualInterestRatePercent: '2',
    interestMethod: 'average-monthly-balance',
    dayCount: 'actual/365',
  },
  board: {
    ledamoterPerMember: 1,
    viceChairs: 1,
    termStart: 'april-after-election',
    termYears: 4,
    quorumAllMembersPresent: true,
  },
  delegation: { callOffLimitBasbelopp: '10', directPurchaseLimitBasbelopp: '2', executiveAttestLimitBasbelopp: '3' },
  deadlines: {
    samradAnswer: '10-31',
    budgetAdoption: '11-30',
    annualReport: '03-31',
    interimReportDueDays: 45,
    interimReports: ['08-31'],
    reminderDaysBefore: [14, 3],
  },
  equityWarningPercent: '10',
};

const charter: CharterVersion = {
  version: 4,
  effectiveFrom: '2026-01-01',
  members: [
    { id: 'fk', type: 'fk', name: 'Försäkringskassan', organisationsnummer: '202100-5521' },
    { id: 'af', type: 'af', name: 'Arbetsförmedlingen', organisationsnummer: '202100-2114' },
    { id: 'region', type: 'region', name: 'Region Exempel', organisationsnummer: '232100-0016' },
    { id: 'alfa', type: 'kommun', name: 'Alfa kommun', organisationsnummer: '212000-0019' },
    { id: 'beta', type: 'kommun', name: 'Beta kommun', organisationsnummer: '212000-0027' },
  ],
  settings,
  createdAt: '2026-01-01T00:00:00Z',
  createdBy: 'test',
};

describe('toCharterUpdate', () => {
  it('sends an unchanged form back as the same settings, building on the version read', () => {
    const result = toCharterUpdate({ ...initialCharterState(charter), effectiveFrom: '2027-01-01' }, charter);
    if (!('body' in result)) throw new Error(JSON.stringify(result.issues));
    expect(result.body.expectedVersion).toBe(4);
    expect(result.body.settings).toEqual(settings);
    expect(result.body.members).toEqual(charter.members);
    expect(result.body).not.toHaveProperty('decisionReference');
  });

  it('reads explicit percentages typed with decimal commas', () => {
    const state = initialCharterState(charter);
    const result = toCharterUpdate(
      { ...state, kommunMethod: 'explicit', kommunPercentages: { alfa: '60,5', beta: '39,5' } },
      charter,
    );
    if (!('body' in result)) throw new Error(JSON.stringify(result.issues));
    expect(result.body.settings.contributionKey.kommunKey).toEqual({
      method: 'explicit',
      percentages: { alfa: '60.5', beta: '39.5' },
    });
  });

  it('puts population on the kommuner and names a missing figure by its path in the member list', () => {
    const state = initialCharterState(charter);
    const population = {
      alfa: { count: '30 000', referenceDate: '2025-12-31' },
      beta: { count: '', referenceDate: '' },
    };
    const result = toCharterUpdate({ ...state, kommunMethod: 'population', population }, charter);
    expect('issues' in result && result.issues.map((issue) => issue.field)).toEqual([
      'members.4.population.count',
      'members.4.population.referenceDate',
    ]);
    population.beta = { count: '10000', referenceDate: '2025-12-31' };
    const fixed = toCharterUpdate({ ...state, kommunMethod: 'population', population }, charter);
    if (!('body' in fixed)) throw new Error(JSON.stringify(fixed.issues));
    expect(fixed.body.members[3]?.population).toEqual({ count: 30000, referenceDate: '2025-12-31' });
  });

  it('drops empty delårsrapport slots and reports a bad deadline at its own path', () => {
    const state = initialCharterState(charter);
    const ok = toCharterUpdate({ ...state, interimReports: ['', '4-30', ''], reminderDaysBefore: '30, 7 1' }, charter);
    if (!('body' in ok)) throw new Error(JSON.stringify(ok.issues));
    expect(ok.body.settings.deadlines.interimReports).toEqual(['04-30']);
    expect(ok.body.settings.deadlines.reminderDaysBefore).toEqual([30, 7, 1]);
    const bad = toCharterUpdate({ ...state, budgetAdoption: '30 nov' }, charter);
    expect('issues' in bad && bad.issues[0]?.field).toBe('settings.deadlines.budgetAdoption');
  });
});
