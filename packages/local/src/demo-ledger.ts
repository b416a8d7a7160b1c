import {
  type Account,
  computeContributions,
  Decimal,
  formatMoney,
  instalments,
  type Principal,
  type VoucherDraft,
} from '@finsam/domain';
import type { Stores } from '@finsam/store';
import { demo_forbund_id, demoCharter } from './demo-data.ts';

/** The demo year's frame: DOMAIN.md's worked example. */
const demo_frame_kr = '4000000.00';
/** Monthly costs by area in the demo ledger, in kronor. */
const demo_monthly_costs = { styrelse: '18500.00', administration: '142300.00', revision: '9800.00' } as const;

const bookkeeper: Principal = { subject: 'ekonom', name: 'Elin Ekonom', roles: ['ekonom'], forbundId: demo_forbund_id };

/**
 * Books a plausible first ten months of 2026 for the demo förbund, so reports, SIE export and the
 * portal have something to show: each month the members' 1/12 contributions (fordran against
 * medlemsbidrag), their payments, and the costs of styrelse, kansli and revision. Runs only when
 * the year has no vouchers.
 */
export async function seedDemoLedger(stores: Stores, now: () => Date, year = 2026, months = 10): Promise<number> {
  const existing = await stores.vouchers.page(bookkeeper, demo_forbund_id, year, { limit: 1 });
  if (existing.items.length > 0) return 0;
  const { accounts } = await stores.charts.chart(bookkeeper, demo_forbund_id, now());
  const find = (predicate: (account: Account) => boolean) => {
    const account = accounts.find(predicate);
    if (!account) throw new Error('the demo kontoplan lacks an account it should have');
    return account.number;
  };
  const contributions = computeContributions(
    new Decimal(demo_frame_kr),
    demoCharter.members,
    demoCharter.settings.contributionKey,
  );
  const paying = demoCharter.members.filter((member) => !(contributions.get(member.id) as Decimal).isZero());
  const monthly = new Map(paying.map((m) => [m.id, instalments(contributions.get(m.id) as Decimal, 12, 11)]));

  const drafts: VoucherDraft[] = [];
  for (let month = 1; month <= months; month++) {
    const day = (d: number) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const part = (memberId: string) => (monthly.get(memberId) as Decimal[])[month - 1] as Decimal;
    drafts.push({
      series: 'A',
      year,
      date: day(1),
      text: `Medlemsbidrag ${day(1).slice(0, 7)}, 1/12 av ramen`,
      basis: { kind: 'decision', reference: 'Budget 2026, styrelsen 2025-11-20 § 7' },
      lines: paying.flatMap((member) => [
        {
          account: find((a) => a.kind === 'asset' && a.memberId === member.id),
          amount: formatMoney(part(member.id)),
          memberId: member.id,
        },
        {
          account: find((a) => a.kind === 'income' && a.memberId === member.id),
          amount: formatMoney(part(member.id).neg()),
          memberId: member.id,
        },
      ]),
    });
    drafts.push({
      series: 'A',
      year,
      date: day(10),
      text: `Inbetalda medlemsbidrag ${day(1).slice(0, 7)}`,
      lines: paying.flatMap((member) => [
        { account: find((a) => a.number === '1930'), amount: formatMoney(part(member.id)) },
        {
          account: find((a) => a.kind === 'asset' && a.memberId === member.id),
          amount: formatMoney(part(member.id).neg()),
          memberId: member.id,
        },
      ]),
    });
    for (const [area, amount] of Object.entries(demo_monthly_costs))
      drafts.push({
        series: 'A',
        year,
        date: day(25),
        text: `Kostnader ${area} ${day(1).slice(0, 7)}`,
        basis: { kind: 'invoice', reference: `Faktura ${area}-${year}${String(month).padStart(2, '0')}` },
        lines: [
          { account: find((a) => a.kind === 'cost' && a.area === area), amount },
          { account: '1930', amount: `-${amount}` },
        ],
      });
  }
  for (const draft of drafts) await stores.vouchers.book(bookkeeper, demo_forbund_id, draft, now);
  return drafts.length;
}
