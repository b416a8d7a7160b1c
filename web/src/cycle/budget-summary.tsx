import type { BudgetContribution, BudgetVersion } from '../api/cycle-types.ts';
import { TableScroll } from '../components/table-scroll.tsx';
import { formatAmount } from '../format.ts';
import { memberTypeNames, nameOf } from '../labels.ts';
import { type ReportLine, ReportTable } from '../ledger/report-table.tsx';
import { sumAmounts } from '../money.ts';
import { areaFields } from './budget-form-state.ts';

/** One budget version as the board reads it: resources, their use by area and insats, the plan. */
export function BudgetVersionView({ version }: { version: BudgetVersion }) {
  const resources = sumAmounts([version.frame, version.plannedEquityUse]) ?? version.frame;
  const uses = [...areaFields.map(([key]) => version.areas[key]), ...version.insatser.map((insats) => insats.amount)];
  const use = sumAmounts(uses) ?? '0.00';
  const difference = sumAmounts([resources, use.startsWith('-') ? use.slice(1) : `-${use}`]) ?? '0.00';
  const row = (label: string, amount: string): ReportLine => ({ type: 'account', account: '', label, amount });
  const lines: ReportLine[] = [
    { type: 'heading', label: 'Resurser' },
    row('Finansiell ram (medlemsbidrag)', version.frame),
    row('Planerad användning av eget kapital', version.plannedEquityUse),
    { type: 'sum', label: 'Summa resurser', amount: resources },
    { type: 'heading', label: 'Användning' },
    ...areaFields.map(([key, label]) => row(label, version.areas[key])),
    ...version.insatser.map((insats) => row(`Insats: ${insats.name}`, insats.amount)),
    { type: 'sum', label: 'Summa användning', amount: use },
  ];
  return (
    <>
      <ReportTable
        label={`Budget ${version.year}, version ${version.version}`}
        lines={lines}
        total={{ label: 'Resurser minus användning', amount: difference }}
        withAccounts={false}
      />
      {version.plan && (
        <>
          <h3>Verksamhetsplan</h3>
          <p className="preserve-lines">{version.plan}</p>
        </>
      )}
    </>
  );
}

/** Each member's part of a budget's frame, by the förbundsordning in force for the year. */
export function BudgetContributionsTable({
  contributions,
  label,
  memberId,
}: {
  contributions: BudgetContribution[];
  label: string;
  /** Shown alone: a member representative's own part. */
  memberId?: string;
}) {
  const rows = memberId ? contributions.filter((item) => item.memberId === memberId) : contributions;
  if (rows.length === 0) return <p className="empty">Det finns inga medlemsbidrag att visa.</p>;
  const total = memberId ? null : sumAmounts(rows.map((item) => item.amount));
  return (
    <TableScroll label={label}>
      <table>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">Medlem</th>
            <th scope="col" className="number">
              Medlemsbidrag
            </th>
            <th scope="col">Typ</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((item) => (
            <tr key={item.memberId}>
              <th scope="row">{item.name}</th>
              <td className="number">{formatAmount(item.amount)}</td>
              <td>{nameOf(memberTypeNames, item.type)}</td>
            </tr>
          ))}
        </tbody>
        {total && (
          <tfoot>
            <tr>
              <th scope="row">Summa</th>
              <td className="number">{formatAmount(total)}</td>
              <td />
            </tr>
          </tfoot>
        )}
      </table>
    </TableScroll>
  );
}
