import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  adoptAndAudit,
  awaitBokslut,
  decideDischarges,
  inProcessDriver,
  payLikvid,
  planYear,
  prepareSimulation,
  type Runtime,
  runMonths,
  type SimulationContext,
} from '@finsam/local';
import { createStores, type Stores } from '@finsam/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulated_year, viewer } from '../support/cycle.ts';
import { call, login, startTestRuntime } from '../support/runtime.ts';

/**
 * Issue 10 point 6, end to end: the likvid-waits rule. In a Finspång-model year (the kommuner,
 * the region and AF carry their balances to a likvidavräkning after ansvarsfrihet), Alfa kommun
 * refuses ansvarsfrihet. The likvidavräkning waits, the board and the national view see why,
 * the board records how the refusal was resolved, and only then is each member's balance
 * settled — as a receivable or payable due on a bank day with a settlement PDF, cleared by the
 * member's payment on the due date, not a bank entry on the settlement date.
 */
const year = simulated_year;
const base = '/api/forbund/exempeldalen';
let runtime: Runtime;
let stores: Stores;
let context: SimulationContext;

const ore = (amount: string | undefined) => {
  const [whole = '0', fraction = '00'] = (amount ?? '0.00').replace('-', '').split('.');
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return amount?.startsWith('-') ? -value : value;
};
const closingYear = async (user = 'ekonom') =>
  (await call(runtime, 'GET', `${base}/closing/${year}`, { token: await login(runtime, user) })).body;
const cycleSteps = async () => (await stores.cycles.get('T#exempeldalen' as never, year))?.steps ?? {};

/** The member's net on its own accounts (receivable 15xx, payable 25xx) in `inYear`, IB included. */
async function memberBalance(memberId: string, inYear: number) {
  const { accounts: chart } = await stores.charts.chart(viewer, 'exempeldalen', new Date());
  const own = new Set(
    chart.filter((a) => a.memberId === memberId && /^(15|25)\d\d$/.test(a.number)).map((a) => a.number),
  );
  const opening = await stores.openings.balances(viewer, 'exempeldalen', inYear);
  let balance = [...own].reduce((sum, account) => sum + ore(opening[account]), 0n);
  for (const voucher of await stores.vouchers.year(viewer, 'exempeldalen', inYear))
    for (const line of voucher.lines) if (own.has(line.account)) balance += ore(line.amount);
  return balance;
}

beforeAll(async () => {
  runtime = await startTestRuntime({ cycle: true });
  stores = createStores(runtime.table);
  const outDir = mkdtempSync(join(tmpdir(), 'finsam-refusal-'));
  context = await prepareSimulation(inProcessDriver(runtime), {
    forbundId: 'exempeldalen',
    year,
    outDir,
    preset: 'finspang',
  });
  await planYear(context);
  await runMonths(context);
  await awaitBokslut(context);
  await adoptAndAudit(context);
  await decideDischarges(context, (member) => (member.id === 'alfa' ? 'refused' : 'granted'));
  // A few more days pass; the closing execution has heard every decision.
  await context.at(`${year + 1}-05-04T09:00:00Z`);
  await context.at(`${year + 1}-05-05T09:00:00Z`);
}, 240_000);
afterAll(() => runtime?.stop());

