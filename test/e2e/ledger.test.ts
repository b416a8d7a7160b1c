import { numberingIssues } from '@finsam/domain';
import type { Runtime } from '@finsam/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allItems, call, login, otherForbundBody, startTestRuntime } from '../support/runtime.ts';

/** Issue 3 over HTTP against the real runtime: the demo förbund has ten months of 2026 booked. */
let runtime: Runtime;
let ekonom: string;
const base = '/api/forbund/exempeldalen/ledger';
const draft = (overrides: Record<string, unknown> = {}) => ({
  series: 'A',
  year: 2026,
  date: '2026-11-05',
  text: 'Konferenslokal',
  basis: { kind: 'invoice', reference: 'F-1001' },
  lines: [
    { account: '5410', amount: '1250.00' },
    { account: '1930', amount: '-1250.00' },
  ],
  ...overrides,
});

beforeAll(async () => {
  runtime = await startTestRuntime();
  ekonom = await login(runtime, 'ekonom');
});
afterAll(() => runtime?.stop());

describe('gapless numbering', () => {
  it('gives 200 vouchers booked by 20 concurrent clients the numbers 1..200, no gap, no duplicate', async () => {
    const clients = 20;
    const perClient = 10;
    const replies = await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        const numbers: number[] = [];
        for (let index = 0; index < perClient; index++) {
          const reply = await call(runtime, 'POST', `${base}/vouchers`, {
            token: ekonom,
            body: draft({ series: 'C', text: `Klient ${client} nr ${index}` }),
          });
          expect(reply.status, JSON.stringify(reply.body)).toBe(201);
          numbers.push(reply.body.number);
        }
        return numbers;
      }),
    );
    expect(replies.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));

    const listed: { series: string; year: number; number: number }[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(runtime, 'GET', `${base}/2026/vouchers?series=C${cursor ? `&cursor=${cursor}` : ''}`, {
        token: ekonom,
      });
      listed.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(listed).toHaveLength(200);
    expect(numberingIssues(listed)).toEqual([]);
  });
});

