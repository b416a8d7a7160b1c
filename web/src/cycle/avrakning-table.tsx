import type { AvrakningRun, AvrakningStatement } from '../api/cycle-types.ts';
import { TableScroll } from '../components/table-scroll.tsx';
import { formatAmount, formatMonth } from '../format.ts';
import { sumAmounts } from '../money.ts';

/** The settlement kinds of a statement, in words. */
const settlementNames: Record<AvrakningStatement['settlement'], string> = {
  cash: 'Betalas',
  carried: 'Förs på medlemmens konto till likvidavräkningen',
};

/**
 * One member's monthly avräkningsbesked for a year: what it pays or receives, when, the lines
 * behind it, payments in the month, and the balance before and after (each month opens where
 * the one before closed). A member representative gets only its own statements from
 * the API; `memberId` picks them out for everyone else.
 */
export function AvrakningTable({ runs, memberId, year }: { runs: AvrakningRun[]; memberId: string; year: number }) {
  const statements = runs
    .map((run) => run.statements.find((statement) => statement.memberId === memberId))
    .filter((statement): statement is AvrakningStatement => statement !== undefined)
    .sort((a, b) => a.month - b.month);
  if (statements.length === 0)
    return (
      <p className="empty">
        Ingen månadsavräkning är gjord för {year} ännu. Den första görs när januari {year} har börjat och budgeten är
        antagen.
      </p>
    );
  const toPay = sumAmounts(statements.map((statement) => statement.amountToPay));
  const toReceive = sumAmounts(statements.map((statement) => statement.amountToReceive));
  const label = `Avräkningar ${year}`;
  return (
    <TableScroll label={label}>
      <table>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">Månad</th>
            <th scope="col" className="number">
              Att betala
            </th>
            <th scope="col" className="number">
              Att få
            </th>
            <th scope="col">Förfaller</th>
            <th scope="col" className="number">
              Saldo före
            </th>
            <th scope="col">Poster</th>
            <th scope="col" className="number">
              Saldo efter
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {statements.map((statement) => (
            <tr key={statement.key}>
              <th scope="row" className="nowrap">
                {capitalised(formatMonth(statement.month))}
              </th>
              <td className="number">{formatAmount(statement.amountToPay)}</td>
              <td className="number">{formatAmount(statement.amountToReceive)}</td>
              <td className="nowrap">{statement.paymentDueDate ?? '–'}</td>
              <td className="number">{formatAmount(statement.balanceBefore)}</td>
              <td>
                <ul className="plain-list">
                  {statement.lines.map((line) => (
                    <li key={line.text}>
                      {line.text}: <span className="nowrap">{formatAmount(line.amount)}</span>
                    </li>
                  ))}
                  {statement.otherMovements.map((movement) => (
                    <li key={`${movement.date}-${movement.text}-${movement.amount}`}>
                      {movement.date} {movement.text}: <span className="nowrap">{formatAmount(movement.amount)}</span>
                    </li>
                  ))}
                </ul>
                <span className="hint">{settlementNames[statement.settlement]}</span>
              </td>
              <td className="number">{formatAmount(statement.balanceAfter)}</td>
              <td>
                {statement.complete ? (
                  <span className="badge badge--done">Klar</span>
                ) : (
                  <span className="badge badge--waiting">Väntar på kostnader</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        {toPay !== null && toReceive !== null && (
          <tfoot>
            <tr>
              <th scope="row">Summa</th>
              <td className="number">{formatAmount(toPay)}</td>
              <td className="number">{formatAmount(toReceive)}</td>
              <td colSpan={5} />
            </tr>
          </tfoot>
        )}
      </table>
    </TableScroll>
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
