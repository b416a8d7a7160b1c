import { assert } from '../errors.ts';
import { Decimal, formatMoney, parseMoney } from '../money.ts';
import { type Chart, isAnlaggningstillgang, isLongTermLiability, konto } from './account.ts';
import { accountBalances, type Balances, type Booking, unclosedResultOf } from './balances.ts';
import { type ReportSection, section } from './report-rows.ts';

/**
 * Balansräkning in the kommunal form, every amount positive on its own side. Eget kapital shows
 * årets resultat on a line of its own, whether or not the closing voucher has moved it to 2010
 * yet, so the report reads the same before and after closing.
 */
export interface Balansrakning {
  tillgangar: { anlaggningstillgangar: ReportSection; omsattningstillgangar: ReportSection; total: string };
  egetKapital: ReportSection & { aretsResultat: string };
  skulder: { langfristiga: ReportSection; kortfristiga: ReportSection; total: string };
  egetKapitalOchSkulder: string;
}

export function balansrakning(chart: Chart, bookings: readonly Booking[], opening?: Balances): Balansrakning {
  const balances = accountBalances(chart, bookings, opening);
  const of = (kind: string) => chart.filter((account) => account.kind === kind);
  const anlaggningstillgangar = section(
    of('asset').filter((account) => isAnlaggningstillgang(account.number)),
    balances,
    1,
  );
  const omsattningstillgangar = section(
    of('asset').filter((account) => !isAnlaggningstillgang(account.number)),
    balances,
    1,
  );
  const tillgangar = parseMoney(anlaggningstillgangar.total).plus(parseMoney(omsattningstillgangar.total));

  const equity = section(
    of('equity').filter((account) => account.number !== konto.aretsResultat),
    balances,
    -1,
  );
  // 2010 normally opens at zero (openingBalances moves it to 2050); an imported opening balance
  // there is an earlier year's result and is shown as such, not as this year's.
  const openedResult = parseMoney(opening?.[konto.aretsResultat] ?? '0.00').neg();
  if (!openedResult.isZero())
    equity.rows.push({
      account: konto.aretsResultat,
      name: 'Föregående års resultat',
      amount: formatMoney(openedResult),
    });
  const closedResult = (balances.get(konto.aretsResultat) ?? new Decimal(0)).neg().minus(openedResult);
  const aretsResultat = closedResult.plus(unclosedResultOf(balances));
  const equityRows = parseMoney(equity.total).plus(openedResult);
  equity.total = formatMoney(equityRows);
  const egetKapital = equityRows.plus(aretsResultat);

  const langfristiga = section(
    of('liability').filter((account) => isLongTermLiability(account.number)),
    balances,
    -1,
  );
  const kortfristiga = section(
    of('liability').filter((account) => !isLongTermLiability(account.number)),
    balances,
    -1,
  );
  const skulder = parseMoney(langfristiga.total).plus(parseMoney(kortfristiga.total));
  const egetKapitalOchSkulder = egetKapital.plus(skulder);

  assert(tillgangar.eq(egetKapitalOchSkulder), 'tillgångar equal eget kapital och skulder');
  return {
    tillgangar: { anlaggningstillgangar, omsattningstillgangar, total: formatMoney(tillgangar) },
    egetKapital: { ...equity, aretsResultat: formatMoney(aretsResultat), total: formatMoney(egetKapital) },
    skulder: { langfristiga, kortfristiga, total: formatMoney(skulder) },
    egetKapitalOchSkulder: formatMoney(egetKapitalOchSkulder),
  };
}
