import { useId, useState } from 'react';
import type { Voucher } from '../api/ledger-types.ts';
import { TableScroll } from '../components/table-scroll.tsx';
import { formatAmount, formatDate } from '../format.ts';
import { nameOf, voucherBasisNames } from '../labels.ts';
import { sumAmounts } from '../money.ts';
import { Link } from '../router.tsx';
import { voucherLabel, voucherPath } from './ledger-paths.ts';

/** A voucher's size: its debit side, which equals its credit side. */
const debitTotal = (voucher: Voucher) =>
  sumAmounts(voucher.lines.map((line) => line.amount).filter((amount) => !amount.startsWith('-'))) ?? '';

/**
 * The vouchers loaded so far, with a search in their text. The search runs over what is loaded,
 * not the whole year: the API lists by number, and a year is read page by page ("Visa fler").
 */
export function VoucherTable({ forbundId, vouchers }: { forbundId: string; vouchers: Voucher[] }) {
  const [search, setSearch] = useState('');
  const searchId = useId();
  const needle = search.trim().toLocaleLowerCase('sv');
  const shown = needle
    ? vouchers.filter((voucher) =>
        `${voucherLabel(voucher)} ${voucher.text} ${voucher.basis?.reference ?? ''}`
          .toLocaleLowerCase('sv')
          .includes(needle),
      )
    : vouchers;

  return (
    <>
      <div className="field search-field no-print">
        <label htmlFor={searchId}>Sök bland de visade verifikationerna</label>
        <input
          id={searchId}
          type="search"
          autoComplete="off"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      <p role="status" className="status-inline">
        {needle ? `${shown.length} av ${vouchers.length} visade verifikationer matchar sökningen.` : ''}
      </p>
      {shown.length === 0 ? (
        <p className="empty">Ingen av de visade verifikationerna matchar ”{search.trim()}”.</p>
      ) : (
        <TableScroll label="Verifikationer">
          <table>
            <caption className="visually-hidden">Verifikationer i nummerordning per serie</caption>
            <thead>
              <tr>
                <th scope="col">Verifikation</th>
                <th scope="col">Datum</th>
                <th scope="col">Text</th>
                <th scope="col" className="number">
                  Belopp
                </th>
                <th scope="col">Underlag</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((voucher) => (
                <tr key={`${voucher.series}-${voucher.number}`}>
                  <th scope="row">
                    <Link to={voucherPath(forbundId, voucher)}>{voucherLabel(voucher)}</Link>
                  </th>
                  <td className="nowrap">{formatDate(voucher.date)}</td>
                  <td>{voucher.text}</td>
                  <td className="number">{formatAmount(debitTotal(voucher))}</td>
                  <td>
                    {voucher.basis
                      ? `${nameOf(voucherBasisNames, voucher.basis.kind)}: ${voucher.basis.reference}`
                      : '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
