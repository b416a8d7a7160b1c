import { assert } from '../errors.ts';
import { formatMoney, parseMoney, sumMoney } from '../money.ts';
import { type Chart, type CostArea, costAreaNames, costAreas, isFinancialPost, isOperatingAccount } from './account.ts';
import { accountBalances, type Balances, type Booking, resultOf } from './balances.ts';
import { type ReportSection, section } from './report-rows.ts';

export interface AreaSection extends ReportSection {
  area: CostArea;
  name: string;
}

/**
 * Resultaträkning in the kommunal form: intäkter positive, kostnader negative, each line the sum
 * of the lines above it. Årets resultat is what the year's RR accounts add up to; the closing
 * account 8990 is left out, so the report reads the same before and after the closing voucher.
 */
export interface Resultatrakning {
  verksamhetensIntakter: ReportSection;
  verksamhetensKostnader: { areas: AreaSection[]; total: string };
  verksamhetensNettokostnader: string;
  finansiellaIntakter: ReportSection;
  finansiellaKostnader: ReportSection;
  aretsResultat: string;
}

export function resultatrakning(chart: Chart, bookings: readonly Booking[], opening?: Balances): Resultatrakning {
  const balances = accountBalances(chart, bookings, opening);
  const operating = chart.filter((account) => isOperatingAccount(account.number));
  const intakter = section(
    operating.filter((account) => account.kind === 'income'),
    balances,
    -1,
  );
  const areas = costAreas.map((area) => ({
    area,
    name: costAreaNames[area],
    ...section(
      operating.filter((account) => account.kind === 'cost' && account.area === area),
      balances,
      -1,
    ),
  }));
  const kostnader = sumMoney(areas.map((area) => parseMoney(area.total)));
  const nettokostnader = parseMoney(intakter.total).plus(kostnader);
  const financial = chart.filter((account) => isFinancialPost(account.number));
  const finansiellaIntakter = section(
    financial.filter((account) => account.kind === 'income'),
    balances,
    -1,
  );
  const finansiellaKostnader = section(
    financial.filter((account) => account.kind === 'cost'),
    balances,
    -1,
  );
  const result = nettokostnader
    .plus(parseMoney(finansiellaIntakter.total))
    .plus(parseMoney(finansiellaKostnader.total));

  assert(result.eq(resultOf(balances)), 'the resultaträkning covers every result account');
  return {
    verksamhetensIntakter: intakter,
    verksamhetensKostnader: { areas, total: formatMoney(kostnader) },
    verksamhetensNettokostnader: formatMoney(nettokostnader),
    finansiellaIntakter,
    finansiellaKostnader,
    aretsResultat: formatMoney(result),
  };
}
