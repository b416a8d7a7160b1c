import { httpDriver, type Runtime } from '@finsam/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allItems, call, login, otherForbundBody, startTestRuntime } from '../support/runtime.ts';

/**
 * Issue 10 point 5 over HTTP: a förbund new to the system, starting mid-year, brings its
 * ingående balanser as the #IB 0 lines of a SIE 4 file from its previous system. The file is
 * written here by hand and encoded to CP437 by the table below, not by the code under test.
 */
let runtime: Runtime;
let admin: string;
const year = 2027;

/** The CP437 ("PC8") bytes of the Swedish letters the files below use; everything else is ASCII. */
const cp437Bytes: Record<string, number> = { å: 0x86, ä: 0x84, ö: 0x94, Å: 0x8f, Ä: 0x8e, Ö: 0x99, é: 0x82 };
function cp437(text: string): string {
  const bytes = [...text].map((character) => {
    const code = character.codePointAt(0) as number;
    if (code < 0x80) return code;
    const byte = cp437Bytes[character];
    if (byte === undefined) throw new Error(`no CP437 byte for ${character} in this test's table`);
    return byte;
  });
  return Buffer.from(bytes).toString('base64');
}

interface SieFile {
  organisationsnummer?: string;
  fiscalYearStart?: string;
  /** #IB 0 lines: account and amount as written in the file. */
  opening: [string, string][];
  /** #KONTO lines beyond those of `opening`. */
  accounts?: Record<string, string>;
}

/** A SIE 4 file as a previous system writes it; `#IB -1`, `#UB` and a voucher are there to be ignored. */
function sieFile({ organisationsnummer = '222000-0026', fiscalYearStart = '20270101', opening, accounts }: SieFile) {
  const names: Record<string, string> = {
    '1930': 'Företagskonto',
    '2050': 'Balanserat kapital',
    ...accounts,
  };
  const lines = [
    '#FLAGGA 0',
    '#FORMAT PC8',
    '#SIETYP 4',
    '#PROGRAM "Visma Administration" 2000.1',
    '#GEN 20270610',
    '#FNAMN "Samordningsförbundet Andra"',
    `#ORGNR ${organisationsnummer}`,
    `#RAR 0 ${fiscalYearStart} 20271231`,
    '#RAR -1 20260101 20261231',
    ...Object.entries(names).map(([number, name]) => `#KONTO ${number} "${name}"`),
    '#IB -1 1930 700000.00',
    '#IB -1 2050 -700000.00',
    ...opening.map(([account, amount]) => `#IB 0 ${account} ${amount}`),
    '#UB 0 1930 910000.00',
    '#VER A 1 20270105 "Bidrag januari"',
    '{',
    '#TRANS 1930 {} 60000.00',
    '#TRANS 2050 {} -60000.00',
    '}',
  ];
  return { text: lines.join('\r\n'), lineOf: (label: string) => lines.findIndex((line) => line.startsWith(label)) + 1 };
}

const ore = (amount: string) => {
  const [kronor, decimals = ''] = amount.replace('-', '').split('.');
  const value = BigInt(kronor as string) * 100n + BigInt(decimals.padEnd(2, '0'));
  return amount.startsWith('-') ? -value : value;
};
const fields = (reply: { body: { errors?: { field: string }[] } }) => reply.body.errors?.map((issue) => issue.field);

