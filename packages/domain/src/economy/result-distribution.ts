import type { CharterSettings, Member } from '../charter/schema.ts';
import { assert, invalid } from '../errors.ts';
import { type Chart, konto } from '../ledger/account.ts';
import { Decimal, formatMoney, isWholeOre, sumMoney } from '../money.ts';
import { Ratio } from '../ratio.ts';
import { splitByLargestRemainder } from '../split.ts';
import { checkYear, dateOf } from './dates.ts';
import { type EgetKapitalReport, egetKapitalReport } from './eget-kapital.ts';
import { carriesBalance, type Funding } from './frame-schedule.ts';
import { type DraftLine, type EconomyVoucher, economyVoucher, memberAccounts } from './vouchers.ts';

/**
 * The result distribution at bokslut (DOMAIN.md §3; 000 L287, L317, L324, L360, L396, L434–436).
 * A share is seen from the member: positive, the member receives part of a surplus; negative, it
 * carries part of a deficit. Whatever is not distributed stays with the förbund as eget kapital,
 * and distributed + retained = result to the öre.
 */

export type ResultDistributionSettings = CharterSettings['resultDistribution'];
export type DistributionMember = Pick<Member, 'id' | 'name' | 'type'>;

const hundred = new Decimal(100);

export interface ResultDistributionInput {
  year: number;
  /** Årets resultat: positive a surplus, negative a deficit. */
  result: Decimal;
  members: readonly DistributionMember[];
  /** Each member's part of the year's final frame (after the year's adjustments). */
  finalFrame: ReadonlyMap<string, Decimal>;
  settings: ResultDistributionSettings;
  funding: Funding;
  chart: Chart;
  /** return-then-proportional: each member's own result (its frame part minus its own costs). */
  ownResults?: ReadonlyMap<string, Decimal>;
  /** Eget kapital before this year's result, and the year's revenue, for the eget kapital report. */
  egetKapitalBefore: Decimal;
  revenue: Decimal;
  equityWarningPercent: string;
  /** The bokslut date the voucher carries; the last day of the year by default. */
  date?: string;
}

export interface MemberResultShare {
  memberId: string;
  /** return-then-proportional: the part of the member's own result returned to it. */
  returned: string;
  /** The member's pro rata part (limited-participation: its participating part before the cap). */
  proportional: string;
  /** What the member finally receives (positive) or carries (negative). */
  share: string;
  /** carried: joins the member's balance for the likvidavräkning; cash: paid now like an invoice. */
  settlement: 'cash' | 'carried';
  amountToPay: string;
  amountToReceive: string;
}

export interface ResultDistribution {
  key: string;
  model: ResultDistributionSettings['model'];
  result: string;
  distributed: string;
  retained: string;
  shares: MemberResultShare[];
  egetKapital: EgetKapitalReport;
  voucher: EconomyVoucher | null;
}

interface Parts {
  returned: Map<string, Decimal>;
  proportional: Map<string, Decimal>;
  share: Map<string, Decimal>;
}

const percentOf = (amount: Decimal, percent: string) => amount.mul(percent).div(hundred);
const toOre = (amount: Decimal) => amount.toDecimalPlaces(2);

function proportionalSplit(amount: Decimal, input: ResultDistributionInput): Map<string, Decimal> {
  const weights = input.members.map((member) => ({
    key: member.id,
    weight: Ratio.fromDecimal(input.finalFrame.get(member.id) ?? new Decimal(0)),
  }));
  if (amount.isZero()) return new Map(weights.map(({ key }) => [key, new Decimal(0)]));
  if (weights.every(({ weight }) => weight.isZero()))
    throw invalid('Resultatet kan inte fördelas.', [
      { field: 'finalFrame', message: 'Ingen medlem har någon del av den slutliga ramen att fördela efter.' },
    ]);
  return splitByLargestRemainder(amount, weights);
}

