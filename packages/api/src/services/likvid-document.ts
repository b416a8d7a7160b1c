import type { TabularDocument } from '@finsam/documents';
import { formatKronor, type LikvidavrakningStatement, notFound, type Principal, parseMoney } from '@finsam/domain';
import type { Stores } from '@finsam/store';

const interestMethodText: Record<LikvidavrakningStatement['interestMethod'], string> = {
  'average-monthly-balance': 'på genomsnittet av årets tolv månadsslutssaldon',
  'daily-balance': 'på saldot dag för dag',
  none: 'ingen ränta enligt förbundsordningen',
};

/** The member's likvidavräkning of the year as issued (at bokslut or after ansvarsfrihet). */
export async function likvidStatement(
  stores: Stores,
  principal: Principal,
  forbundId: string,
  year: number,
  memberId: string,
): Promise<LikvidavrakningStatement> {
  for (const timing of ['at-bokslut', 'after-discharge'] as const) {
    const record = await stores.avrakning.likvid(principal, forbundId, year, timing);
    const statement = record?.statements.find((s) => s.memberId === memberId);
    if (statement) return statement as unknown as LikvidavrakningStatement;
  }
  throw notFound(`Likvidavräkningen för ${year} finns inte för medlemmen.`);
}

/**
 * The settlement document sent to each member (DOMAIN.md §3): "Likvidavräkning <år>" with the
 * opening balance, the year's movements, the interest, the amount to pay or receive and its due
 * date, so the member's controller can book it and pay it against its own ledger.
 */
export function likvidDocument(
  forbund: { name: string; organisationsnummer: string },
  member: { name: string; organisationsnummer?: string },
  statement: LikvidavrakningStatement,
  now: Date,
): TabularDocument {
  const amount = parseMoney(statement.amount);
  const kr = (value: string) => formatKronor(parseMoney(value));
  const movements = [
    { date: `${statement.year}-01-01`, text: 'Ingående saldo', amount: statement.openingBalance },
    ...statement.movements.map((movement) => ({ ...movement })),
  ];
  const columns = [
    { key: 'date', label: 'Datum', kind: 'date' },
    { key: 'text', label: 'Händelse', kind: 'text' },
    { key: 'amount', label: 'Belopp, kr', kind: 'money' },
  ] as const;
  const due = amount.isZero()
    ? 'Inget att betala: mellanhavandet är noll.'
    : amount.isNegative()
      ? `Förbundet betalar ${kr(statement.amountToReceive)} till ${member.name} senast ${statement.dueDate}.`
      : `${member.name} betalar ${kr(statement.amountToPay)} till ${forbund.name} senast ${statement.dueDate}.`;
  return {
    title: `Likvidavräkning ${statement.year}`,
    subtitle: member.organisationsnummer ? `${member.name} (${member.organisationsnummer})` : member.name,
    organisation: { name: forbund.name, organisationsnummer: forbund.organisationsnummer },
    period: `${statement.year}-01-01 – ${statement.year}-12-31`,
    generatedAt: now.toISOString(),
    sections: [
      {
        heading: 'Mellanhavande under året',
        columns: [...columns],
        rows: movements,
        totals: {
          date: `${statement.year}-12-31`,
          text: 'Saldo vid årets slut före ränta',
          amount: statement.closingBalance,
        },
      },
      {
        heading: 'Likvidavräkning',
        columns: [
          { key: 'text', label: 'Post', kind: 'text' },
          { key: 'amount', label: 'Belopp, kr', kind: 'money' },
        ],
        rows: [
          { text: 'Ingående saldo', amount: statement.openingBalance },
          { text: 'Saldo vid årets slut före ränta', amount: statement.closingBalance },
          {
            text: `Ränta ${statement.annualInterestRatePercent.replace('.', ',')} % ${interestMethodText[statement.interestMethod]}`,
            amount: statement.interest,
          },
          { text: 'Att betala till förbundet', amount: statement.amountToPay },
          { text: 'Att få från förbundet', amount: statement.amountToReceive },
        ],
        totals: { text: `Att reglera, förfaller ${statement.dueDate}`, amount: statement.amount },
      },
    ],
    notes: [
      due,
      'Positivt belopp: medlemmen är skyldig förbundet. Negativt: förbundet är skyldigt medlemmen.',
      ...(statement.averageBalance
        ? [`Räntan är beräknad på ett genomsnittligt saldo av ${kr(statement.averageBalance)}.`]
        : []),
      `Ange ”Likvidavräkning ${statement.year}, ${member.name}” som meddelande vid betalning.`,
      `Utfärdad ${statement.settlementDate}. Förfallodagen är en bankdag.`,
    ],
  };
}
