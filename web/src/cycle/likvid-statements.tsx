import { downloadLikvidStatement } from '../api/cycle-endpoints.ts';
import type { ClosingYear } from '../api/cycle-types.ts';
import { type Download, DownloadButtons } from '../components/download-buttons.tsx';
import { TableScroll } from '../components/table-scroll.tsx';
import { formatAmount } from '../format.ts';
import { likvidHeadingNames, nameOf } from '../labels.ts';
import { isNegativeAmount } from '../money.ts';

type Likvid = ClosingYear['likvidavrakning'][number];

/**
 * Each likvidavräkning the year has had (at bokslut and/or after ansvarsfrihet): per member the
 * balance at year end, the interest, what it pays or gets and by when, and its settlement PDF.
 */
export function LikvidStatements({
  forbundId,
  year,
  likvid,
  memberNames,
}: {
  forbundId: string;
  year: number;
  likvid: Likvid[];
  memberNames: ReadonlyMap<string, string>;
}) {
  const issued = likvid.filter((entry) => entry.statements.length > 0);
  if (issued.length === 0) return <p className="empty">Ingen likvidavräkning är gjord för {year} ännu.</p>;
  return (
    <>
      {issued.map((entry) => (
        <LikvidTable key={entry.timing} forbundId={forbundId} year={year} likvid={entry} memberNames={memberNames} />
      ))}
    </>
  );
}

function LikvidTable({
  forbundId,
  year,
  likvid,
  memberNames,
}: {
  forbundId: string;
  year: number;
  likvid: Likvid;
  memberNames: ReadonlyMap<string, string>;
}) {
  const heading = `${nameOf(likvidHeadingNames, likvid.timing)} ${year}`;
  const nameFor = (memberId: string) => memberNames.get(memberId) ?? 'Okänd medlem';
  const downloads: Download[] = likvid.statements.map((statement) => ({
    label: `likvidavräkningen ${year} för ${nameFor(statement.memberId)} som PDF`,
    fetch: (onProgress) => downloadLikvidStatement(forbundId, year, statement.memberId, onProgress),
    fallbackName: `likvidavrakning-${year}-${statement.memberId}.pdf`,
  }));
  return (
    <>
      <h3>{heading}</h3>
      <p>Gjord {likvid.settlementDate}. Ett positivt belopp betalar medlemmen till förbundet, ett negativt får den.</p>
      <TableScroll label={heading}>
        <table>
          <caption className="visually-hidden">{heading}</caption>
          <thead>
            <tr>
              <th scope="col">Medlem</th>
              <th scope="col" className="number">
                Saldo vid årets slut
              </th>
              <th scope="col" className="number">
                Ränta
              </th>
              <th scope="col" className="number">
                Att betala
              </th>
              <th scope="col" className="number">
                Att få
              </th>
              <th scope="col">Förfallodag</th>
            </tr>
          </thead>
          <tbody>
            {likvid.statements.map((statement) => (
              <tr key={statement.memberId}>
                <th scope="row">{nameFor(statement.memberId)}</th>
                <td className="number nowrap">{formatAmount(statement.closingBalance)}</td>
                <td className="number nowrap">{formatAmount(statement.interest)}</td>
                <td className="number nowrap">
                  {isNegativeAmount(statement.amount) ? '' : formatAmount(statement.amountToPay)}
                </td>
                <td className="number nowrap">
                  {isNegativeAmount(statement.amount) ? formatAmount(statement.amountToReceive) : ''}
                </td>
                <td className="nowrap">{statement.dueDate}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <DownloadButtons downloads={downloads} compact />
    </>
  );
}
