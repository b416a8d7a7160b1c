import { useId } from 'react';
import type { Contributions } from '../api/types.ts';
import { formatAmount, formatDate, formatPercent } from '../format.ts';
import { memberTypeNames, nameOf } from '../labels.ts';
import { sumAmounts } from '../money.ts';
import { TableScroll } from './table-scroll.tsx';

export function ContributionsTable({ result, label = 'Medlemsbidrag' }: { result: Contributions; label?: string }) {
  const titleId = useId();
  if (result.items.length === 0)
    return <p className="empty">Förbundsordningen har inga medlemmar att fördela ramen på.</p>;
  // Summed here from the rows, so the total shows that the split really adds up to the frame.
  const total = sumAmounts(result.items.map((item) => item.amount));
  return (
    <>
      {/* A heading outside the table, because a caption would scroll sideways with a wide table. */}
      <h3 id={titleId}>
        Medlemsbidrag för en ram på <span className="nowrap">{formatAmount(result.frame)}</span>
        {result.effectiveFrom && (
          <>
            , enligt förbundsordningen från <span className="nowrap">{formatDate(result.effectiveFrom)}</span>
          </>
        )}
      </h3>
      <TableScroll label={label}>
        {/* The amount comes right after the name, so it stays in view on a narrow screen. */}
        <table aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">Medlem</th>
              <th scope="col" className="number">
                Medlemsbidrag
              </th>
              <th scope="col" className="number">
                Andel
              </th>
              <th scope="col">Typ</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((item) => (
              <tr key={item.memberId}>
                <th scope="row">{item.name}</th>
                <td className="number">{formatAmount(item.amount)}</td>
                <td className="number">{formatPercent(item.sharePercent)}</td>
                <td>{item.typeName ?? nameOf(memberTypeNames, item.type)}</td>
              </tr>
            ))}
          </tbody>
          {total !== null && (
            <tfoot>
              <tr>
                <th scope="row">Summa</th>
                <td className="number">{formatAmount(total)}</td>
                <td colSpan={2} />
              </tr>
            </tfoot>
          )}
        </table>
      </TableScroll>
    </>
  );
}
