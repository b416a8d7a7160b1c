import type { CharterSettings } from '../api/types.ts';
import { formatList, formatMonthDay, formatPercent } from '../format.ts';
import { dayCountNames, interestMethodNames, likvidTimingNames, nameOf, termStartNames } from '../labels.ts';
import { Facts } from './facts.tsx';

/** Likvidavräkning, styrelse, delegation, tidsfrister and eget kapital of the förbundsordning. */
export function CharterGovernanceView({ settings }: { settings: CharterSettings }) {
  const { likvidavrakning: likvid, board, delegation, deadlines } = settings;
  const basbelopp = (value: string) => `${value.replace('.', ',')} prisbasbelopp`;
  return (
    <>
      <h3>Likvidavräkning</h3>
      <Facts
        rows={[
          ['Tidpunkt', nameOf(likvidTimingNames, likvid.timing)],
          ['Ränta', nameOf(interestMethodNames, likvid.interestMethod)],
          likvid.interestMethod !== 'none' && ['Räntesats per år', formatPercent(likvid.annualInterestRatePercent)],
          likvid.interestMethod !== 'none' && ['Dagräkning', nameOf(dayCountNames, likvid.dayCount)],
        ]}
      />

      <h3>Styrelse</h3>
      <Facts
        rows={[
          ['Ledamöter per medlem', `${board.ledamoterPerMember}, och lika många ersättare`],
          ['Vice ordförande', String(board.viceChairs)],
          ['Mandatperioden börjar', nameOf(termStartNames, board.termStart)],
          ['Mandatperiodens längd', `${board.termYears} år`],
          [
            'Beslutförhet',
            board.quorumAllMembersPresent
              ? 'Alla medlemmar ska vara företrädda'
              : 'Alla medlemmar behöver inte vara företrädda',
          ],
        ]}
      />

      <h3>Delegation och attest</h3>
      <Facts
        rows={[
          ['Avrop', `Högst ${basbelopp(delegation.callOffLimitBasbelopp)}`],
          ['Direktupphandling', `Högst ${basbelopp(delegation.directPurchaseLimitBasbelopp)}`],
          ['Förbundschefens attesträtt', `Högst ${basbelopp(delegation.executiveAttestLimitBasbelopp)}`],
        ]}
      />

      <h3>Tidsfrister</h3>
      <Facts
        rows={[
          ['Medlemmarnas samrådssvar', `Senast ${formatMonthDay(deadlines.samradAnswer)}`],
          ['Budgeten antas', `Senast ${formatMonthDay(deadlines.budgetAdoption)} året före budgetåret`],
          ['Årsredovisningen', `Senast ${formatMonthDay(deadlines.annualReport)} året efter`],
          [
            'Delårsrapporter',
            deadlines.interimReports.length > 0 ? formatList(deadlines.interimReports.map(formatMonthDay)) : 'Inga',
          ],
          ...(deadlines.interimReports.length > 0
            ? [
                ['Delårsrapporten antas', `Senast ${deadlines.interimReportDueDays} dagar efter periodens slut`] as [
                  string,
                  string,
                ],
              ]
            : []),
          [
            'Påminnelser',
            deadlines.reminderDaysBefore.length > 0
              ? `${formatList(deadlines.reminderDaysBefore.map(String))} dagar före`
              : 'Inga',
          ],
        ]}
      />

      <h3>Eget kapital</h3>
      <Facts
        rows={[
          ['Varning när eget kapital överstiger', `${formatPercent(settings.equityWarningPercent)} av årets intäkter`],
        ]}
      />
    </>
  );
}