/** A fresh förbund with no earlier books, made the way the platform administrator onboards one. */
async function freshForbund(
  name: string,
  users: { username: string; name: string; roles: string[]; memberId?: string }[],
) {
  const created = await call(runtime, 'POST', '/api/forbund', { token: admin, body: otherForbundBody(name) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const forbundId = created.body.id as string;
  const tokens: Record<string, string> = {};
  for (const user of users) {
    await httpDriver(runtime.url).addUser({ ...user, forbundId });
    tokens[user.username] = await login(runtime, user.username);
  }
  const base = `/api/forbund/${forbundId}`;
  // Reading the kontoplan writes it the first time; done here so that "nothing stored" below means
  // nothing of the import, not the kontoplan the ledger would have written on any first use.
  const chart = await call(runtime, 'GET', `${base}/ledger/accounts`, { token: admin });
  expect(chart.status).toBe(200);
  const accounts = chart.body.accounts as { number: string; kind: string; memberId?: string }[];
  return { forbundId, base, tokens, accounts };
}

beforeAll(async () => {
  // With the cycle, for the local control route that adds the new förbund's people.
  runtime = await startTestRuntime({ cycle: true });
  runtime.clock.set(new Date('2027-06-15T09:00:00Z'));
  admin = await login(runtime, 'admin');
});
afterAll(() => runtime?.stop());

describe('ingående balanser from a SIE file', () => {
  it('enters the #IB 0 lines once, by the same rules as by hand, refusing bad files and other roles', async () => {
    const { base, tokens, accounts } = await freshForbund('Samordningsförbundet Andra', [
      { username: 'sie-ekonom', name: 'Ekonomen i Andra', roles: ['ekonom'] },
      { username: 'sie-revisor', name: 'Revisorn i Andra', roles: ['revisor'] },
      { username: 'sie-medlem', name: 'Gamma kommuns representant', roles: ['member-rep'], memberId: 'gamma' },
    ]);
    const route = `${base}/ledger/${year}/opening-balances/sie`;
    const ekonom = tokens['sie-ekonom'] as string;
    const receivable = accounts.find((a) => a.memberId === 'fk' && a.kind === 'asset')?.number as string;
    const payable = accounts.find((a) => a.memberId === 'gamma' && a.kind === 'liability')?.number as string;
    const income = accounts.find((a) => a.kind === 'income')?.number as string;
    expect([receivable, payable, income].every((number) => /^\d{4}$/.test(number))).toBe(true);
    const named = {
      [receivable]: 'Fordran Försäkringskassan',
      [payable]: 'Skuld Gamma kommun',
      '2010': 'Årets resultat',
    };
    const opening: [string, string][] = [
      ['1930', '850000.00'],
      [receivable, '25000.5'],
      [payable, '-75000.50'],
      ['2050', '-800000'],
      ['2010', '0.00'],
    ];
    const good = sieFile({ opening, accounts: named });

    const before = await allItems(runtime);
    for (const user of ['sie-revisor', 'sie-medlem']) {
      const refused = await call(runtime, 'POST', route, {
        token: tokens[user],
        body: { contentBase64: cp437(good.text) },
      });
      expect(refused.status, user).toBe(403);
      expect(refused.contentType).toContain('application/problem+json');
    }

    const unbalanced = sieFile({ opening: [...opening, ['2050', '-800000.01']], accounts: named });
    const unknown = sieFile({
      opening: [...opening, ['1790', '10.00'], ['2050', '-800010.00']],
      accounts: { ...named, '1790': 'Förutbetalda kostnader' },
    });
    const result = sieFile({
      opening: [...opening, [income, '-10.00'], ['2050', '-799990.00']],
      accounts: { ...named, [income]: 'Ränteintäkter' },
    });
    const lastYear = sieFile({ opening, accounts: named, fiscalYearStart: '20260101' });
    const noOpening = sieFile({ opening: [], accounts: named });
    const bad: [string, string, string, RegExp][] = [
      ['#IB 0 summing to -0.01', unbalanced.text, 'file', /summera till noll; de skiljer −0,01\u00a0kr/],
      [
        'an account not in the kontoplan',
        unknown.text,
        `line ${unknown.lineOf('#IB 0 1790')}`,
        /konto 1790 finns inte/,
      ],
      ['a result account', result.text, `line ${result.lineOf(`#IB 0 ${income}`)}`, /resultatkonto/],
      ['#RAR 0 of the year before', lastYear.text, `line ${lastYear.lineOf('#RAR 0')}`, /#RAR 0 börjar 2026-01-01/],
      ['no #IB 0 line', noOpening.text, 'file', /inga ingående balanser/],
      ['a broken line', `${good.text}\r\n#IB 0 1930 12,50`, `line ${good.text.split('\r\n').length + 1}`, /belopp/],
    ];
    for (const [description, text, field, message] of bad) {
      const reply = await call(runtime, 'POST', route, { token: ekonom, body: { contentBase64: cp437(text) } });
      expect(reply.status, description).toBe(400);
      expect(reply.contentType, description).toContain('application/problem+json');
      expect(fields(reply), description).toContain(field);
      const issue = reply.body.errors.find((e: { field: string }) => e.field === field);
      expect(issue.message, description).toMatch(message);
    }
    expect(await allItems(runtime)).toEqual(before);

    const entered = await call(runtime, 'POST', route, { token: ekonom, body: { contentBase64: cp437(good.text) } });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    const source = 'SIE-import: Samordningsförbundet Andra 222000-0026, Visma Administration 2000.1, IB 2027';
    expect(entered.body.source).toBe(source);

    // The oracle is the file's own #IB 0 lines, read back in öre; the zero line is not kept.
    const read = await call(runtime, 'GET', `${base}/ledger/${year}/opening-balances`, { token: ekonom });
    expect(read.body.source).toBe(source);
    const readBack = Object.entries(read.body.balances as Record<string, string>).map(
      ([account, amount]) => [account, ore(amount)] as const,
    );
    const wanted = opening
      .filter(([, amount]) => ore(amount) !== 0n)
      .map(([account, amount]) => [account, ore(amount)] as const);
    expect(new Map(readBack)).toEqual(new Map(wanted));
    expect(read.body.balances[receivable]).toBe('25000.50');

    // The file's voucher is not booked: this route enters balances and nothing else.
    const vouchers = await call(runtime, 'GET', `${base}/ledger/${year}/vouchers`, { token: ekonom });
    expect(vouchers.body.items).toEqual([]);
    const audit = await call(runtime, 'GET', `${base}/audit`, { token: admin });
    expect(audit.body.items.some((item: { summary?: string }) => item.summary?.includes(source))).toBe(true);

    const settled = await allItems(runtime);
    const again = await call(runtime, 'POST', route, { token: ekonom, body: { contentBase64: cp437(good.text) } });
    expect(again.status).toBe(409);
    expect(again.contentType).toContain('application/problem+json');
    const byHand = await call(runtime, 'PUT', `${base}/ledger/${year}/opening-balances`, {
      token: ekonom,
      body: { balances: { '1930': '1.00', '2050': '-1.00' }, source: 'Försök efter importen' },
    });
    expect(byHand.status).toBe(409);
    expect(await allItems(runtime)).toEqual(settled);
  });

  it('takes a file with another #ORGNR only when a person confirms it, and says so in the audit trail', async () => {
    const { base, tokens } = await freshForbund('Samordningsförbundet Tredje', [
      { username: 'sie-chef', name: 'Förbundschefen i Tredje', roles: ['forbund-admin'] },
    ]);
    const route = `${base}/ledger/${year}/opening-balances/sie`;
    const token = tokens['sie-chef'] as string;
    const file = sieFile({
      organisationsnummer: '222000-0018',
      opening: [
        ['1930', '120000.00'],
        ['2050', '-120000.00'],
      ],
    });

    const before = await allItems(runtime);
    const refused = await call(runtime, 'POST', route, { token, body: { contentBase64: cp437(file.text) } });
    expect(refused.status).toBe(400);
    expect(fields(refused)).toEqual([`line ${file.lineOf('#ORGNR')}`]);
    expect(refused.body.errors[0].message).toContain(
      '#ORGNR 222000-0018 är inte förbundets organisationsnummer 222000-0026',
    );
    const unconfirmed = await call(runtime, 'POST', route, {
      token,
      body: { contentBase64: cp437(file.text), confirmOrganisationsnummerMismatch: false },
    });
    expect(unconfirmed.status).toBe(400);
    expect(await allItems(runtime)).toEqual(before);
    expect((await call(runtime, 'GET', `${base}/ledger/${year}/opening-balances`, { token })).body).toEqual({
      year,
      balances: {},
    });

    const accepted = await call(runtime, 'POST', route, {
      token,
      body: { contentBase64: cp437(file.text), confirmOrganisationsnummerMismatch: true },
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect(accepted.body.balances).toEqual({ '1930': '120000.00', '2050': '-120000.00' });
    const confirmation = '#ORGNR 222000-0018 är inte förbundets 222000-0026, bekräftat av Förbundschefen i Tredje';
    expect(accepted.body.source).toContain(confirmation);
    const read = await call(runtime, 'GET', `${base}/ledger/${year}/opening-balances`, { token });
    expect(read.body.source).toBe(accepted.body.source);
    const audit = await call(runtime, 'GET', `${base}/audit`, { token });
    const entry = audit.body.items.find(
      (item: { action: string }) => item.action === 'ledger.opening-balances.entered',
    );
    expect(entry?.summary).toContain(confirmation);
  });
});
