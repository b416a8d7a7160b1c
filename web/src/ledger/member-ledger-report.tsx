import type { MemberLedger } from '../api/ledger-types.ts';
import type { Member } from '../api/types.ts';
import { TableScroll } from '../components/table-scroll.tsx';
import { formatAmount } from '../format.ts';

/**
 * The ledger per member: what each has contributed and been charged, and what it owes or is owed.
 * Net positive means the member pays at likvidavräkning, negative that it receives.
 */
export function MemberLedgerReport({
  ledgers,
  members,
  year,
}: {
  ledgers: MemberLedger[];
  members: Member[] | undefined;
  year: number;
}) {
  if (ledgers.length === 0) return <p className="empty">Inga medlemmar har konton i bokföringen för {year}.</p>;
  const names = new Map(members?.map((member) => [member.id, member.name]));
  return (
    <>
      <p>
        Netto är fordran minus skuld: ett positivt belopp betalar medlemmen vid likvidavräkningen, ett negativt får den.
      </p>
      <TableScroll label={`Per medlem ${year}`}>
        <table className="report-table">
          <caption className="visually-hidden">Bokföringen per medlem {year}</caption>
          <thead>
            <tr>
              <th scope="col">Medlem</th>
              <th scope="col" className="number">
                Medlemsbidrag
              </th>
              <th scope="col" className="number">
                Kostnader
              </th>
              <th scope="col" className="number">
                Fordran
              </th>
              <th scope="col" className="number">
                Skuld
              </th>
              <th scope="col" className="number">
                Netto
              </th>
            </tr>
          </thead>
          <tbody>
            {ledgers.map((ledger) => (
              <tr key={ledger.memberId}>
                <th scope="row">{names.get(ledger.memberId) ?? ledger.memberId}</th>
                <td className="number">{formatAmount(ledger.contributions)}</td>
                <td className="number">{formatAmount(ledger.costs)}</td>
                <td className="number">{formatAmount(ledger.receivable)}</td>
                <td className="number">{formatAmount(ledger.payable)}</td>
                <td className="number">{formatAmount(ledger.net)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
