import type { CharterSettings, Member } from '../api/types.ts';
import { formatAmount, formatList, formatMonth, formatPercent } from '../format.ts';
import {
  contributionModelNames,
  framePeriodisationNames,
  fundingFlowNames,
  kommunKeyMethodNames,
  memberTypeNames,
  nameOf,
  regionKeyMethodNames,
  resultDistributionNames,
} from '../labels.ts';
import { CharterGovernanceView } from './charter-governance-view.tsx';
import { Facts } from './facts.tsx';

/** The förbundsordning's settings in plain Swedish, grouped as the charter reads. */
export function CharterSettingsView({ settings, members }: { settings: CharterSettings; members: Member[] }) {
  const memberName = (id: string) => members.find((member) => member.id === id)?.name ?? id;
  const shares = (percentages: Record<string, string> | undefined) =>
    formatList(Object.entries(percentages ?? {}).map(([id, share]) => `${memberName(id)} ${formatPercent(share)}`));
  const { contributionKey: key, funding, resultDistribution: result } = settings;
  const regionCount = members.filter((member) => member.type === 'region').length;
  const usesClaim72 = funding.default === 'claim-72' || Object.values(funding.perMember).includes('claim-72');

  return (
    <>
      <h3>Medlemsbidrag</h3>
      <Facts
        rows={[
          ['Fördelningsmodell', nameOf(contributionModelNames, key.model)],
          key.model === 'finsam' && ['Kommunernas fördelning', nameOf(kommunKeyMethodNames, key.kommunKey.method)],
          key.model === 'finsam' &&
            key.kommunKey.method === 'explicit' && ['Kommunernas andelar', shares(key.kommunKey.percentages)],
          key.model === 'finsam' &&
            regionCount > 1 && ['Regionernas fördelning', nameOf(regionKeyMethodNames, key.regionKey.method)],
          key.model === 'finsam' &&
            key.regionKey.method === 'explicit' && ['Regionernas andelar', shares(key.regionKey.percentages)],
          key.model === 'equal' && ['Arbetsförmedlingen bidrar', key.equalIncludesAf ? 'Ja, med lika del' : 'Nej'],
          key.model === 'own-amounts' && [
            'Belopp per medlem',
            formatList(
              Object.entries(key.ownAmounts ?? {}).map(([id, amount]) => `${memberName(id)} ${formatAmount(amount)}`),
            ),
          ],
        ]}
      />

      <h3>Betalning av medlemsbidrag</h3>
      <Facts
        rows={[
          ['Betalningsmodell', nameOf(fundingFlowNames, funding.default)],
          Object.keys(funding.perMember).length > 0 && [
            'Avvikande för enskilda medlemmar',
            formatList(
              Object.entries(funding.perMember).map(
                ([id, flow]) => `${memberName(id)}: ${nameOf(fundingFlowNames, flow)}`,
              ),
            ),
          ],
          ['Periodisering av ramen', nameOf(framePeriodisationNames, funding.framePeriodisation)],
          ['Öresutjämning i betalningsplanen', `Läggs på ${formatMonth(funding.remainderMonth)}`],
          usesClaim72 && [
            'Förbundets faktura på 1/12 av ramen',
            `Förfaller den ${funding.advanceInvoiceDueDay} i månaden`,
          ],
          usesClaim72 && ['Medlemmens kostnadsfaktura', `Förfaller den ${funding.costInvoiceDueDay} i månaden efter`],
          funding.settleAtYearEndOnly.length > 0 && [
            'Regleras först vid årets slut',
            formatList(funding.settleAtYearEndOnly.map(memberName)),
          ],
        ]}
      />

      <h3>Resultatfördelning vid bokslut</h3>
      <Facts
        rows={[
          ['Modell', nameOf(resultDistributionNames, result.model)],
          result.model === 'return-then-proportional' && [
            'Återförs till medlemmen',
            `${formatPercent(result.returnRatePercent)} av medlemmens eget resultat`,
          ],
          result.model === 'return-then-proportional' && [
            'Får ingen återföring',
            result.returnExcludedTypes.length > 0
              ? formatList(result.returnExcludedTypes.map((type) => nameOf(memberTypeNames, type)))
              : 'Ingen medlemstyp undantas',
          ],
          result.model === 'limited-participation' && [
            'Varje medlem bär',
            `${formatPercent(result.participationPercent)} av sin andel, högst ${formatPercent(result.participationCapPercent)} av sin egen del av ramen`,
          ],
        ]}
      />

      <CharterGovernanceView settings={settings} />
    </>
  );
}
