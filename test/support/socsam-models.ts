import { Decimal, flowOf, type PresetName, sumMoney } from '@finsam/domain';
import { expect } from 'vitest';
import { distributionOf, expectCarriedBalancesSettled, simulated_year, type simulateModel, viewer } from './cycle.ts';

/**
 * The six SOCSAM economic models (seed 000) as charter presets, each over a whole simulated
 * year through the real runtime. The arithmetic of each model is worked out by hand in
 * packages/domain/src/economy/year-*.test.ts; here every amount must tie to the ledger: the
 * statements to the member accounts, the distribution to eget kapital, and the likvidavräkning
 * to zero balances.
 */
export const socsamModels: Record<
  Exclude<PresetName, 'finsam'>,
  (s: Awaited<ReturnType<typeof simulateModel>>) => Promise<void>
> = {
  delta: async ({ stores }) => {
    const vouchers = await stores.vouchers.year(viewer, 'exempeldalen', simulated_year);
    const income = (account: string) =>
      sumMoney(vouchers.flatMap((v) => v.lines.filter((l) => l.account === account).map((l) => new Decimal(l.amount))));
    // Equal parts between the four paying members (Delta, 000 L245): 4 000 000 / 4.
    for (const account of ['3010', '3012', '3013', '3014']) expect(income(account).toFixed(2)).toBe('-1000000.00');
  },
  finspang: async ({ stores }) => {
    expect(await expectCarriedBalancesSettled(stores)).toContain('fk');
  },
  laholm: async ({ stores }) => {
    const distribution = await distributionOf(stores);
    expect(distribution).toBeDefined();
    expect(sumMoney((distribution?.lines ?? []).map((l) => new Decimal(l.amount))).isZero()).toBe(true);
    await expectCarriedBalancesSettled(stores);
  },
  grastorp: async ({ stores }) => {
    const distribution = await distributionOf(stores);
    const shares = (distribution?.lines ?? []).filter((line) => /^2[5]\d\d$|^15\d\d$/.test(line.account));
    // Proportional to the final frame: FK half, region a quarter, Alfa 3/16, Beta 1/16.
    const byAccount = Object.fromEntries(shares.map((line) => [line.account, new Decimal(line.amount).abs()]));
    const total = sumMoney(Object.values(byAccount));
    const fk = byAccount['2510'] ?? byAccount['1510'] ?? new Decimal(0);
    expect(fk.div(total).toDecimalPlaces(4).toString()).toBe('0.5');
  },
  haninge: async ({ stores }) => {
    expect(await stores.avrakning.likvid(viewer, 'exempeldalen', simulated_year, 'at-bokslut')).toBeDefined();
    await expectCarriedBalancesSettled(stores);
  },
  stenungsund: async ({ stores }) => {
    const charter = await stores.charters.current(viewer, 'exempeldalen');
    // The region pays in advance while kommun and FK set off (000 L426).
    const flows = new Set(charter.members.map((member) => flowOf(member.id, charter.settings.funding)));
    expect(flows.size).toBeGreaterThan(1);
    expect(await distributionOf(stores)).toBeUndefined();
    await expectCarriedBalancesSettled(stores);
  },
};
