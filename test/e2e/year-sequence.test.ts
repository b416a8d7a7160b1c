import { httpDriver, type Runtime } from '@finsam/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allItems, call, login, otherForbundBody, startTestRuntime } from '../support/runtime.ts';

/**
 * Issue 10 point 7 over HTTP: years close in sequence, and the first year of a förbund new to
 * the system opens from balances entered from its previous books (point 5). The demo förbund has
 * ten months of 2026 booked and 2026 open.
 */
let runtime: Runtime;
let ekonom: string;
const demo = '/api/forbund/exempeldalen/ledger';
const ore = (amount: string) => BigInt(amount.replace('.', ''));
const kronor = (value: bigint) => {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};

beforeAll(async () => {
  // With the cycle, for the local control route that adds the new förbund's ekonom.
  runtime = await startTestRuntime({ cycle: true });
  runtime.clock.set(new Date('2027-02-10T09:00:00Z'));
  ekonom = await login(runtime, 'ekonom');
});
afterAll(() => runtime?.stop());

/** Every voucher of a year through the list route, page by page. */
async function vouchersOf(year: number) {
  const items: { series: string; lines: { account: string; amount: string }[] }[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(runtime, 'GET', `${demo}/${year}/vouchers?limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
      token: ekonom,
    });
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

describe('years close in sequence', () => {
  it('refuses to close 2027 while 2026 has books and is open, writing nothing', async () => {
    await call(runtime, 'POST', `${demo}/vouchers`, {
      token: ekonom,
      body: {
        series: 'A',
        year: 2027,
        date: '2027-01-31',
        text: 'Lokalhyra januari',
        basis: { kind: 'invoice', reference: 'F-2027-01' },
        lines: [
          { account: '5010', amount: '15000.00' },
          { account: '1930', amount: '-15000.00' },
        ],
      },
    });
    const before = await allItems(runtime);
    const refused = await call(runtime, 'POST', `${demo}/2027/close`, {
      token: ekonom,
      body: { reason: 'Bokslut 2027' },
    });
    expect(refused.status).toBe(409);
    expect(refused.contentType).toContain('problem+json');
    expect(refused.body.detail).toContain('2026');
    expect(await allItems(runtime)).toEqual(before);
  });

  it('closes 2026 and carries its closing balances into 2027 as ingående balanser', async () => {
    const closed = await call(runtime, 'POST', `${demo}/2026/close`, {
      token: ekonom,
      body: { reason: 'Bokslut 2026' },
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.yearLocked).toBe(true);

    // The oracle: 2026's opening plus every 2026 line, per balance account, summed here in öre.
    const opening2026 = (await call(runtime, 'GET', `${demo}/2026/opening-balances`, { token: ekonom })).body.balances;
    const expected = new Map<string, bigint>();
    for (const [account, amount] of Object.entries(opening2026 as Record<string, string>))
      expected.set(account, ore(amount));
    for (const voucher of await vouchersOf(2026))
      for (const line of voucher.lines)
        if (Number(line.account[0]) <= 2)
          expected.set(line.account, (expected.get(line.account) ?? 0n) + ore(line.amount));
    // Årets resultat (2010) joins the balanserat eget kapital (2050) as the new year opens.
    expected.set('2050', (expected.get('2050') ?? 0n) + (expected.get('2010') ?? 0n));
    expected.delete('2010');
    const wanted = Object.fromEntries(
      [...expected].filter(([, value]) => value !== 0n).map(([account, value]) => [account, kronor(value)]),
    );
    const opening2027 = await call(runtime, 'GET', `${demo}/2027/opening-balances`, { token: ekonom });
    expect(opening2027.body.balances).toEqual(wanted);
    expect(opening2027.body.source).toBe('bokslut 2026');
    const sum = Object.values(opening2027.body.balances as Record<string, string>).reduce((s, a) => s + ore(a), 0n);
    expect(sum).toBe(0n);

    const next = await call(runtime, 'POST', `${demo}/2027/close`, { token: ekonom, body: { reason: 'Bokslut 2027' } });
    expect(next.status, JSON.stringify(next.body)).toBe(200);
  });

  it('does not let anyone enter ingående balanser by hand for a year whose predecessor was kept here', async () => {
    const reply = await call(runtime, 'PUT', `${demo}/2027/opening-balances`, {
      token: ekonom,
      body: { balances: { '1930': '1.00', '2010': '-1.00' }, source: 'Försök att skriva över' },
    });
    expect(reply.status).toBe(409);
  });
});

describe('the first year of a förbund new to the system', () => {
  it('opens from balances entered once from its previous books: balanced, balance accounts only', async () => {
    const admin = await login(runtime, 'admin');
    const created = await call(runtime, 'POST', '/api/forbund', { token: admin, body: otherForbundBody() });
    expect(created.status).toBe(201);
    const forbundId = created.body.id as string;
    await httpDriver(runtime.url).addUser({
      username: 'ekonom-andra',
      name: 'Ekonomen i Andra',
      roles: ['ekonom'],
      forbundId,
    });
    const token = await login(runtime, 'ekonom-andra');
    const base = `/api/forbund/${forbundId}/ledger/2027/opening-balances`;
    const source = 'Utgående balanser 2026 enligt Visma';

    const unbalanced = await call(runtime, 'PUT', base, {
      token,
      body: { balances: { '1930': '850000.00', '2050': '-849999.99' }, source },
    });
    expect(unbalanced.status).toBe(400);
    expect(unbalanced.body.errors.map((i: { field: string }) => i.field)).toContain('balances');
    const resultAccount = await call(runtime, 'PUT', base, {
      token,
      body: { balances: { '1930': '100.00', '5010': '-100.00' }, source },
    });
    expect(resultAccount.status).toBe(400);
    expect(resultAccount.body.errors.map((i: { field: string }) => i.field)).toContain('balances.5010');
    const badAmount = await call(runtime, 'PUT', base, {
      token,
      body: { balances: { '1930': '100.5', '2050': '-100.5' }, source },
    });
    expect(badAmount.status).toBe(400);
    expect(JSON.stringify(badAmount.body.errors)).toContain('balances.1930');

    const entered = await call(runtime, 'PUT', base, {
      token,
      body: { balances: { '1930': '850000.00', '2050': '-850000.00' }, source },
    });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    const read = await call(runtime, 'GET', base, { token });
    expect(read.body).toEqual({ year: 2027, balances: { '1930': '850000.00', '2050': '-850000.00' }, source });
    const again = await call(runtime, 'PUT', base, {
      token,
      body: { balances: { '1930': '1.00', '2050': '-1.00' }, source },
    });
    expect(again.status).toBe(409);
    const audit = await call(runtime, 'GET', `/api/forbund/${forbundId}/audit`, { token: admin });
    expect(audit.body.items.some((item: { summary?: string }) => item.summary?.includes(source))).toBe(true);
  });
});
