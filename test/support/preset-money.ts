import type { PresetName, Voucher } from '@finsam/domain';
import type { Runtime } from '@finsam/local';
import type { Stores } from '@finsam/store';
import { expect } from 'vitest';
import { simulated_year, viewer } from './cycle.ts';
import { call, login } from './runtime.ts';

/**
 * The money of each preset's simulated year, worked out here by hand in whole öre (BigInt),
 * never by the product's functions: each member's medlemsbidrag and the net of every monthly
 * avräkningsbesked. The script the simulation follows (packages/local/src/simulate.ts) is:
 * frame 4 000 000 kr; kommuner Alfa (30 000 invånare) and Beta (10 000); every member that
 * reports costs invoices 50 000 + ((length of its id × 7 919 + month × 104 729) mod 40 000) kr
 * for each month; the förbund's own costs are 131 666 kr a month from the bank.
 */

const members = ['fk', 'af', 'region', 'alfa', 'beta'] as const;
type MemberId = (typeof members)[number];
const kr = (kronor: number) => BigInt(kronor) * 100n;

/** medlemsbidrag in öre. Finsam key: FK 1/2, region 1/4, kommuner 1/4 by population (3:1). */
const finsamShares: Record<MemberId, bigint> = {
  fk: kr(2_000_000),
  af: 0n,
  region: kr(1_000_000),
  alfa: kr(750_000),
  beta: kr(250_000),
};
/** Delta: equal parts between the four paying members, AF none (000 L245). */
const equalShares: Record<MemberId, bigint> = {
  fk: kr(1_000_000),
  af: 0n,
  region: kr(1_000_000),
  alfa: kr(1_000_000),
  beta: kr(1_000_000),
};

type Flow = 'liquid-monthly' | 'claim-72' | 'set-off';
interface PresetScript {
  contributions: Record<MemberId, bigint>;
  flow: (member: MemberId) => Flow;
  /** Frame parts fall monthly, or each quarter's in its first month (Finspång, 000 L277). */
  quarterly: boolean;
}

export const presetScripts: Record<PresetName, PresetScript> = {
  finsam: { contributions: finsamShares, flow: () => 'liquid-monthly', quarterly: false },
  delta: { contributions: equalShares, flow: () => 'claim-72', quarterly: false },
  finspang: { contributions: finsamShares, flow: () => 'claim-72', quarterly: true },
  laholm: { contributions: finsamShares, flow: () => 'claim-72', quarterly: false },
  grastorp: { contributions: finsamShares, flow: () => 'claim-72', quarterly: false },
  haninge: { contributions: finsamShares, flow: () => 'claim-72', quarterly: false },
  stenungsund: {
    contributions: finsamShares,
    flow: (member) => (member === 'region' ? 'liquid-monthly' : 'set-off'),
    quarterly: false,
  },
};

/** The simulation's cost invoice of a member for a month, in öre. */
export const scriptedCost = (member: string, month: number) =>
  kr(50_000 + ((member.length * 7919 + month * 104_729) % 40_000));

/**
 * The frame part of each month: the year divided by 12 (or 4), rounded half-up to the öre, and
 * December (the charter's remainder month) takes what rounding left, so the twelve sum exactly.
 */
export function framePart(yearly: bigint, month: number, quarterly: boolean): bigint {
  const count = quarterly ? 4n : 12n;
  if (quarterly && (month - 1) % 3 !== 0) return 0n;
  const regular = (yearly * 2n + count) / (count * 2n);
  const last = quarterly ? month === 10 : month === 12;
  return last ? yearly - regular * (count - 1n) : regular;
}

/** Each member's expected statement net (öre) for each month, from the script alone. */
export function expectedNets(preset: PresetName): Record<MemberId, bigint[]> {
  const script = presetScripts[preset];
  return Object.fromEntries(
    members.map((member) => [
      member,
      Array.from({ length: 12 }, (_, index) => {
        const month = index + 1;
        const part = framePart(script.contributions[member], month, script.quarterly);
        return script.flow(member) === 'liquid-monthly' ? part : part - scriptedCost(member, month);
      }),
    ]),
  ) as Record<MemberId, bigint[]>;
}

