import type { ReactNode } from 'react';
import { TableScroll } from '../components/table-scroll.tsx';
import { formatAmount, formatPercent } from '../format.ts';
import { budgetAreaNames, memberTypeNames } from '../labels.ts';
import { BarChart } from './bar-chart.tsx';
import { frameTypes, type LanSummary, percentOf, spendingAreas } from './national-figures.ts';

/** Kronor as a bar length; only the drawing uses a float, the text shows the exact amount. */
const length = (amount: string) => Number(amount);
const share = (count: number, of: number) => percentOf(`${count}.00`, `${of}.00`) ?? '0.0';

const frameTypeNames: Record<(typeof frameTypes)[number], string> = {
  ...memberTypeNames,
  region: 'Regioner',
  kommun: 'Kommuner',
};

/** The national view per län: frames by member type, costs by area, eget kapital, deadlines. */
export function LanCharts({ summaries, year }: { summaries: LanSummary[]; year: number }) {
  return (
    <>
      <BarChart
        title={`Finansiell ram per medlemstyp ${year}`}
        series={frameTypes.map((type) => frameTypeNames[type])}
        rows={summaries.map((summary) => ({
          label: summary.lan,
          values: frameTypes.map((type) => length(summary.frameByType[type])),
          valueText: formatAmount(summary.frame),
        }))}
      >
        <FigureTable
          label={`Finansiell ram per medlemstyp och län ${year}`}
          headings={[...frameTypes.map((type) => frameTypeNames[type]), 'Summa']}
          rows={summaries.map((summary) => [
            summary.lan,
            ...frameTypes.map((type) => formatAmount(summary.frameByType[type])),
            formatAmount(summary.frame),
          ])}
        />
      </BarChart>

      <BarChart
        title={`Kostnader per område ${year}`}
        series={spendingAreas.map((area) => budgetAreaNames[area] ?? area)}
        rows={summaries.map((summary) => ({
          label: summary.lan,
          values: spendingAreas.map((area) => length(summary.spendingByArea[area])),
          valueText: summary.spendingCount > 0 ? formatAmount(summary.spending) : 'Inga utfall ännu',
        }))}
      >
        <p className="hint">Kostnaderna publiceras efter bokslutet; län utan bokslut saknar utfall.</p>
        <FigureTable
          label={`Kostnader per område och län ${year}`}
          headings={[...spendingAreas.map((area) => budgetAreaNames[area] ?? area), 'Summa', 'Förbund med bokslut']}
          rows={summaries.map((summary) => [
            summary.lan,
            // A län whose förbund have no bokslut yet has no outcome: a dash, not "0,00 kr".
            ...spendingAreas.map((area) => reported(summary.spendingCount > 0, summary.spendingByArea[area])),
            reported(summary.spendingCount > 0, summary.spending),
            `${summary.spendingCount} av ${summary.forbundCount}`,
          ])}
        />
      </BarChart>

      <BarChart
        title={`Eget kapital i procent av intäkterna ${year}`}
        series={['Eget kapital av intäkter']}
        rows={summaries.map((summary) => ({
          label: summary.lan,
          values: [summary.egetKapitalPercent === null ? 0 : Number(summary.egetKapitalPercent)],
          valueText:
            summary.egetKapitalPercent === null ? 'Inte rapporterat' : formatPercent(summary.egetKapitalPercent),
          highlight: summary.aboveWarningCount > 0,
          ...(summary.aboveWarningCount > 0
            ? { note: `Varning: ${summary.aboveWarningCount} av ${summary.forbundCount} förbund över sin varningsnivå` }
            : {}),
        }))}
      >
        <p className="hint">
          Varje förbunds varningsnivå står i dess förbundsordning. Ett län med minst ett förbund över sin nivå är
          markerat.
        </p>
        <FigureTable
          label={`Eget kapital och intäkter per län ${year}`}
          headings={['Eget kapital', 'Intäkter', 'Andel', 'Över varningsnivån']}
          rows={summaries.map((summary) => [
            summary.lan,
            reported(summary.egetKapitalPercent !== null, summary.egetKapital),
            reported(summary.egetKapitalPercent !== null, summary.revenue),
            summary.egetKapitalPercent === null ? '–' : formatPercent(summary.egetKapitalPercent),
            `${summary.aboveWarningCount} av ${summary.forbundCount} förbund`,
          ])}
        />
      </BarChart>

      <BarChart
        title={`Tidsgränser ${year}: andel förbund som klarat dem`}
        series={['Budget senast 30 november', 'Årsredovisning senast 31 mars', 'Ansvarsfrihet beviljad']}
        layout="grouped"
        max={100}
        rows={summaries.map((summary) => {
          const shares = [summary.budgetOnTime, summary.annualReportOnTime, summary.dischargeGranted].map((count) =>
            share(count, summary.forbundCount),
          );
          return {
            label: summary.lan,
            values: shares.map(Number),
            valueText: shares.map(formatPercent),
          };
        })}
      >
        <FigureTable
          label={`Tidsgränser per län ${year}`}
          headings={['Förbund', 'Budget i tid', 'Årsredovisning i tid', 'Ansvarsfrihet beviljad']}
          rows={summaries.map((summary) => [
            summary.lan,
            String(summary.forbundCount),
            `${summary.budgetOnTime} av ${summary.forbundCount}`,
            `${summary.annualReportOnTime} av ${summary.forbundCount}`,
            `${summary.dischargeGranted} av ${summary.forbundCount}`,
          ])}
        />
      </BarChart>
    </>
  );
}

/** A chart's figures as a table: län in the first column, the rest right-aligned. */
function FigureTable({ label, headings, rows }: { label: string; headings: string[]; rows: ReactNode[][] }) {
  return (
    <TableScroll label={label}>
      <table>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">Län</th>
            {headings.map((heading) => (
              <th key={heading} scope="col" className="number">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([lan, ...cells]) => (
            <tr key={String(lan)}>
              <th scope="row">{lan}</th>
              {cells.map((cell, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are columns, in the headings' order.
                <td key={index} className="number">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** An amount that is reported, or "–" for one that is not (never "0,00 kr" for a figure nobody sent). */
const reported = (isReported: boolean, amount: string) => (isReported ? formatAmount(amount) : '–');
