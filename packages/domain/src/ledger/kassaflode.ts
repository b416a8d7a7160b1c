import { assert } from '../errors.ts';
import { formatMoney, sumMoney } from '../money.ts';
import { type Chart, isAnlaggningstillgang, isLikvidaMedel, isLongTermLiability, konto } from './account.ts';
import { accountBalances, type Balances, type Booking, resultOf, sumBalances } from './balances.ts';

/**
 * Kassaflödesanalys by the INDIRECT method: start from årets resultat and adjust for every change
 * in the balance sheet that did not move cash. Because every voucher balances, the year's change
 * in likvida medel (Kommun-Bas 19, kassa och bank) is minus the change in all other accounts, so
 * the analysis explains the change in bank exactly, to the öre; the report asserts it.
 *
 * The base kontoplan has no anläggningstillgångar, hence no avskrivningar to add back: a plan
 * that adds them sees their net change, depreciation included, under investeringsverksamhet.
 */
export interface Kassaflodesanalys {
  metod: 'indirekt';
  lopandeVerksamhet: {
    aretsResultat: string;
    /** Minus the change in fordringar and other omsättningstillgångar (14–18): an increase binds cash. */
    forandringFordringar: string;
    /** Minus the change in kortfristiga skulder (24–29): an increase frees cash. */
    forandringKortfristigaSkulder: string;
    total: string;
  };
  investeringsverksamhet: { forandringAnlaggningstillgangar: string; total: string };
  finansieringsverksamhet: {
    forandringLangfristigaSkulder: string;
    /** Equity moved other than by the result, e.g. a distribution of a surplus to the members. */
    ovrigForandringEgetKapital: string;
    total: string;
  };
  aretsKassaflode: string;
  likvidaMedelVidAretsBorjan: string;
  likvidaMedelVidAretsSlut: string;
}

export function kassaflodesanalys(
  chart: Chart,
  bookings: readonly Booking[],
  opening: Balances = {},
): Kassaflodesanalys {
  const kinds = new Map(chart.map((account) => [account.number, account.kind]));
  // The year's movement per account: balances over the bookings alone, without the opening.
  const change = accountBalances(chart, bookings);
  const minusChange = (include: (account: string) => boolean) => sumBalances(change, include).neg();

  const aretsResultat = resultOf(change);
  const fordringar = minusChange(
    (number) => kinds.get(number) === 'asset' && !isLikvidaMedel(number) && !isAnlaggningstillgang(number),
  );
  const kortfristigaSkulder = minusChange(
    (number) => kinds.get(number) === 'liability' && !isLongTermLiability(number),
  );
  const lopande = sumMoney([aretsResultat, fordringar, kortfristigaSkulder]);

  const anlaggningstillgangar = minusChange(
    (number) => kinds.get(number) === 'asset' && !isLikvidaMedel(number) && isAnlaggningstillgang(number),
  );
  const langfristigaSkulder = minusChange((number) => kinds.get(number) === 'liability' && isLongTermLiability(number));
  // The closing voucher moves the result from 8990 to 2010; both sides count here so they cancel.
  const egetKapital = minusChange((number) => kinds.get(number) === 'equity' || number === konto.aretsResultatRr);
  const finansiering = langfristigaSkulder.plus(egetKapital);

  const kassaflode = sumMoney([lopande, anlaggningstillgangar, finansiering]);
  const atStart = sumBalances(accountBalances(chart, [], opening), isLikvidaMedel);
  const atEnd = sumBalances(accountBalances(chart, bookings, opening), isLikvidaMedel);
  assert(kassaflode.eq(atEnd.minus(atStart)), 'the kassaflöde equals the change in likvida medel');
  return {
    metod: 'indirekt',
    lopandeVerksamhet: {
      aretsResultat: formatMoney(aretsResultat),
      forandringFordringar: formatMoney(fordringar),
      forandringKortfristigaSkulder: formatMoney(kortfristigaSkulder),
      total: formatMoney(lopande),
    },
    investeringsverksamhet: {
      forandringAnlaggningstillgangar: formatMoney(anlaggningstillgangar),
      total: formatMoney(anlaggningstillgangar),
    },
    finansieringsverksamhet: {
      forandringLangfristigaSkulder: formatMoney(langfristigaSkulder),
      ovrigForandringEgetKapital: formatMoney(egetKapital),
      total: formatMoney(finansiering),
    },
    aretsKassaflode: formatMoney(kassaflode),
    likvidaMedelVidAretsBorjan: formatMoney(atStart),
    likvidaMedelVidAretsSlut: formatMoney(atEnd),
  };
}
