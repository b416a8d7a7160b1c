import { describe, expect, it } from 'vitest';
import { charterDocumentSchema } from '../charter/document.ts';
import { charterSettingsSchema } from '../charter/schema.ts';
import { charterPresets, presetNames, presetSettings } from './presets.ts';
import { members } from './test-fixtures.ts';

describe('charter presets', () => {
  it('has a preset for every name, each a valid charter for the test förbund', () => {
    expect(Object.keys(charterPresets).sort()).toEqual([...presetNames].sort());
    for (const name of presetNames) {
      const settings = presetSettings(name, members);
      // The charter rules check that perMember and settleAtYearEndOnly name real members.
      expect(charterDocumentSchema.safeParse({ effectiveFrom: '2027-01-01', members, settings }).success).toBe(true);
    }
  });

  it('keeps the Finsam default as it is', () => {
    expect(presetSettings('finsam', members)).toEqual(charterSettingsSchema.parse({}));
  });

  it('models each SOCSAM förbund as seed 000 describes it', () => {
    const summary = (name: (typeof presetNames)[number]) => {
      const { contributionKey, funding, resultDistribution, likvidavrakning } = presetSettings(name, members);
      return {
        key: contributionKey.model,
        flow: funding.default,
        perMember: funding.perMember,
        periodisation: funding.framePeriodisation,
        dueDays: [funding.advanceInvoiceDueDay, funding.costInvoiceDueDay],
        yearEndOnly: funding.settleAtYearEndOnly,
        result: resultDistribution.model,
        likvid: likvidavrakning.timing,
      };
    };
    const common = {
      key: 'finsam',
      perMember: {},
      periodisation: 'monthly',
      dueDays: [10, 20],
      likvid: 'after-discharge',
    };
    expect(summary('delta')).toEqual({
      ...common,
      key: 'equal',
      flow: 'claim-72',
      yearEndOnly: ['fk'],
      result: 'retain',
    });
    expect(summary('finspang')).toEqual({
      ...common,
      flow: 'claim-72',
      periodisation: 'quarterly',
      dueDays: [10, 10],
      yearEndOnly: ['fk'],
      result: 'proportional-final-frame',
    });
    expect(summary('laholm')).toEqual({
      ...common,
      flow: 'claim-72',
      yearEndOnly: ['fk'],
      result: 'return-then-proportional',
    });
    expect(summary('grastorp')).toEqual({
      ...common,
      flow: 'claim-72',
      yearEndOnly: ['fk'],
      result: 'proportional-final-frame',
    });
    expect(summary('haninge')).toEqual({
      ...common,
      flow: 'claim-72',
      yearEndOnly: [],
      result: 'limited-participation',
      likvid: 'at-bokslut',
    });
    expect(summary('stenungsund')).toEqual({
      ...common,
      flow: 'set-off',
      perMember: { region: 'liquid-monthly' },
      yearEndOnly: ['fk'],
      result: 'retain',
    });
  });

  it('carries the rates of Laholm and Haninge', () => {
    expect(presetSettings('laholm', members).resultDistribution).toMatchObject({
      returnRatePercent: '50',
      returnExcludedTypes: ['fk', 'af'],
    });
    expect(presetSettings('haninge', members).resultDistribution).toMatchObject({
      participationPercent: '20',
      participationCapPercent: '0.5',
    });
  });

  it('resolves member types to the ids of this förbund, every region included', () => {
    const twoRegions = [
      ...members,
      { ...members[2]!, id: 'region-2', name: 'Region Två', organisationsnummer: '232100-0024' },
    ];
    expect(presetSettings('stenungsund', twoRegions).funding.perMember).toEqual({
      region: 'liquid-monthly',
      'region-2': 'liquid-monthly',
    });
  });
});
