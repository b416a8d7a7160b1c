import type { Account, Voucher } from '../api/ledger-types.ts';
import { TableScroll } from '../components/table-scroll.tsx';
import { formatAmount } from '../format.ts';
import { absoluteAmount, isNegativeAmount, sumAmounts } from '../money.ts';

/** A voucher's lines as an auditor reads them: account, its name, debit and credit in their own columns. */
export function VoucherLines({ voucher, accounts }: { voucher: Voucher; accounts: Account[] }) {
  const names = new Map(accounts.map((account) => [account.number, account.name]));
  const debits = voucher.lines.map((line) => line.amount).filter((amount) => !isNegativeAmount(amount));
  const credits = voucher.lines
    .map((line) => line.amount)
    .filter(isNegativeAmount)
    .map(absoluteAmount);
  return (
    <TableScroll label="Verifikationens rader">
      <table>
        <caption className="visually-hidden">Verifikationens rader</caption>
        <thead>
          <tr>
            <th scope="col">Konto</th>
            <th scope="col">Kontonamn</th>
            <th scope="col" className="number">
              Debet
            </th>
            <th scope="col" className="number">
              Kredit
            </th>
          </tr>
        </thead>
        <tbody>
          {voucher.lines.map((line, index) => (
            // Lines have no id of their own and are never reordered: the position is the identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: a booked voucher's lines never change.
            <tr key={index}>
              <th scope="row">{line.account}</th>
              <td>{names.get(line.account) ?? 'Okänt konto'}</td>
              <td className="number">{isNegativeAmount(line.amount) ? '' : formatAmount(line.amount)}</td>
              <td className="number">
                {isNegativeAmount(line.amount) ? formatAmount(absoluteAmount(line.amount)) : ''}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Summa
            </th>
            <td className="number">{formatAmount(sumAmounts(debits) ?? '')}</td>
            <td className="number">{formatAmount(sumAmounts(credits) ?? '')}</td>
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
