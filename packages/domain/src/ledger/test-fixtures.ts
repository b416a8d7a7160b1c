/**
 * Shared data for the ledger tests (not exported from the package): a förbund with the worked
 * example's members, its kontoplan, and a seeded pseudo-random year of balanced vouchers.
 */
import { Decimal, formatMoney } from '../money.ts';
import type { Chart } from './account.ts';
import { buildChart, type ChartInsats, type ChartMember } from './chart.ts';
import type { Voucher, VoucherLine } from './voucher.ts';

export const members: ChartMember[] = [
  { id: 'fk', name: 'Försäkringskassan' },
  { id: 'af', name: 'Arbetsförmedlingen' },
  { id: 'region', name: 'Region Östergötland' },
  { id: 'kommun-a', name: 'Åby kommun' },
  { id: 'kommun-b', name: 'Bälinge kommun' },
];

export const insatser: ChartInsats[] = [
  { id: 'steget', name: 'Steget vidare' },
  { id: 'unga', name: 'Unga i arbete: "UIA"' },
];

export const chart: Chart = buildChart(members, insatser);

export function booked(
  number: number,
  date: string,
  text: string,
  lines: VoucherLine[],
  extra: Partial<Voucher> = {},
): Voucher {
  return {
    series: 'A',
    year: Number(date.slice(0, 4)),
    number,
    date,
    text,
    lines,
    bookedBy: 'ekonom@forbund.example',
    bookedAt: `${date}T09:30:00Z`,
    ...extra,
  };
}

/** mulberry32: a tiny seeded PRNG, so a failing run can be repeated exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` balanced vouchers spread over `year`: two to six lines on random accounts of the plan,
 * amounts up to 1 000 000 kr in öre, the last line taking the difference (never zero).
 */
export function randomYear(seed: number, count: number, year = 2027, accounts: Chart = chart): Voucher[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const vouchers: Voucher[] = [];
  for (let number = 1; number <= count; number++) {
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const lineCount = 2 + Math.floor(random() * 5);
    const lines: VoucherLine[] = [];
    let total = new Decimal(0);
    for (let index = 0; index < lineCount - 1; index++) {
      const ore = (1 + Math.floor(random() * 100_000_000)) * (random() < 0.5 ? -1 : 1);
      const amount = new Decimal(ore).div(100);
      total = total.plus(amount);
      lines.push(line(pick(accounts).number, amount, random, pick));
    }
    // The last line balances the voucher; when the others already net to zero it pairs with a new amount.
    if (total.isZero()) {
      lines.push(line(pick(accounts).number, new Decimal('100.00'), random, pick));
      total = new Decimal('100.00');
    }
    lines.push(line(pick(accounts).number, total.neg(), random, pick));
    vouchers.push(booked(number, `${year}-${month}-${day}`, `Händelse ${number}; "test" å ä ö`, lines));
  }
  return vouchers;
}

function line(
  account: string,
  amount: Decimal,
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
): VoucherLine {
  const result: VoucherLine = { account, amount: formatMoney(amount) };
  const owner = chart.find((entry) => entry.number === account);
  if (owner?.memberId === undefined && random() < 0.1) result.memberId = pick(members).id;
  if (owner?.insatsId === undefined && owner?.kind === 'cost' && random() < 0.1) result.insatsId = pick(insatser).id;
  return result;
}