function distribute(input: ResultDistributionInput): Parts {
  const { settings, members, result } = input;
  const zeros = () => new Map(members.map((member) => [member.id, new Decimal(0)]));
  const returned = zeros();
  if (settings.model === 'retain') return { returned, proportional: zeros(), share: zeros() };
  if (settings.model === 'proportional-final-frame') {
    const proportional = proportionalSplit(result, input);
    return { returned, proportional, share: new Map(proportional) };
  }
  if (settings.model === 'return-then-proportional') {
    // Laholm (000 L317): a rate of each member's own result returns to it first, FK excepted;
    // what remains of the förbund's result is shared by the final frame (000 L324).
    for (const member of members) {
      if (settings.returnExcludedTypes.includes(member.type)) continue;
      const own = input.ownResults?.get(member.id);
      if (own === undefined)
        throw invalid('Medlemmens eget resultat saknas.', [
          { field: `ownResults.${member.id}`, message: `Eget resultat saknas för ${member.name}.` },
        ]);
      returned.set(member.id, toOre(percentOf(own, settings.returnRatePercent)));
    }
    const rest = result.minus(sumMoney(returned.values()));
    const proportional = proportionalSplit(rest, input);
    const share = new Map(
      members.map((m) => [m.id, (returned.get(m.id) as Decimal).plus(proportional.get(m.id) as Decimal)]),
    );
    return { returned, proportional, share };
  }
  // limited-participation (Haninge, 000 L396; DOMAIN.md's interpretation): the members together
  // carry participationPercent of the result, split by the final frame, each at most
  // participationCapPercent of its own frame; the rest stays with the förbund.
  const participating = proportionalSplit(toOre(percentOf(result, settings.participationPercent)), input);
  const share = new Map<string, Decimal>();
  for (const member of members) {
    const part = participating.get(member.id) as Decimal;
    const frame = input.finalFrame.get(member.id) ?? new Decimal(0);
    // Rounded down so that a capped share never exceeds the cap by a part of an öre.
    const cap = percentOf(frame, settings.participationCapPercent).toDecimalPlaces(2, Decimal.ROUND_DOWN);
    share.set(member.id, part.abs().gt(cap) ? cap.mul(part.isNegative() ? -1 : 1) : part);
  }
  return { returned, proportional: participating, share };
}

export function distributeResult(input: ResultDistributionInput): ResultDistribution {
  checkYear(input.year);
  if (!isWholeOre(input.result))
    throw invalid('Resultatet ska anges i hela ören.', [{ field: 'result', message: 'Ange resultatet i hela ören.' }]);
  for (const [memberId, frame] of input.finalFrame)
    if (frame.isNegative() || !isWholeOre(frame))
      throw invalid('Ramen är ogiltig.', [
        { field: `finalFrame.${memberId}`, message: 'Ange ramen i hela ören, ≥ 0.' },
      ]);

  const parts = distribute(input);
  const distributed = sumMoney(parts.share.values());
  const retained = input.result.minus(distributed);
  assert(distributed.plus(retained).eq(input.result), 'distributed and retained make up the result');
  for (const amount of parts.share.values()) assert(isWholeOre(amount), 'a share is in whole öre');

  const key = `${input.year}-resultat`;
  const lines: DraftLine[] = [];
  const shares = input.members.map((member): MemberResultShare => {
    const share = parts.share.get(member.id) as Decimal;
    const accounts = memberAccounts(input.chart, member.id);
    // A surplus share is owed to the member (its payable), a deficit share owed by it (receivable).
    lines.push({ account: share.isNegative() ? accounts.receivable : accounts.payable, amount: share.neg() });
    const carried = carriesBalance(member.id, input.funding);
    return {
      memberId: member.id,
      returned: formatMoney(parts.returned.get(member.id) as Decimal),
      proportional: formatMoney(parts.proportional.get(member.id) as Decimal),
      share: formatMoney(share),
      settlement: carried ? 'carried' : 'cash',
      amountToPay: formatMoney(!carried && share.isNegative() ? share.neg() : new Decimal(0)),
      amountToReceive: formatMoney(!carried && share.gt(0) ? share : new Decimal(0)),
    };
  });
  // Eget kapital gives up what is distributed: 2010 holds årets resultat once the bokslut has closed it.
  lines.push({ account: konto.aretsResultat, amount: distributed });
  const voucher = economyVoucher(
    key,
    input.date ?? dateOf(input.year, 12, 31),
    `Bokslut ${input.year}: fördelning av årets resultat till medlemmarna`,
    lines,
  );

  return {
    key,
    model: input.settings.model,
    result: formatMoney(input.result),
    distributed: formatMoney(distributed),
    retained: formatMoney(retained),
    shares,
    egetKapital: egetKapitalReport(input.egetKapitalBefore.plus(retained), input.revenue, input.equityWarningPercent),
    voucher,
  };
}
