import type { DocumentColumn, DocumentSection, TabularDocument } from '@finsam/documents';
import type {
  Balansrakning,
  BudgetRow,
  Forecast,
  InsatsLedger,
  Kassaflodesanalys,
  MemberLedger,
  ReportSection,
  Resultatrakning,
  TrialBalance,
} from '@finsam/domain';
import type { ReportName } from './reports.ts';
import type { YearContext } from './year-context.ts';

/**
 * Lays a computed report out as a tabular document for PDF and Excel. Every amount comes from
 * the domain's report as it is; nothing is recomputed here, so the JSON, the PDF and the workbook
 * of one report always agree to the öre.
 */
const accountColumns: DocumentColumn[] = [
  { key: 'account', label: 'Konto', kind: 'text' },
  { key: 'name', label: 'Benämning', kind: 'text' },
  { key: 'amount', label: 'Belopp, kr', kind: 'money' },
];

const accountSection = (heading: string, section: ReportSection): DocumentSection => ({
  heading,
  columns: accountColumns,
  rows: section.rows.map((row) => ({ ...row })),
  totals: { name: 'Summa', amount: section.total },
});

const summary = (heading: string, lines: [string, string][]): DocumentSection => ({
  heading,
  columns: [
    { key: 'label', label: 'Post', kind: 'text' },
    { key: 'amount', label: 'Belopp, kr', kind: 'money' },
  ],
  rows: lines.map(([label, amount]) => ({ label, amount })),
});

export const reportTitles: Record<ReportName, string> = {
  'trial-balance': 'Råbalans',
  resultatrakning: 'Resultaträkning',
  balansrakning: 'Balansräkning',
  kassaflode: 'Kassaflödesanalys',
  members: 'Per medlem',
  insatser: 'Per insats',
  budget: 'Budget och utfall',
};