describe('a refusal of ansvarsfrihet', () => {
  it('holds the likvidavräkning for everyone, and the board sees who holds it and why', async () => {
    const steps = await cycleSteps();
    expect(steps.bokslut).toBeDefined();
    expect(steps.likvidavrakning).toBeUndefined();
    expect(steps['year.closed']).toBeUndefined();
    const closing = await closingYear('styrelse');
    expect(closing.likvidWaitingFor).toEqual([{ memberId: 'alfa', name: expect.any(String), reason: 'refused' }]);
    expect(
      (closing.likvidavrakning as { timing: string }[]).filter((entry) => entry.timing === 'after-discharge'),
    ).toEqual([]);
    // No receivable or payable was booked for the year's likvidavräkning after ansvarsfrihet.
    const booked = await stores.vouchers.year(viewer, 'exempeldalen', year + 1);
    expect(booked.filter((v) => /-likvid-(af|region|alfa|beta)-likvid$/.test(v.basis?.reference ?? ''))).toEqual([]);
  });

  it('is told to the national view and to every member', async () => {
    const national = await call(runtime, 'GET', `/api/national/${year}`, { token: await login(runtime, 'nationell') });
    const item = national.body.items.find((entry: { forbundId: string }) => entry.forbundId === 'exempeldalen');
    expect(item.discharge).toEqual({ granted: 4, refused: 1, pending: 0 });
    for (const memberId of ['fk', 'beta']) {
      const page = await stores.outbox.forMember(viewer, 'exempeldalen', memberId, { limit: 500 });
      const refusal = page.items.filter(
        (event) => event.type === 'discharge.decided' && event.payload.year === year && event.payload.granted === false,
      );
      expect(refusal, memberId).toHaveLength(1);
    }
  });

  it('can be resolved only by the förbund, after the refusal, for a member that refused', async () => {
    const resolution = {
      memberId: 'alfa',
      decisionReference: `Styrelsen ${year + 1}-05-12 § 4`,
      decidedOn: `${year + 1}-05-12`,
      text: 'Kommunfullmäktige har fått revisorernas förklaring; vägran avser inte förbundets räkenskaper.',
    };
    await context.at(`${year + 1}-05-12T13:00:00Z`);
    const asMember = await call(runtime, 'POST', `${base}/closing/${year}/discharge-resolutions`, {
      token: await login(runtime, 'medlem'),
      body: resolution,
    });
    expect(asMember.status).toBe(403);
    const beforeRefusal = await call(runtime, 'POST', `${base}/closing/${year}/discharge-resolutions`, {
      token: await login(runtime, 'styrelse'),
      body: { ...resolution, decidedOn: `${year + 1}-04-01` },
    });
    expect(beforeRefusal.status).toBe(400);
    expect(beforeRefusal.body.errors.map((e: { field: string }) => e.field)).toEqual(['decidedOn']);
    const granted = await call(runtime, 'POST', `${base}/closing/${year}/discharge-resolutions`, {
      token: await login(runtime, 'styrelse'),
      body: { ...resolution, memberId: 'beta' },
    });
    expect(granted.status).toBe(409);
    expect((await cycleSteps()).likvidavrakning).toBeUndefined();

    const recorded = await call(runtime, 'POST', `${base}/closing/${year}/discharge-resolutions`, {
      token: await login(runtime, 'styrelse'),
      body: resolution,
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    await context.at(`${year + 1}-05-13T09:00:00Z`);
    // The closing execution resumes on its own (a task token in AWS); it settles, then closes.
    for (let waited = 0; !(await cycleSteps())['year.closed'] && waited < 30_000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const steps = await cycleSteps();
    expect(steps.likvidavrakning).toBeDefined();
    expect(steps['year.closed']).toBeDefined();
    const closing = await closingYear('styrelse');
    expect(closing.likvidWaitingFor).toEqual([]);
    expect(closing.dischargeResolutions).toEqual([expect.objectContaining({ memberId: 'alfa' })]);
  });

  it('settles each member as a receivable or payable due on a bank day, with no bank entry', async () => {
    const closing = await closingYear();
    const after = (closing.likvidavrakning as { timing: string; statements: Record<string, string>[] }[]).find(
      (entry) => entry.timing === 'after-discharge',
    );
    const statements = after?.statements ?? [];
    expect(statements.map((s) => s.memberId).sort()).toEqual(['af', 'alfa', 'beta', 'region']);
    const booked = await stores.vouchers.year(viewer, 'exempeldalen', year + 1);
    for (const statement of statements) {
      const due = new Date(`${statement.dueDate}T12:00:00Z`);
      expect([0, 6], `${statement.memberId} due on a weekday`).not.toContain(due.getUTCDay());
      expect((statement.dueDate as string) > (statement.settlementDate as string)).toBe(true);
      // What the settlement books (the netting onto one receivable or payable, when the balance
      // sat on more than one account) never touches the bank: the payment does.
      const settlement = booked.filter((v) => v.basis?.reference?.startsWith(`${year}-likvid-${statement.memberId}`));
      for (const voucher of settlement) expect(voucher.lines.some((line) => line.account === '1930')).toBe(false);
      // Until it is paid, the member's accounts hold exactly what the statement asks.
      expect(await memberBalance(statement.memberId as string, year + 1), statement.memberId).toBe(
        ore(statement.amount),
      );
    }
  });

  it('sends each member a settlement PDF that says what to pay and by when, for its own eyes', async () => {
    const closing = await closingYear();
    const alfa = (closing.likvidavrakning as { statements: Record<string, string>[] }[])
      .flatMap((entry) => entry.statements)
      .find((s) => s.memberId === 'alfa') as Record<string, string>;
    const reply = await fetch(`${runtime.url}${base}/closing/${year}/likvidavrakning/alfa/pdf`, {
      headers: { authorization: `Bearer ${await login(runtime, 'medlem')}` },
    });
    expect(reply.status).toBe(200);
    const file = join(mkdtempSync(join(tmpdir(), 'likvid-pdf-')), 'alfa.pdf');
    writeFileSync(file, Buffer.from(await reply.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(`Likvidavräkning ${year}`);
    expect(text).toContain(alfa.dueDate);
    // Swedish kronor: thousands by a space, decimals by a comma.
    const magnitude = ore(alfa.amount) < 0n ? -ore(alfa.amount) : ore(alfa.amount);
    const kronor = `${(magnitude / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')},${(magnitude % 100n)
      .toString()
      .padStart(2, '0')}`;
    expect(text.replace(/[\u00a0\u202f ]/g, ' ')).toContain(kronor.replace(/\u00a0/g, ' '));

    const otherMember = await call(runtime, 'GET', `${base}/closing/${year}/likvidavrakning/beta/pdf`, {
      token: await login(runtime, 'medlem'),
    });
    expect(otherMember.status).toBe(404);
  });

  it('is cleared by each member’s payment on its due date', async () => {
    await payLikvid(context, 'after-discharge');
    for (const memberId of ['af', 'region', 'alfa', 'beta'])
      expect(await memberBalance(memberId, year + 1), memberId).toBe(0n);
  });
});
