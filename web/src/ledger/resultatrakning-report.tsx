import type { Resultatrakning } from '../api/ledger-types.ts';
import { ReportTable, sectionLines } from './report-table.tsx';

/** Resultaträkning in the kommunal form: intäkter positive, kostnader negative, per area of the budget. */
export function ResultatrakningReport({ report, year }: { report: Resultatrakning; year: number }) {
  const sections = [
    report.verksamhetensIntakter,
    ...report.verksamhetensKostnader.areas,
    report.finansiellaIntakter,
    report.finansiellaKostnader,
  ];
  if (sections.every((section) => section.rows.length === 0))
    return <p className="empty">Inga intäkter eller kostnader är bokförda för {year}.</p>;
  return (
    <ReportTable
      label={`Resultaträkning ${year}`}
      lines={[
        ...sectionLines('Verksamhetens intäkter', report.verksamhetensIntakter, 'Summa verksamhetens intäkter'),
        { type: 'heading', label: 'Verksamhetens kostnader' },
        ...report.verksamhetensKostnader.areas
          .filter((area) => area.rows.length > 0)
          .flatMap((area) => [
            ...area.rows.map((row) => ({
              type: 'account' as const,
              account: row.account,
              label: row.name,
              amount: row.amount,
            })),
            { type: 'sum' as const, label: `Summa ${area.name.toLocaleLowerCase('sv')}`, amount: area.total },
          ]),
        { type: 'sum', label: 'Summa verksamhetens kostnader', amount: report.verksamhetensKostnader.total },
        { type: 'sum', label: 'Verksamhetens nettokostnader', amount: report.verksamhetensNettokostnader },
        ...sectionLines('Finansiella intäkter', report.finansiellaIntakter, 'Summa finansiella intäkter'),
        ...sectionLines('Finansiella kostnader', report.finansiellaKostnader, 'Summa finansiella kostnader'),
      ]}
      total={{ label: 'Årets resultat', amount: report.aretsResultat }}
    />
  );
}