describe('refusals write nothing', () => {
  it('answers unbalanced, unknown account, locked period, change, delete and another förbund with a clear 4xx', async () => {
    const admin = await login(runtime, 'admin');
    const other = (await call(runtime, 'POST', '/api/forbund', { token: admin, body: otherForbundBody() })).body.id;
    await call(runtime, 'POST', `${base}/2026/periods/lock`, {
      token: ekonom,
      body: { period: '2026-01', reason: 'Januari avstämd och rapporterad till styrelsen' },
    });
    const before = await allItems(runtime);

    const unbalanced = await call(runtime, 'POST', `${base}/vouchers`, {
      token: ekonom,
      body: draft({
        lines: [
          { account: '5410', amount: '100.00' },
          { account: '1930', amount: '-99.99' },
        ],
      }),
    });
    expect(unbalanced.status).toBe(400);
    expect(unbalanced.body.errors[0]).toMatchObject({ field: 'lines' });
    expect(unbalanced.body.errors[0].message).toContain('0,01');

    const unknown = await call(runtime, 'POST', `${base}/vouchers`, {
      token: ekonom,
      body: draft({
        lines: [
          { account: '6999', amount: '100.00' },
          { account: '1930', amount: '-100.00' },
        ],
      }),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('lines.0.account');

    const locked = await call(runtime, 'POST', `${base}/vouchers`, {
      token: ekonom,
      body: draft({ date: '2026-01-15' }),
    });
    expect(locked.status).toBe(409);
    expect(locked.body.detail).toContain('Januari avstämd');

    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const change = await call(runtime, method, `${base}/2026/vouchers/A/1`, { token: ekonom, body: draft() });
      expect(change.status).toBe(405);
      expect(change.body.detail).toContain('återföring');
    }

    const foreign = await call(runtime, 'POST', `/api/forbund/${other}/ledger/vouchers`, {
      token: ekonom,
      body: draft(),
    });
    expect(foreign.status).toBe(404);

    expect(await allItems(runtime)).toEqual(before);
    const original = await call(runtime, 'GET', `${base}/2026/vouchers/A/1`, { token: ekonom });
    expect(original.body.lines.length).toBeGreaterThan(2);
  });
});

describe('corrections and reports', () => {
  it('reverses a voucher with a new linked one, restoring every balance', async () => {
    const trial = async () =>
      (await call(runtime, 'GET', `${base}/2026/reports/trial-balance`, { token: ekonom })).body;
    const before = await trial();
    const booked = await call(runtime, 'POST', `${base}/vouchers`, {
      token: ekonom,
      body: draft({ date: '2026-11-10' }),
    });
    expect(booked.status).toBe(201);
    const reversal = await call(runtime, 'POST', `${base}/2026/vouchers/A/${booked.body.number}/reversal`, {
      token: ekonom,
      body: { date: '2026-11-11' },
    });
    expect(reversal.status).toBe(201);
    expect(reversal.body.corrects).toMatchObject({ series: 'A', number: booked.body.number, kind: 'reversal' });
    const after = await trial();
    const closing = (report: { rows: { account: string; closing: string }[] }) =>
      Object.fromEntries(report.rows.map((row) => [row.account, row.closing]));
    expect(closing(after)).toEqual(closing(before));
    expect(after.totals.closing).toBe('0.00');
  });

  it('ties the resultaträkning to the balansräkning and the kassaflöde to the bank', async () => {
    const report = async (name: string) =>
      (await call(runtime, 'GET', `${base}/2026/reports/${name}`, { token: ekonom })).body;
    const [rr, br, kf, trial] = await Promise.all(
      ['resultatrakning', 'balansrakning', 'kassaflode', 'trial-balance'].map(report),
    );
    expect(JSON.stringify(br)).toContain(rr.aretsResultat);
    const bank = trial.rows.find((row: { account: string }) => row.account === '1930');
    expect(kf.likvidaMedelVidAretsSlut).toBe(bank.closing);
    const members = await report('members');
    expect(members.members.map((m: { memberId: string }) => m.memberId)).toEqual([
      'fk',
      'af',
      'region',
      'alfa',
      'beta',
    ]);
  });
});

describe('SIE 4', () => {
  it('exports the demo förbund and imports it into a fresh förbund as the identical ledger', async () => {
    const exported = await fetch(`${runtime.url}${base}/2026/sie`, { headers: { authorization: `Bearer ${ekonom}` } });
    expect(exported.headers.get('content-type')).toContain('IBM437');
    const bytes = new Uint8Array(await exported.arrayBuffer());
    expect(Buffer.from(bytes).toString('latin1')).toContain('#SIETYP 4');

    const admin = await login(runtime, 'admin');
    const demoCharter = (await call(runtime, 'GET', '/api/forbund/exempeldalen/charter', { token: admin })).body;
    const copy = await call(runtime, 'POST', '/api/forbund', {
      token: admin,
      body: {
        ...otherForbundBody('Samordningsförbundet Kopian'),
        charter: {
          effectiveFrom: demoCharter.effectiveFrom,
          members: demoCharter.members,
          settings: demoCharter.settings,
        },
      },
    });
    const copyBase = `/api/forbund/${copy.body.id}/ledger`;
    // The file carries the demo förbund's #ORGNR, not the copy's: moving it over needs the explicit confirmation.
    const staged = await call(runtime, 'POST', `${copyBase}/imports`, {
      token: admin,
      body: {
        fileName: 'exempeldalen-2026.se',
        contentBase64: Buffer.from(bytes).toString('base64'),
        confirmOrganisationsnummerMismatch: true,
      },
    });
    expect(staged.status, JSON.stringify(staged.body).slice(0, 500)).toBe(201);
    const booked = await call(runtime, 'POST', `${copyBase}/imports/${staged.body.id}/book`, { token: admin });
    expect(booked.body.status).toBe('booked');
    const again = await call(runtime, 'POST', `${copyBase}/imports/${staged.body.id}/book`, { token: admin });
    expect(again.body.bookedCount).toBe(booked.body.bookedCount);

    const everything = async (path: string, token: string) => {
      const vouchers: Record<string, unknown>[] = [];
      let cursor: string | undefined;
      do {
        const page = await call(runtime, 'GET', `${path}/2026/vouchers${cursor ? `?cursor=${cursor}` : ''}`, { token });
        vouchers.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      return vouchers.map(({ series, number, date, text, lines }) => ({ series, number, date, text, lines }));
    };
    expect(await everything(copyBase, admin)).toEqual(await everything(base, ekonom));
    const balance = async (path: string, token: string) =>
      (await call(runtime, 'GET', `${path}/2026/reports/trial-balance`, { token })).body.rows;
    expect(await balance(copyBase, admin)).toEqual(await balance(base, ekonom));
  });

  it('refuses a malformed file with the line number, staging nothing', async () => {
    const before = await allItems(runtime);
    const broken = '#FLAGGA 0\r\n#SIETYP 4\r\n#KONTO 1930 Bank\r\n#VER A 1 2026013 "Trasigt datum"\r\n{\r\n}\r\n';
    const reply = await call(runtime, 'POST', `${base}/imports`, {
      token: ekonom,
      body: { fileName: 'trasig.se', contentBase64: Buffer.from(broken, 'latin1').toString('base64') },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { field: string }) => e.field)).toContain('line 4');
    expect(await allItems(runtime)).toEqual(before);
  });
});

describe('report documents', () => {
  it('downloads every report as PDF and Excel, with Swedish file names', async () => {
    for (const report of [
      'resultatrakning',
      'balansrakning',
      'kassaflode',
      'trial-balance',
      'members',
      'insatser',
      'budget',
    ]) {
      for (const format of ['pdf', 'xlsx']) {
        const reply = await fetch(`${runtime.url}${base}/2026/reports/${report}/${format}`, {
          headers: { authorization: `Bearer ${ekonom}` },
        });
        expect(reply.status, `${report}.${format}`).toBe(200);
        const bytes = Buffer.from(await reply.arrayBuffer());
        if (format === 'pdf') expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
        else expect(bytes.subarray(0, 2).toString()).toBe('PK');
        expect(reply.headers.get('content-disposition')).toContain(`2026.${format}`);
      }
    }
  });
});