const ore = (amount: string) => BigInt(amount.replace('.', ''));

interface ChainedStatementReply {
  memberId: string;
  month: number;
  net: string;
  balanceBefore: string;
  balanceAfter: string;
  otherMovements: { amount: string }[];
}

/**
 * What a member's controller would check, through the API as the portal shows it: the twelve
 * statements carry the hand-computed nets, January opens at the year's ingående balans, each
 * month opens where the last closed, and December closes at the member's balance in the ledger
 * before the bokslut (summed here from the booked vouchers in öre).
 */
export async function expectPresetStatements(runtime: Runtime, stores: Stores, preset: PresetName) {
  const token = await login(runtime, 'ekonom');
  const reply = await call(runtime, 'GET', `/api/forbund/exempeldalen/avrakning/${simulated_year}`, { token });
  expect(reply.status).toBe(200);
  const statements = (reply.body.items as { statements: ChainedStatementReply[] }[]).flatMap((run) => run.statements);
  const expected = expectedNets(preset);
  const vouchers = await stores.vouchers.year(viewer, 'exempeldalen', simulated_year);
  const opening = await stores.openings.balances(viewer, 'exempeldalen', simulated_year);
  const { accounts: chart } = await stores.charts.chart(viewer, 'exempeldalen', new Date());
  const yearEnd = (voucher: Voucher) =>
    voucher.series === 'B' ||
    voucher.basis?.reference === `${simulated_year}-resultat` ||
    (voucher.basis?.reference ?? '').startsWith(`${simulated_year}-likvid-`);

  for (const member of members) {
    const own = statements.filter((s) => s.memberId === member).sort((a, b) => a.month - b.month);
    expect(
      own.map((s) => ore(s.net)),
      `${preset} ${member}`,
    ).toEqual(expected[member]);
    const accounts = new Set(
      chart.filter((a) => a.memberId === member && /^(15|25)\d\d$/.test(a.number)).map((a) => a.number),
    );
    let openingNet = 0n;
    for (const account of accounts) openingNet += ore(opening[account] ?? '0.00');
    let beforeBokslut = openingNet;
    for (const voucher of vouchers)
      if (!yearEnd(voucher))
        for (const line of voucher.lines) if (accounts.has(line.account)) beforeBokslut += ore(line.amount);

    expect(ore(own[0]?.balanceBefore as string), `${preset} ${member} januari`).toBe(openingNet);
    own.forEach((statement, index) => {
      if (index > 0)
        expect(statement.balanceBefore, `${preset} ${member} ${statement.month}`).toBe(own[index - 1]?.balanceAfter);
      const other = statement.otherMovements.reduce((sum, movement) => sum + ore(movement.amount), 0n);
      expect(ore(statement.balanceBefore) + ore(statement.net) + other).toBe(ore(statement.balanceAfter));
    });
    expect(ore(own[11]?.balanceAfter as string), `${preset} ${member} december`).toBe(beforeBokslut);
  }
  return { statements, expected };
}

/** The medlemsbidrag each member's contribution account (30xx) holds for the year, in öre. */
export async function expectPresetContributions(stores: Stores, preset: PresetName) {
  const vouchers = await stores.vouchers.year(viewer, 'exempeldalen', simulated_year);
  const { accounts: chart } = await stores.charts.chart(viewer, 'exempeldalen', new Date());
  for (const member of members) {
    const income = chart.find((a) => a.memberId === member && /^30\d\d$/.test(a.number))?.number;
    let total = 0n;
    for (const voucher of vouchers)
      if (voucher.series !== 'B')
        for (const line of voucher.lines) if (line.account === income) total -= ore(line.amount);
    expect(total, `${preset} ${member}`).toBe(presetScripts[preset].contributions[member]);
  }
}

