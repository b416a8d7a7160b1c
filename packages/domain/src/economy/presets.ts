import type { z } from 'zod';
import {
  type CharterSettings,
  charterSettingsSchema,
  type FundingFlow,
  type Member,
  type MemberType,
} from '../charter/schema.ts';

/**
 * The economic models of the SOCSAM trials (seed 000, Bilaga 1, L203–436) and the Finsam default,
 * as charter settings. Line numbers are those of shared/seeds/000_b84d0b5a1e62a768.txt. Where the
 * seed is silent a preset keeps the Finsam default, and says so. Deadlines stay at the Finsam law's
 * (budget by 30 November, 001 L610, L1399) even where a trial used another date: the presets model
 * the economy, and a charter under the law cannot set a later budget day without a reason on record.
 *
 * Member ids differ between förbund, so a preset names members by type and `presetSettings`
 * resolves them against the förbund's members.
 */

export const presetNames = ['finsam', 'delta', 'finspang', 'laholm', 'grastorp', 'haninge', 'stenungsund'] as const;
export type PresetName = (typeof presetNames)[number];

type SettingsInput = z.input<typeof charterSettingsSchema>;

export interface CharterPreset {
  name: PresetName;
  /** Swedish display name. */
  title: string;
  /** The settings that differ from the Finsam defaults, as charter input. */
  settings: SettingsInput;
  /** A funding flow per member type where members differ from the default flow (Stenungsund). */
  flowByMemberType: Partial<Record<MemberType, FundingFlow>>;
  /** Member types whose balance is settled at year end only (FK in several trials). */
  settleAtYearEndOnlyTypes: readonly MemberType[];
}

