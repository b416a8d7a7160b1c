import { chainedRuns } from '@finsam/cycle';
import type { TabularDocument } from '@finsam/documents';
import type { ChainedStatement, Principal } from '@finsam/domain';
import type { Stores } from '@finsam/store';

/** A member's statement of one month with its balances from the ledger (domain statement-chain.ts). */
export type Statement = ChainedStatement;

/** The member's statement of the month, chained to the ledger as it stands now; undefined if none. */
export async function chainedStatement(
  stores: Stores,
  principal: Principal,
  forbundId: string,
  year: number,
  month: number,
  memberId: string,
  now: Date,
): Promise<Statement | undefined> {
  const run = await stores.avrakning.run(principal, forbundId, year, month);
  if (!run?.statements.some((candidate) => candidate.memberId === memberId)) return undefined;
  const [chained] = await chainedRuns(stores, principal, forbundId, year, [run], now);
  return chained?.statements.find((candidate) => candidate.memberId === memberId);
}

/**
 * A member's avräkningsbesked for one month, laid out for print: the balance the month opened
 * with, the month's avräkning, what else moved on the member's accounts (payments), and the
 * balance it closed with, so the member's controller can tie one besked to the next.
 */
export function statementDocument(
  forbund: { name: string; organisationsnummer: string },
  memberName: string,
  statement: Statement,
  period: string,
  now: Date,
): TabularDocument {
  const columns = [
    { key: 'text', label: 'Post', kind: 'text' },
    { key: 'dueDate', label: 'Förfaller', kind: 'date' },
    { key: 'amount', label: 'Belopp, kr', kind: 'money' },
  ] as const;
  const sections: TabularDocument['sections'] = [
    {
      heading: 'Avräkning',
      columns: [...columns],
      rows: [
        { text: 'Saldo vid månadens början', dueDate: '', amount: statement.balanceBefore },
        ...statement.lines.map((line) => ({ text: line.text, dueDate: line.dueDate ?? '', amount: line.amount })),
      ],
      totals: { text: 'Månadens avräkning, netto', dueDate: '', amount: statement.net },
    },
  ];
  if (statement.otherMovements.length > 0)
    sections.push({
      heading: 'Övriga händelser under månaden',
      columns: [
        { key: 'date', label: 'Datum', kind: 'date' },
        { key: 'text', label: 'Händelse', kind: 'text' },
        { key: 'amount', label: 'Belopp, kr', kind: 'money' },
      ],
      rows: statement.otherMovements.map((movement) => ({ ...movement })),
    });
  sections.push({
    heading: 'Saldo',
    columns: [...columns],
    rows: [],
    totals: { text: 'Saldo vid månadens slut', dueDate: '', amount: statement.balanceAfter },
  });
  return {
    title: `Avräkningsbesked ${period}`,
    subtitle: memberName,
    organisation: { name: forbund.name, organisationsnummer: forbund.organisationsnummer },
    period,
    generatedAt: now.toISOString(),
    sections,
    notes: [
      'Positivt belopp: medlemmen är skyldig förbundet. Negativt: förbundet är skyldigt medlemmen.',
      'Saldot är medlemmens mellanhavande med förbundet enligt förbundets bokföring vid månadens slut.',
      statement.settlement === 'carried'
        ? `Beloppet förs på medlemmens konto och regleras vid likvidavräkningen (${statement.carried} kr).`
        : `Att betala: ${statement.amountToPay} kr. Att få: ${statement.amountToReceive} kr.`,
      statement.complete
        ? 'Beskedet är slutligt för månaden.'
        : 'Preliminärt: medlemmens kostnader för månaden är inte inrapporterade.',
    ],
  };
}
