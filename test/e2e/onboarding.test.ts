import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inProcessDriver, type Runtime, simulateYear } from '@finsam/local';
import { afterEach, describe, expect, it } from 'vitest';
import { call, login, otherForbundBody, startTestRuntime } from '../support/runtime.ts';

/**
 * Issue 10 point 5: a förbund that starts keeping its books here on any date of its budget year
 * — after the planning window, in the middle of the year, a few days before it ends — brings its
 * opening balances and the board's budget decision, catches up the months before, and closes the
 * year from bokslut to likvidavräkning like any other.
 */
const year = 2027;
const ore = (amount: string) => BigInt(amount.replace('.', ''));
let runtime: Runtime | undefined;
afterEach(async () => {
  await runtime?.stop();
  runtime = undefined;
});

describe.each(['2027-03-15', '2027-09-01', '2027-12-20'])('a förbund that starts on %s', (joinedOn) => {
  it('gets every avräkning of the year, a cycle record, and closes the year', { timeout: 240_000 }, async () => {
    runtime = await startTestRuntime({ cycle: true });
    runtime.clock.set(new Date(`${joinedOn}T07:00:00Z`));
    const admin = await login(runtime, 'admin');
    const created = await call(runtime, 'POST', '/api/forbund', { token: admin, body: otherForbundBody() });
    expect(created.status).toBe(201);
    const forbundId = created.body.id as string;
    const base = `/api/forbund/${forbundId}`;
    const outDir = mkdtempSync(join(tmpdir(), 'finsam-onboarding-'));
    await simulateYear(inProcessDriver(runtime), { forbundId, year, outDir, joinedOn: `${joinedOn}T09:00:00Z` });

    const cycle = await call(runtime, 'GET', `${base}/cycle/${year}`, { token: admin });
    for (const step of ['budget.published', 'bokslut', 'likvidavrakning', 'year.closed'])
      expect(cycle.body.steps[step], step).toBeDefined();
    const periods = await call(runtime, 'GET', `${base}/ledger/${year}/periods`, { token: admin });
    expect(periods.body.yearLocked).toBe(true);

    // Every month has its statements, and each member's chain opens at the entered balances
    // (none on member accounts) and runs month to month without a gap.
    const runs = (await call(runtime, 'GET', `${base}/avrakning/${year}`, { token: admin })).body.items as {
      month: number;
      statements: { memberId: string; balanceBefore: string; balanceAfter: string }[];
    }[];
    expect(runs.map((run) => run.month).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const memberIds = new Set(runs.flatMap((run) => run.statements.map((s) => s.memberId)));
    expect(memberIds.size).toBe(4);
    for (const memberId of memberIds) {
      const own = runs
        .sort((a, b) => a.month - b.month)
        .flatMap((run) => run.statements.filter((s) => s.memberId === memberId));
      expect(own).toHaveLength(12);
      expect(ore(own[0]?.balanceBefore as string), memberId).toBe(0n);
      own.forEach((statement, index) => {
        if (index > 0) expect(statement.balanceBefore, `${memberId} ${index + 1}`).toBe(own[index - 1]?.balanceAfter);
      });
    }

    // The bank the förbund brought (850 000,00 kr) plus every bank line of the year, summed here,
    // is what the next year opens with.
    let bank = ore('850000.00');
    let cursor: string | undefined;
    do {
      const page = await call(
        runtime,
        'GET',
        `${base}/ledger/${year}/vouchers?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        { token: admin },
      );
      for (const voucher of page.body.items as { lines: { account: string; amount: string }[] }[])
        for (const line of voucher.lines) if (line.account === '1930') bank += ore(line.amount);
      cursor = page.body.nextCursor;
    } while (cursor);
    const next = await call(runtime, 'GET', `${base}/ledger/${year + 1}/opening-balances`, { token: admin });
    expect(ore(next.body.balances['1930'] ?? '0.00')).toBe(bank);
    expect(next.body.source).toBe(`bokslut ${year}`);

    // The board's decision of 20 November the year before met the deadline, and the national
    // view says so.
    const national = await call(runtime, 'GET', `/api/national/${year}`, { token: admin });
    const published = national.body.items.find((item: { forbundId: string }) => item.forbundId === forbundId);
    expect(published?.budget).toMatchObject({ adopted: true, onTime: true });
  });
});