function sections(report: ReportName, computed: unknown, context: YearContext): DocumentSection[] {
  switch (report) {
    case 'resultatrakning': {
      const rr = computed as Resultatrakning;
      return [
        accountSection('Verksamhetens intäkter', rr.verksamhetensIntakter),
        ...rr.verksamhetensKostnader.areas.map((area) => accountSection(`Kostnader: ${area.name}`, area)),
        accountSection('Finansiella intäkter', rr.finansiellaIntakter),
        accountSection('Finansiella kostnader', rr.finansiellaKostnader),
        summary('Resultat', [
          ['Verksamhetens kostnader', rr.verksamhetensKostnader.total],
          ['Verksamhetens nettokostnader', rr.verksamhetensNettokostnader],
          ['Årets resultat', rr.aretsResultat],
        ]),
      ];
    }
    case 'balansrakning': {
      const br = computed as Balansrakning;
      return [
        accountSection('Anläggningstillgångar', br.tillgangar.anlaggningstillgangar),
        accountSection('Omsättningstillgångar', br.tillgangar.omsattningstillgangar),
        accountSection('Eget kapital', br.egetKapital),
        accountSection('Långfristiga skulder', br.skulder.langfristiga),
        accountSection('Kortfristiga skulder', br.skulder.kortfristiga),
        summary('Summor', [
          ['Summa tillgångar', br.tillgangar.total],
          ['Därav årets resultat i eget kapital', br.egetKapital.aretsResultat],
          ['Summa eget kapital', br.egetKapital.total],
          ['Summa skulder', br.skulder.total],
          ['Summa eget kapital och skulder', br.egetKapitalOchSkulder],
        ]),
      ];
    }
    case 'kassaflode': {
      const kf = computed as Kassaflodesanalys;
      return [
        summary('Den löpande verksamheten', [
          ['Årets resultat', kf.lopandeVerksamhet.aretsResultat],
          ['Förändring av fordringar', kf.lopandeVerksamhet.forandringFordringar],
          ['Förändring av kortfristiga skulder', kf.lopandeVerksamhet.forandringKortfristigaSkulder],
          ['Kassaflöde från den löpande verksamheten', kf.lopandeVerksamhet.total],
        ]),
        summary('Investerings- och finansieringsverksamheten', [
          ['Förändring av anläggningstillgångar', kf.investeringsverksamhet.forandringAnlaggningstillgangar],
          ['Förändring av långfristiga skulder', kf.finansieringsverksamhet.forandringLangfristigaSkulder],
          ['Övrig förändring av eget kapital', kf.finansieringsverksamhet.ovrigForandringEgetKapital],
        ]),
        summary('Likvida medel', [
          ['Årets kassaflöde', kf.aretsKassaflode],
          ['Likvida medel vid årets början', kf.likvidaMedelVidAretsBorjan],
          ['Likvida medel vid årets slut', kf.likvidaMedelVidAretsSlut],
        ]),
      ];
    }
    case 'trial-balance': {
      const trial = computed as TrialBalance;
      return [
        {
          heading: 'Råbalans',
          columns: [
            { key: 'account', label: 'Konto', kind: 'text' },
            { key: 'name', label: 'Benämning', kind: 'text' },
            { key: 'opening', label: 'Ingående, kr', kind: 'money' },
            { key: 'debit', label: 'Debet, kr', kind: 'money' },
            { key: 'credit', label: 'Kredit, kr', kind: 'money' },
            { key: 'closing', label: 'Utgående, kr', kind: 'money' },
          ],
          rows: trial.rows.map(({ account, name, opening, debit, credit, closing }) => ({
            account,
            name,
            opening,
            debit,
            credit,
            closing,
          })),
          totals: { name: 'Summa', ...trial.totals },
        },
      ];
    }
    case 'members': {
      const names = new Map(context.members.map((member) => [member.id, member.name]));
      return [
        {
          heading: 'Per medlem',
          columns: [
            { key: 'member', label: 'Medlem', kind: 'text' },
            { key: 'contributions', label: 'Medlemsbidrag, kr', kind: 'money' },
            { key: 'costs', label: 'Kostnader, kr', kind: 'money' },
            { key: 'receivable', label: 'Fordran, kr', kind: 'money' },
            { key: 'payable', label: 'Skuld, kr', kind: 'money' },
            { key: 'net', label: 'Netto, kr', kind: 'money' },
          ],
          rows: (computed as { members: MemberLedger[] }).members.map(({ memberId, ...amounts }) => ({
            member: names.get(memberId) ?? memberId,
            ...amounts,
          })),
        },
      ];
    }
    case 'budget': {
      const followUp = computed as { rows: (BudgetRow & { name: string })[]; total: BudgetRow };
      return [
        {
          heading: 'Budget och utfall per område',
          columns: [
            { key: 'name', label: 'Område', kind: 'text' },
            { key: 'budget', label: 'Budget, kr', kind: 'money' },
            { key: 'outcome', label: 'Utfall, kr', kind: 'money' },
            { key: 'deviation', label: 'Avvikelse, kr', kind: 'money' },
            { key: 'usedPercent', label: 'Förbrukat', kind: 'percent' },
          ],
          rows: followUp.rows.map((row) => ({
            name: row.name,
            budget: row.budget,
            outcome: row.outcome,
            deviation: row.deviation,
            usedPercent: row.usedPercent ?? '',
          })),
          totals: {
            name: 'Summa',
            budget: followUp.total.budget,
            outcome: followUp.total.outcome,
            deviation: followUp.total.deviation,
            usedPercent: followUp.total.usedPercent ?? '',
          },
        },
      ];
    }
    case 'insatser':
      return [
        {
          heading: 'Per insats',
          columns: [
            { key: 'name', label: 'Insats', kind: 'text' },
            { key: 'budget', label: 'Budget, kr', kind: 'money' },
            { key: 'outcome', label: 'Utfall, kr', kind: 'money' },
            { key: 'deviation', label: 'Avvikelse, kr', kind: 'money' },
            { key: 'usedPercent', label: 'Förbrukat', kind: 'percent' },
          ],
          rows: (computed as { insatser: InsatsLedger[] }).insatser.map((row) => ({
            name: row.name,
            budget: row.budget,
            outcome: row.outcome,
            deviation: row.deviation,
            usedPercent: row.usedPercent ?? '',
          })),
        },
      ];
  }
}

