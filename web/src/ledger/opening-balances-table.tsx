import type { Account } from '../api/ledger-types.ts';
import { TableScroll } from '../components/table-scroll.tsx';
import { formatAmount } from '../format.ts';
import { absoluteAmount, isNegativeAmount, sumAmounts } from '../money.ts';

/** A year's ingående balanser as an auditor reads them: account, its name from the kontoplan, debit and credit. */
export function OpeningBalancesTable({
  balances,
  accounts,
  year,
}: {
  balances: Record<string, string>;
  accounts: Account[];
  year: number;
}) {
  const names = new Map(accounts.map((account) => [account.number, account.name]));
  const rows = Object.entries(balances).sort(([a], [b]) => a.localeCompare(b));
  if (rows.length === 0) return <p className="empty">Alla konton börjar {year} på noll.</p>;
  const amounts = rows.map(([, amount]) => amount);
  const debit = sumAmounts(amounts.filter((amount) => !isNegativeAmount(amount))) ?? '';
  const credit = sumAmounts(amounts.filter(isNegativeAmount).map(absoluteAmount)) ?? '';
  const label = `Ingående balanser ${year}`;
  return (
    <TableScroll label={label}>
      <table className="report-table">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">Konto</th>
            <th scope="col">Benämning</th>
            <th scope="col" className="number">
              Debet
            </th>
            <th scope="col" className="number">
              Kredit
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([account, amount]) => (
            <tr key={account}>
              <td>{account}</td>
              <th scope="row">{names.get(account) ?? 'Okänt konto'}</th>
              <td className="number nowrap">{isNegativeAmount(amount) ? '' : formatAmount(amount)}</td>
              <td className="number nowrap">{isNegativeAmount(amount) ? formatAmount(absoluteAmount(amount)) : ''}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <th scope="row">Summa</th>
            <td className="number nowrap">{formatAmount(debit)}</td>
            <td className="number nowrap">{formatAmount(credit)}</td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
