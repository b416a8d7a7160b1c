import type { PeriodLock, Periods } from '../api/ledger-types.ts';
import { TableScroll } from '../components/table-scroll.tsx';
import { formatDateTime, formatMonth } from '../format.ts';

export const monthsOf = (year: number) =>
  Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`);

/** "2026-03" → "Mars 2026", or "Mars" where the year is already said. */
export function monthName(period: string, withYear = true): string {
  const name = formatMonth(Number(period.slice(5, 7)));
  const month = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  return withYear ? `${month} ${period.slice(0, 4)}` : month;
}

/** The lock that closes a month: its own, or the whole year's. */
function lockOf(periods: Periods, month: string): PeriodLock | undefined {
  return (
    periods.locks.find((lock) => lock.period === month) ??
    periods.locks.find((lock) => lock.period === String(periods.year))
  );
}

/** Every month of the year, open or locked, with who locked it, when and why. */
export function PeriodTable({ periods }: { periods: Periods }) {
  return (
    <TableScroll label={`Perioder ${periods.year}`}>
      <table>
        <caption className="visually-hidden">Månaderna {periods.year} och deras låsning</caption>
        <thead>
          <tr>
            <th scope="col">Månad</th>
            <th scope="col">Status</th>
            <th scope="col">Låst</th>
            <th scope="col">Låst av</th>
            <th scope="col">Skäl</th>
          </tr>
        </thead>
        <tbody>
          {monthsOf(periods.year).map((month) => {
            const locked = periods.yearLocked || periods.lockedMonths.includes(month);
            const lock = locked ? lockOf(periods, month) : undefined;
            return (
              <tr key={month}>
                <th scope="row">{monthName(month, false)}</th>
                <td>{locked ? (lock?.period.length === 4 ? 'Låst (hela året)' : 'Låst') : 'Öppen'}</td>
                <td className="nowrap">{lock ? formatDateTime(lock.at) : '–'}</td>
                <td>{lock?.by ?? '–'}</td>
                <td>{lock?.reason ?? '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