/** Rounds num / den to the nearest whole, halves away from zero (as the product's half-up öre). */
const divRound = (num: bigint, den: bigint) => {
  const sign = num < 0n ? -1n : 1n;
  return sign * ((sign * num * 2n + den) / (2n * den));
};

/** Largest remainder in öre, ties by member order; a deficit split as its mirror (DOMAIN.md §1). */
function largestRemainder(total: bigint, weights: bigint[]): bigint[] {
  const sign = total < 0n ? -1n : 1n;
  const whole = total * sign;
  const sum = weights.reduce((a, b) => a + b, 0n);
  const parts = weights.map((w) => (whole * w) / sum);
  let left = whole - parts.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((w, index) => ({ remainder: (whole * w) % sum, index }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of order) {
    if (left === 0n) break;
    parts[index] = (parts[index] as bigint) + 1n;
    left -= 1n;
  }
  return parts.map((part) => part * sign);
}

/** Which members carry their balance to the likvidavräkning in each preset, and when it is issued. */
const likvidTiming: Record<PresetName, Partial<Record<MemberId, 'at-bokslut' | 'after-discharge'>>> = {
  finsam: {},
  // FK settles at year end only (000 L247, L283); the others after ansvarsfrihet.
  delta: {
    fk: 'at-bokslut',
    af: 'after-discharge',
    region: 'after-discharge',
    alfa: 'after-discharge',
    beta: 'after-discharge',
  },
  finspang: {
    fk: 'at-bokslut',
    af: 'after-discharge',
    region: 'after-discharge',
    alfa: 'after-discharge',
    beta: 'after-discharge',
  },
  laholm: {
    fk: 'at-bokslut',
    af: 'after-discharge',
    region: 'after-discharge',
    alfa: 'after-discharge',
    beta: 'after-discharge',
  },
  grastorp: {
    fk: 'at-bokslut',
    af: 'after-discharge',
    region: 'after-discharge',
    alfa: 'after-discharge',
    beta: 'after-discharge',
  },
  // Haninge settles everyone at bokslut (000 L395).
  haninge: { fk: 'at-bokslut', af: 'at-bokslut', region: 'at-bokslut', alfa: 'at-bokslut', beta: 'at-bokslut' },
  // Stenungsund: FK sets off and settles at year end; the kommuner's set-offs are paid in cash.
  stenungsund: { fk: 'at-bokslut' },
};

/**
 * The whole result is distributed (issue 10 point 3), worked out here in BigInt öre from the
 * script alone: each carried member's interest is 2 % (the presets' default rate) of the average
 * of its twelve month-end balances, booked before the result is taken (interest first); the
 * result is the frame less every cost plus that interest; the charter's model splits it. Read
 * back through the API: the resultaträkning's årets resultat, and each likvidavräkning's interest,
 * amount and due date; the distribution voucher's member lines must be the shares, and
 * distributed + retained must be årets resultat to the öre.
 */
export async function expectPresetDistribution(runtime: Runtime, stores: Stores, preset: PresetName) {
  const token = await login(runtime, 'ekonom');
  const base = `/api/forbund/exempeldalen`;
  const script = presetScripts[preset];
  const nets = expectedNets(preset);
  const opening = await stores.openings.balances(viewer, 'exempeldalen', simulated_year);
  const { accounts: chart } = await stores.charts.chart(viewer, 'exempeldalen', new Date());
  const memberAccounts = (member: MemberId) =>
    chart.filter((a) => a.memberId === member && /^(15|25)\d\d$/.test(a.number)).map((a) => a.number);

  const interest = new Map<MemberId, bigint>();
  const closing = new Map<MemberId, bigint>();
  for (const member of members) {
    if (!likvidTiming[preset][member]) continue;
    let balance = memberAccounts(member).reduce((sum, account) => sum + ore(opening[account] ?? '0.00'), 0n);
    let monthEnds = 0n;
    for (const net of nets[member]) {
      balance += net;
      monthEnds += balance;
    }
    closing.set(member, balance);
    // Σ month-end balances / 12 × 2 % = Σ / 600.
    interest.set(member, divRound(monthEnds, 600n));
  }
  const reports = (member: MemberId) => script.flow(member) !== 'liquid-monthly';
  let costs = 12n * kr(131_666);
  for (const member of members)
    if (reports(member)) for (let month = 1; month <= 12; month++) costs += scriptedCost(member, month);
  const frame = members.reduce((sum, member) => sum + script.contributions[member], 0n);
  const result = frame - costs + [...interest.values()].reduce((a, b) => a + b, 0n);

  const weights = members.map((member) => script.contributions[member]);
  let shares: bigint[];
  if (preset === 'finspang' || preset === 'grastorp') shares = largestRemainder(result, weights);
  else if (preset === 'laholm') {
    // 50 % of each own result (frame part − own costs) returns first, FK and AF excepted.
    const returned = members.map((member) => {
      if (member === 'fk' || member === 'af') return 0n;
      let own = script.contributions[member];
      for (let month = 1; month <= 12; month++) own -= scriptedCost(member, month);
      return divRound(own * 50n, 100n);
    });
    const rest = largestRemainder(result - returned.reduce((a, b) => a + b, 0n), weights);
    shares = returned.map((value, index) => value + (rest[index] as bigint));
  } else if (preset === 'haninge') {
    // 20 % of the result by the frame, each capped at 0.5 % of its own frame (rounded down).
    const participating = largestRemainder(divRound(result * 20n, 100n), weights);
    shares = participating.map((part, index) => {
      const cap = ((weights[index] as bigint) * 5n) / 1000n;
      const magnitude = part < 0n ? -part : part;
      return magnitude > cap ? (part < 0n ? -cap : cap) : part;
    });
  } else shares = members.map(() => 0n);
  const distributed = shares.reduce((a, b) => a + b, 0n);
  const retained = result - distributed;

  const rr = await call(runtime, 'GET', `${base}/ledger/${simulated_year}/reports/resultatrakning`, { token });
  expect(rr.status).toBe(200);
  expect(ore(rr.body.aretsResultat), `${preset} årets resultat`).toBe(result);
  expect(distributed + retained, `${preset} distributed + retained`).toBe(ore(rr.body.aretsResultat));

  const vouchers = await stores.vouchers.year(viewer, 'exempeldalen', simulated_year);
  const distribution = vouchers.find((voucher) => voucher.basis?.reference === `${simulated_year}-resultat`);
  members.forEach((member, index) => {
    const accounts = new Set(memberAccounts(member));
    const credited = (distribution?.lines ?? [])
      .filter((line) => accounts.has(line.account))
      .reduce((sum, line) => sum - ore(line.amount), 0n);
    expect(credited, `${preset} ${member} share`).toBe(shares[index]);
  });

  const closingYear = await call(runtime, 'GET', `${base}/closing/${simulated_year}`, { token });
  expect(closingYear.status).toBe(200);
  type Issued = Record<string, string | undefined>;
  const issued: Issued[] = (closingYear.body.likvidavrakning as { timing: string; statements: Issued[] }[]).flatMap(
    (entry) => entry.statements.map((statement) => ({ ...statement, timing: entry.timing })),
  );
  members.forEach((member, index) => {
    const timing = likvidTiming[preset][member];
    const statement = issued.find((s) => s.memberId === member);
    if (!timing) {
      expect(statement, `${preset} ${member} has no likvidavräkning`).toBeUndefined();
      return;
    }
    expect(statement?.timing, `${preset} ${member} timing`).toBe(timing);
    expect(ore(statement?.interest as string), `${preset} ${member} interest`).toBe(interest.get(member));
    // What the member owes at year end, less its share of a surplus (or plus its part of a deficit), plus interest.
    const amount = (closing.get(member) as bigint) - (shares[index] as bigint) + (interest.get(member) as bigint);
    expect(ore(statement?.amount as string), `${preset} ${member} amount`).toBe(amount);
    expect(statement?.dueDate, `${preset} ${member} due date`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
  return { result, shares, interest };
}
