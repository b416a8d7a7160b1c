import type { Balansrakning } from '../api/ledger-types.ts';
import { ReportTable, sectionLines } from './report-table.tsx';

/** Balansräkning: every amount positive on its own side; årets resultat on a line of its own. */
export function BalansrakningReport({ report, year }: { report: Balansrakning; year: number }) {
  const { tillgangar, egetKapital, skulder } = report;
  const empty =
    [
      tillgangar.anlaggningstillgangar,
      tillgangar.omsattningstillgangar,
      egetKapital,
      skulder.langfristiga,
      skulder.kortfristiga,
    ].every((section) => section.rows.length === 0) && /^-?0\.00$/.test(egetKapital.aretsResultat);
  if (empty) return <p className="empty">Inga tillgångar, skulder eller eget kapital är bokförda för {year}.</p>;
  return (
    <ReportTable
      label={`Balansräkning ${year}-12-31`}
      lines={[
        ...sectionLines('Anläggningstillgångar', tillgangar.anlaggningstillgangar, 'Summa anläggningstillgångar'),
        ...sectionLines('Omsättningstillgångar', tillgangar.omsattningstillgangar, 'Summa omsättningstillgångar'),
        { type: 'sum', label: 'Summa tillgångar', amount: tillgangar.total },
        { type: 'heading', label: 'Eget kapital' },
        ...egetKapital.rows.map((row) => ({
          type: 'account' as const,
          account: row.account,
          label: row.name,
          amount: row.amount,
        })),
        { type: 'account', account: '', label: 'Årets resultat', amount: egetKapital.aretsResultat },
        { type: 'sum', label: 'Summa eget kapital', amount: egetKapital.total },
        ...sectionLines('Långfristiga skulder', skulder.langfristiga, 'Summa långfristiga skulder'),
        ...sectionLines('Kortfristiga skulder', skulder.kortfristiga, 'Summa kortfristiga skulder'),
        { type: 'sum', label: 'Summa skulder', amount: skulder.total },
      ]}
      total={{ label: 'Summa eget kapital och skulder', amount: report.egetKapitalOchSkulder }}
    />
  );
}