export const charterPresets: Record<PresetName, CharterPreset> = {
  // Finsam standard (DOMAIN.md §1, §3): shares 1/2, 1/4, 1/4 by law § 5 (001 L279–281); cash
  // monthly (001 L622); the result stays in eget kapital. Every setting is the schema default.
  finsam: {
    name: 'finsam',
    title: 'Finsam (standard)',
    settings: {},
    flowByMemberType: {},
    settleAtYearEndOnlyTypes: [],
  },
  // Delta, Hisingen (L203–250). Equal parts: the members carry the disposable frame "gemensamt
  // (lika delar)" (L224) and contribute "med lika stora andelar" (L249). 72-model in substance:
  // the members credit 1/12 monthly and debit their costs monthly, "inga likvidflöden" (L234);
  // the balances are receivables/payables, FK's settled at the year-end closing (L235). Silent on
  // due days, periodisation beyond "månadsvis", the result and the likvidavräkning: Finsam
  // defaults, so the result is retained (L250 concerns dissolution, not the yearly result).
  delta: {
    name: 'delta',
    title: 'Delta (Hisingen)',
    settings: {
      contributionKey: { model: 'equal', kommunKey: { method: 'equal' }, regionKey: { method: 'equal' } },
      funding: { default: 'claim-72' },
    },
    flowByMemberType: {},
    settleAtYearEndOnlyTypes: ['fk'],
  },
  // Finspång (L252–287). 72-model with the frame periodised quarterly (L277); the member's cost
  // invoice reaches the förbund "senast den 10:e efterföljande månad" (L277), so both due days are
  // the 10th (the advance day is silent: default 10). FK settled at year end (L278); the others
  // carry long-term balances across the year end (L286): likvidavräkning after discharge (default).
  // Surplus or deficit by each member's share of the final frame (L287). Key silent: Finsam.
  finspang: {
    name: 'finspang',
    title: 'Finspång',
    settings: {
      funding: {
        default: 'claim-72',
        framePeriodisation: 'quarterly',
        advanceInvoiceDueDay: 10,
        costInvoiceDueDay: 10,
      },
      resultDistribution: { model: 'proportional-final-frame' },
    },
    flowByMemberType: {},
    settleAtYearEndOnlyTypes: ['fk'],
  },
  // Fyrverkeriet, Laholm (L289–324). 72-model: 1/12 monthly in advance, costs monthly in arrears
  // (L311–313), a running receivable or payable (L316). 50 % of the result returns to each member,
  // not FK, before the proportional split (L317) by the final frame (L324). Interpretation: AF
  // was no member in Laholm (L293) and its Finsam share is 0, so it takes no return either; FK
  // settles at year end, read from "(ej Försäkringskassan)" in the members' year-end books (L324).
  // The plan was adopted in December (L305): the Finsam law's 30 November is kept (see above).
  laholm: {
    name: 'laholm',
    title: 'Fyrverkeriet (Laholm)',
    settings: {
      funding: { default: 'claim-72' },
      resultDistribution: {
        model: 'return-then-proportional',
        returnRatePercent: '50',
        returnExcludedTypes: ['fk', 'af'],
      },
    },
    flowByMemberType: {},
    settleAtYearEndOnlyTypes: ['fk'],
  },
  // 5S, Grästorp (L326–360). 72-model: 1/12 monthly in advance, a cost invoice monthly in arrears
  // (L350); no cash in the running business (L349). Yearly likvidavräkning after the årsredovisning
  // is approved and ansvarsfrihet granted (L352). Result by the final frame (L360). FK at year end,
  // read from "(ej försäkringskassan)" (L359). Due days, key and interest are silent: defaults.
  grastorp: {
    name: 'grastorp',
    title: '5S (Grästorp)',
    settings: {
      funding: { default: 'claim-72' },
      resultDistribution: { model: 'proportional-final-frame' },
      likvidavrakning: { timing: 'after-discharge' },
    },
    flowByMemberType: {},
    settleAtYearEndOnlyTypes: ['fk'],
  },
  // Socsam, Haninge (L362–396). 72-model: the förbund invoices 1/12 by the 10th, the members their
  // actual costs by the 20th of the month after (L386); no cash (L385). The members' year-end books
  // hold the balances, FK not excepted (L394). Likvidavräkning once a year with the årsredovisning,
  // with an interest calculation (L395): at bokslut; the rate is silent (default). The result by
  // 20 % of each share, capped at 0.5 % of the member's own frame (L396; DOMAIN.md's reading).
  haninge: {
    name: 'haninge',
    title: 'Socsam (Haninge)',
    settings: {
      funding: { default: 'claim-72', advanceInvoiceDueDay: 10, costInvoiceDueDay: 20 },
      resultDistribution: {
        model: 'limited-participation',
        participationPercent: '20',
        participationCapPercent: '0.5',
      },
      likvidavrakning: { timing: 'at-bokslut' },
    },
    flowByMemberType: {},
    settleAtYearEndOnlyTypes: [],
  },
  // 4S, Stenungsund (L398–436). The region pays 1/12 of its frame in advance; kommun and FK set
  // their frame off against their costs monthly in arrears (L426). The result: L434 describes a
  // proportional split, but the samarbetsråd decides on surpluses (L435) and a resultatfond holds
  // them (L436), so the preset retains; a decision to distribute runs proportional-final-frame.
  // FK's balance is not in its year-end books (L433): it settles at year end (interpretation).
  stenungsund: {
    name: 'stenungsund',
    title: '4S (Stenungsund)',
    settings: {
      funding: { default: 'set-off' },
      resultDistribution: { model: 'retain' },
    },
    flowByMemberType: { region: 'liquid-monthly' },
    settleAtYearEndOnlyTypes: ['fk'],
  },
};

/** The preset's charter settings for a förbund with these members, validated by the charter schema. */
export function presetSettings(name: PresetName, members: readonly Pick<Member, 'id' | 'type'>[]): CharterSettings {
  const preset = charterPresets[name];
  const perMember: Record<string, FundingFlow> = {};
  for (const member of members) {
    const flow = preset.flowByMemberType[member.type];
    if (flow !== undefined) perMember[member.id] = flow;
  }
  const settleAtYearEndOnly = members
    .filter((member) => preset.settleAtYearEndOnlyTypes.includes(member.type))
    .map((member) => member.id);
  return charterSettingsSchema.parse({
    ...preset.settings,
    funding: { ...preset.settings.funding, perMember, settleAtYearEndOnly },
  });
}
