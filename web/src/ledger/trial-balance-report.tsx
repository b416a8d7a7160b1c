import type { TrialBalance } from '../api/ledger-types.ts';
import { TableScroll } from '../components/table-scroll.tsx';
import { formatAmount } from '../format.ts';

/** Råbalans: every account with a balance or a movement; debit equals credit and the closing sum is zero. */
export function TrialBalanceReport({ report, year }: { report: TrialBalance; year: number }) {
  if (report.rows.length === 0) return <p className="empty">Inga konton har saldo eller rörelser för {year}.</p>;
  const { totals } = report;
  return (
    <TableScroll label={`Råbalans ${year}`}>
      <table className="report-table">
        <caption className="visually-hidden">Råbalans {year}</caption>
        <thead>
          <tr>
            <th scope="col">Konto</th>
            <th scope="col">Benämning</th>
            <th scope="col" className="number">
              Ingående balans
            </th>
            <th scope="col" className="number">
              Debet
            </th>
            <th scope="col" className="number">
              Kredit
            </th>
            <th scope="col" className="number">
              Utgående balans
            </th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.account}>
              <td>{row.account}</td>
              <th scope="row">{row.name}</th>
              <td className="number">{formatAmount(row.opening)}</td>
              <td className="number">{formatAmount(row.debit)}</td>
              <td className="number">{formatAmount(row.credit)}</td>
              <td className="number">{formatAmount(row.closing)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <th scope="row">Summa</th>
            <td className="number">{formatAmount(totals.opening)}</td>
            <td className="number">{formatAmount(totals.debit)}</td>
            <td className="number">{formatAmount(totals.credit)}</td>
            <td className="number">{formatAmount(totals.closing)}</td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
