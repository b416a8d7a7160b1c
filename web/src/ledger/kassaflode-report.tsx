import type { Kassaflodesanalys } from '../api/ledger-types.ts';
import { type ReportLine, ReportTable } from './report-table.tsx';

const line = (label: string, amount: string): ReportLine => ({ type: 'account', account: '', label, amount });

/** Kassaflödesanalys by the indirect method: from årets resultat to the change in likvida medel. */
export function KassaflodeReport({ report, year }: { report: Kassaflodesanalys; year: number }) {
  const {
    lopandeVerksamhet: lopande,
    investeringsverksamhet: investering,
    finansieringsverksamhet: finansiering,
  } = report;
  const amounts = [report.aretsKassaflode, report.likvidaMedelVidAretsBorjan, lopande.aretsResultat, lopande.total];
  if (amounts.every((amount) => /^-?0\.00$/.test(amount)))
    return <p className="empty">Inga in- eller utbetalningar är bokförda för {year}.</p>;
  return (
    <ReportTable
      label={`Kassaflödesanalys ${year}`}
      withAccounts={false}
      lines={[
        { type: 'heading', label: 'Den löpande verksamheten' },
        line('Årets resultat', lopande.aretsResultat),
        line('Förändring av fordringar', lopande.forandringFordringar),
        line('Förändring av kortfristiga skulder', lopande.forandringKortfristigaSkulder),
        { type: 'sum', label: 'Kassaflöde från den löpande verksamheten', amount: lopande.total },
        { type: 'heading', label: 'Investeringsverksamheten' },
        line('Förändring av anläggningstillgångar', investering.forandringAnlaggningstillgangar),
        { type: 'sum', label: 'Kassaflöde från investeringsverksamheten', amount: investering.total },
        { type: 'heading', label: 'Finansieringsverksamheten' },
        line('Förändring av långfristiga skulder', finansiering.forandringLangfristigaSkulder),
        line('Övrig förändring av eget kapital', finansiering.ovrigForandringEgetKapital),
        { type: 'sum', label: 'Kassaflöde från finansieringsverksamheten', amount: finansiering.total },
        { type: 'sum', label: 'Årets kassaflöde', amount: report.aretsKassaflode },
        line('Likvida medel vid årets början', report.likvidaMedelVidAretsBorjan),
      ]}
      total={{ label: 'Likvida medel vid årets slut', amount: report.likvidaMedelVidAretsSlut }}
    />
  );
}
