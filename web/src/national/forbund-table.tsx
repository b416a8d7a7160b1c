import { useState } from 'react';
import type { NationalAggregate } from '../api/cycle-types.ts';
import { TableScroll } from '../components/table-scroll.tsx';
import { formatAmount, formatPercent } from '../format.ts';
import {
  annualReportCompliance,
  budgetCompliance,
  complianceNames,
  dischargeState,
  dischargeStateNames,
  type SortColumn,
  type SortDirection,
  sortForbund,
  totalFrame,
} from './national-figures.ts';

const columns: [SortColumn, string, boolean][] = [
  ['name', 'Förbund', false],
  ['lan', 'Län', false],
  ['members', 'Medlemmar', true],
  ['frame', 'Ram', true],
  ['budget', 'Budget', false],
  ['annualReport', 'Årsredovisning', false],
  ['discharge', 'Ansvarsfrihet', false],
  ['equity', 'Eget kapital', true],
];

const directionNames: Record<SortDirection, string> = { ascending: 'stigande', descending: 'fallande' };

/**
 * Every förbund's published figures, sorted by any column. Each column header is a button (so a
 * keyboard sorts as well as a mouse), the sorted column carries aria-sort, and a status line says
 * how the table is sorted now.
 */
export function ForbundTable({ items, year }: { items: NationalAggregate[]; year: number }) {
  const [sort, setSort] = useState<{ column: SortColumn; direction: SortDirection }>({
    column: 'name',
    direction: 'ascending',
  });
  const sorted = sortForbund(items, sort.column, sort.direction);
  const label = `Samordningsförbund ${year}`;
  const columnName = columns.find(([column]) => column === sort.column)?.[1] ?? '';

  const sortBy = (column: SortColumn) =>
    setSort((previous) => ({
      column,
      direction: previous.column === column && previous.direction === 'ascending' ? 'descending' : 'ascending',
    }));

  return (
    <>
      <p>
        Budget: antagen senast 30 november året före. Årsredovisning: antagen senast 31 mars året efter. Ansvarsfrihet:
        beviljad av medlemmarna. Eget kapital: i procent av årets intäkter, med förbund över sin varningsnivå markerade.
      </p>
      <p role="status" className="status-inline">
        Sorterad efter {columnName.toLowerCase()}, {directionNames[sort.direction]}.
      </p>
      <TableScroll label={label}>
        <table className="sortable">
          <caption className="visually-hidden">{label}. Sortera genom att välja en kolumnrubrik.</caption>
          <thead>
            <tr>
              {columns.map(([column, name, numeric]) => {
                const active = sort.column === column;
                return (
                  <th
                    key={column}
                    scope="col"
                    className={numeric ? 'number' : undefined}
                    aria-sort={active ? sort.direction : undefined}
                  >
                    <button type="button" className="sort-button" onClick={() => sortBy(column)}>
                      {name}
                      <span className="sort-button__icon" aria-hidden="true">
                        {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.map((item) => {
              const budget = budgetCompliance(item);
              const report = annualReportCompliance(item);
              const discharge = dischargeState(item);
              return (
                <tr key={item.forbundId}>
                  <th scope="row">{item.name}</th>
                  <td>{item.lan}</td>
                  <td className="number">{item.memberCount}</td>
                  <td className="number">
                    {Object.keys(item.frameByMemberType).length > 0 ? formatAmount(totalFrame(item)) : '–'}
                  </td>
                  <td>
                    <span className={`badge badge--${budget}`}>{complianceNames[budget]}</span>
                  </td>
                  <td>
                    <span className={`badge badge--${report}`}>{complianceNames[report]}</span>
                  </td>
                  <td>
                    <span className={`badge badge--discharge-${discharge}`}>{dischargeStateNames[discharge]}</span>
                    {item.discharge && (
                      <span className="hint nowrap">
                        {' '}
                        {item.discharge.granted} av{' '}
                        {item.discharge.granted + item.discharge.refused + item.discharge.pending}
                      </span>
                    )}
                  </td>
                  <td className="number">
                    {item.egetKapitalPercentOfRevenue === undefined ? (
                      '–'
                    ) : (
                      <>
                        {formatPercent(item.egetKapitalPercentOfRevenue)}{' '}
                        {item.egetKapitalAboveWarning && (
                          <span className="badge badge--overdue warning-badge">Över varningsnivån</span>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
