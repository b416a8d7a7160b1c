import { Fragment } from 'react';
import type { ReportSection } from '../api/ledger-types.ts';
import { TableScroll } from '../components/table-scroll.tsx';
import { formatAmount } from '../format.ts';

/** One line of a printed-style report: a group heading, an account, or a sum. */
export type ReportLine =
  | { type: 'heading'; label: string }
  | { type: 'account'; account: string; label: string; amount: string }
  | { type: 'sum'; label: string; amount: string };

/** A section's accounts followed by its sum, as resultaträkning and balansräkning print them. */
export function sectionLines(heading: string, section: ReportSection, sumLabel: string): ReportLine[] {
  return [
    { type: 'heading', label: heading },
    ...section.rows.map((row) => ({
      type: 'account' as const,
      account: row.account,
      label: row.name,
      amount: row.amount,
    })),
    { type: 'sum', label: sumLabel, amount: section.total },
  ];
}

interface Props {
  label: string;
  lines: ReportLine[];
  total: { label: string; amount: string };
  /** The kassaflödesanalys has no accounts, only its own lines. */
  withAccounts?: boolean;
}

/** The shared layout of the year's reports: amounts right-aligned in one column, the total last. */
export function ReportTable({ label, lines, total, withAccounts = true }: Props) {
  const columns = withAccounts ? 3 : 2;
  return (
    <TableScroll label={label}>
      <table className="report-table">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            {withAccounts && <th scope="col">Konto</th>}
            <th scope="col">Post</th>
            <th scope="col" className="number">
              Belopp
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => (
            // Report lines have no identity beyond their place; the list is replaced whole.
            // biome-ignore lint/suspicious/noArrayIndexKey: lines are never reordered.
            <Fragment key={index}>
              {line.type === 'heading' && (
                <tr className="report-table__heading">
                  <th colSpan={columns}>{line.label}</th>
                </tr>
              )}
              {line.type === 'account' && (
                <tr>
                  {withAccounts && <td>{line.account}</td>}
                  <th scope="row">{line.label}</th>
                  <td className="number">{formatAmount(line.amount)}</td>
                </tr>
              )}
              {line.type === 'sum' && (
                <tr className="report-table__sum">
                  {withAccounts && <td />}
                  <th scope="row">{line.label}</th>
                  <td className="number">{formatAmount(line.amount)}</td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
        <tfoot>
          <tr>
            {withAccounts && <td />}
            <th scope="row">{total.label}</th>
            <td className="number">{formatAmount(total.amount)}</td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
