import type { TabularDocument } from '@finsam/documents';

/** A stored avräkning statement, as the economy produced it (packages/domain/src/economy/avrakning.ts). */
export type Statement = Record<string, unknown> & { lines: { text: string; amount: string; dueDate?: string }[] };

/** A member's avräkningsbesked for one month, laid out for print. */
export function statementDocument(
  forbund: { name: string; organisationsnummer: string },
  memberName: string,
  statement: Statement,
  period: string,
  now: Date,
): TabularDocument {
  return {
    title: `Avräkningsbesked ${period}`,
    subtitle: memberName,
    organisation: { name: forbund.name, organisationsnummer: forbund.organisationsnummer },
    period,
    generatedAt: now.toISOString(),
    sections: [
      {
        heading: 'Avräkning',
        columns: [
          { key: 'text', label: 'Post', kind: 'text' },
          { key: 'dueDate', label: 'Förfaller', kind: 'date' },
          { key: 'amount', label: 'Belopp, kr', kind: 'money' },
        ],
        rows: statement.lines.map((line) => ({
          text: line.text,
          dueDate: line.dueDate ?? '',
          amount: line.amount,
        })),
        totals: { text: 'Netto', amount: String(statement.net) },
      },
    ],
    notes: [
      'Positivt belopp: medlemmen är skyldig förbundet. Negativt: förbundet är skyldigt medlemmen.',
      statement.settlement === 'carried'
        ? `Beloppet förs på medlemmens konto och regleras vid likvidavräkningen (${String(statement.carried)} kr).`
        : `Att betala: ${String(statement.amountToPay)} kr. Att få: ${String(statement.amountToReceive)} kr.`,
      statement.complete
        ? 'Beskedet är slutligt för månaden.'
        : 'Preliminärt: medlemmens kostnader för månaden är inte inrapporterade.',
    ],
  };
}
