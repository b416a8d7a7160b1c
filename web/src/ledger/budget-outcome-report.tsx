import type { BudgetReport } from '../api/ledger-types.ts';
import { TableScroll } from '../components/table-scroll.tsx';
import { formatAmount, formatPercent } from '../format.ts';
import { BarChart } from '../national/bar-chart.tsx';

/**
 * Budget against outcome per area of the verksamhetsplan: a bar chart of budget and outcome per
 * area, with the table under it as the chart's text alternative (every figure, also in print).
 */
export function BudgetOutcomeReport({ report, year }: { report: BudgetReport; year: number }) {
  if (report.adoptedBudgetVersion === null)
    return (
      <p className="empty">
        Ingen budget är antagen för {year}. Jämförelsen med utfallet visas när styrelsen har antagit budgeten.
      </p>
    );
  const label = `Budget mot utfall ${year}`;
  return (
    <>
      <p>Jämförs med antagen budget, version {report.adoptedBudgetVersion}.</p>
      <BarChart
        title={`Budget och utfall per område ${year}`}
        series={['Budget', 'Utfall']}
        layout="grouped"
        rows={report.rows.map((row) => ({
          label: row.name,
          values: [Number(row.budget), Number(row.outcome)],
          valueText: [formatAmount(row.budget), formatAmount(row.outcome)],
          highlight: Number(row.deviation) < 0,
          note: Number(row.deviation) < 0 ? 'Utfallet är över budget.' : undefined,
        }))}
      >
        <TableScroll label={label}>
          <table>
            <caption className="visually-hidden">{label}</caption>
            <thead>
              <tr>
                <th scope="col">Område</th>
                <th scope="col" className="number">
                  Budget
                </th>
                <th scope="col" className="number">
                  Utfall
                </th>
                <th scope="col" className="number">
                  Avvikelse
                </th>
                <th scope="col" className="number">
                  Förbrukat
                </th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => (
                <tr key={row.area}>
                  <th scope="row">{row.name}</th>
                  <td className="number">{formatAmount(row.budget)}</td>
                  <td className="number">{formatAmount(row.outcome)}</td>
                  <td className="number">{formatAmount(row.deviation)}</td>
                  <td className="number">{row.usedPercent === null ? '–' : formatPercent(row.usedPercent)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Summa</th>
                <td className="number">{formatAmount(report.total.budget)}</td>
                <td className="number">{formatAmount(report.total.outcome)}</td>
                <td className="number">{formatAmount(report.total.deviation)}</td>
                <td className="number">
                  {report.total.usedPercent === null ? '–' : formatPercent(report.total.usedPercent)}
                </td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      </BarChart>
      <p className="hint">Avvikelse är budget minus utfall: ett positivt belopp är pengar kvar.</p>
    </>
  );
}