export function reportDocument(
  report: ReportName,
  computed: unknown,
  context: YearContext,
  year: number,
  generatedAt: Date,
): TabularDocument {
  return {
    title: reportTitles[report],
    organisation: { name: context.forbund.name, organisationsnummer: context.forbund.organisationsnummer },
    period: `${year}-01-01 – ${year}-12-31`,
    generatedAt: generatedAt.toISOString(),
    sections: sections(report, computed, context),
  };
}

/**
 * The årsredovisning as one document: the board's förvaltningsberättelse, resultaträkning,
 * balansräkning, kassaflödesanalys and each member's position, with the board's signatures.
 */
export function annualReportDocument(
  context: YearContext,
  reports: Record<'resultatrakning' | 'balansrakning' | 'kassaflode' | 'members', unknown>,
  adoption: { forvaltningsberattelse: string; signedBy: string[]; decisionReference: string } | undefined,
  year: number,
  generatedAt: Date,
): TabularDocument {
  const notes = [
    ...(adoption?.forvaltningsberattelse ? adoption.forvaltningsberattelse.split(/\n{2,}/) : []),
    'Redovisningsprinciper: årsredovisningen är upprättad enligt lagen (2018:597) om kommunal bokföring och redovisning. Medlemsbidragen redovisas per medlem; fordringar och skulder per medlem visar avräkningen.',
    adoption
      ? `Antagen av styrelsen: ${adoption.decisionReference}.`
      : 'Utkast: årsredovisningen är ännu inte antagen av styrelsen.',
  ];
  return {
    title: `Årsredovisning ${year}`,
    subtitle: adoption ? undefined : 'Utkast',
    organisation: { name: context.forbund.name, organisationsnummer: context.forbund.organisationsnummer },
    period: `${year}-01-01 – ${year}-12-31`,
    generatedAt: generatedAt.toISOString(),
    notes,
    sections: [
      ...sections('resultatrakning', reports.resultatrakning, context),
      ...sections('balansrakning', reports.balansrakning, context),
      ...sections('kassaflode', reports.kassaflode, context),
      ...sections('members', reports.members, context),
    ],
    signatures: (adoption?.signedBy ?? ['', '', '']).map((name) => ({
      role: 'Styrelseledamot',
      ...(name ? { name } : {}),
    })),
  };
}

/** The delårsrapport: RR and BR for the period, the full-year forecast, the board's comments. */
export function interimReportDocument(
  context: YearContext,
  figures: { through: string; resultatrakning: unknown; balansrakning: unknown; forecast: Forecast },
  adoption: { decisionReference: string; comments: string } | undefined,
  generatedAt: Date,
): TabularDocument {
  const year = figures.through.slice(0, 4);
  return {
    title: `Delårsrapport per ${figures.through}`,
    ...(adoption ? {} : { subtitle: 'Utkast' }),
    organisation: { name: context.forbund.name, organisationsnummer: context.forbund.organisationsnummer },
    period: `${year}-01-01 – ${figures.through}`,
    generatedAt: generatedAt.toISOString(),
    notes: [
      ...(adoption?.comments ? adoption.comments.split(/\n{2,}/) : []),
      'Prognosen är utfallet hittills plus budgetens takt för årets återstående månader.',
      adoption ? `Antagen av styrelsen: ${adoption.decisionReference}.` : 'Ännu inte antagen av styrelsen.',
    ],
    sections: [
      ...sections('resultatrakning', figures.resultatrakning, context),
      ...sections('balansrakning', figures.balansrakning, context),
      {
        heading: 'Helårsprognos per område',
        columns: [
          { key: 'name', label: 'Område', kind: 'text' },
          { key: 'budget', label: 'Budget, kr', kind: 'money' },
          { key: 'outcomeToDate', label: 'Utfall hittills, kr', kind: 'money' },
          { key: 'forecast', label: 'Prognos helår, kr', kind: 'money' },
          { key: 'deviation', label: 'Avvikelse, kr', kind: 'money' },
        ],
        rows: figures.forecast.rows.map(({ name, budget, outcomeToDate, forecast, deviation }) => ({
          name,
          budget,
          outcomeToDate,
          forecast,
          deviation,
        })),
        totals: {
          name: 'Summa kostnader',
          budget: figures.forecast.costs.budget,
          outcomeToDate: figures.forecast.costs.outcomeToDate,
          forecast: figures.forecast.costs.forecast,
        },
      },
    ],
  };
}
