import type { Runtime } from '@finsam/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allItems, call, login, startTestRuntime } from '../support/runtime.ts';

/**
 * Issue 12 point 2 over HTTP: a SIE 4 voucher import checks every voucher by the rules of a
 * voucher booked through the API, refuses object tags the förbund does not have, and refuses a
 * file whose #ORGNR is missing or another unless a person confirms it (recorded in the
 * behandlingshistorik). Each refusal is a 400 naming the file line, with nothing written.
 */
let runtime: Runtime;
let ekonom: string;
const base = '/api/forbund/exempeldalen/ledger';
const demoOrganisationsnummer = '222000-0018';

interface Voucher {
  header?: string;
  trans?: string[];
}

/** A SIE 4 file written by hand (ASCII only, so latin1 is CP437); `lineOf` finds a line by its start. */
function sieFile({ orgnr = `#ORGNR ${demoOrganisationsnummer}`, vouchers }: { orgnr?: string; vouchers: Voucher[] }) {
  const lines = [
    '#FLAGGA 0',
    '#FORMAT PC8',
    '#SIETYP 4',
    '#PROGRAM "Testprogram" 1.0',
    '#GEN 20261201',
    ...(orgnr === '' ? [] : [orgnr]),
    '#RAR 0 20260101 20261231',
    '#KONTO 5410 "Forbrukningsinventarier"',
    '#KONTO 1930 "Foretagskonto"',
    '#KONTO 4100 "Insats Steget"',
    '#DIM 6 "Projekt"',
    '#DIM 20 "Medlem"',
    '#OBJEKT 6 "steget" "Steget vidare"',
    '#OBJEKT 6 "okand" "Okand insats"',
    '#OBJEKT 20 "fk" "Forsakringskassan"',
    '#OBJEKT 20 "nagon" "Ingen medlem"',
  ];
  vouchers.forEach((voucher, index) => {
    lines.push(voucher.header ?? `#VER I ${index + 1} 20261105 "Konferenslokal ${index + 1}"`, '{');
    lines.push(...(voucher.trans ?? ['#TRANS 5410 {} 1250.00', '#TRANS 1930 {} -1250.00']), '}');
  });
  const text = `${lines.join('\r\n')}\r\n`;
  return { text, lineOf: (start: string) => lines.findIndex((line) => line.startsWith(start)) + 1 };
}

const send = (text: string, extra: Record<string, unknown> = {}) =>
  call(runtime, 'POST', `${base}/imports`, {
    token: ekonom,
    body: { fileName: 'rapport.se', contentBase64: Buffer.from(text, 'latin1').toString('base64'), ...extra },
  });

type Issue = { field: string; message: string };

/** Sends the file, expects a 400 whose errors name `line` with a message containing `words`, and nothing written. */
async function refused(text: string, line: number, words: string, extra: Record<string, unknown> = {}) {
  const before = await allItems(runtime);
  const reply = await send(text, extra);
  expect(reply.status, JSON.stringify(reply.body)).toBe(400);
  expect(reply.contentType).toContain('application/problem+json');
  const errors = reply.body.errors as Issue[];
  const issue = errors.find((entry) => entry.field === `line ${line}`);
  expect(issue, JSON.stringify(errors)).toBeDefined();
  expect(issue?.message).toContain(words);
  expect(await allItems(runtime)).toEqual(before);
  return errors;
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  ekonom = await login(runtime, 'ekonom');
  // An insats of the förbund, so that a dimension 6 tag has something known to name.
  const chart = await call(runtime, 'GET', `${base}/accounts`, { token: ekonom });
  const added = await call(runtime, 'POST', `${base}/accounts`, {
    token: ekonom,
    body: {
      account: { number: '4100', name: 'Insats Steget vidare', kind: 'cost', area: 'insatser', insatsId: 'steget' },
      expectedVersion: chart.body.version,
    },
  });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
});
afterAll(() => runtime?.stop());

describe('SIE 4 import: every voucher by the API rules, naming the file line', () => {
  it('refuses a year outside the range the product books', async () => {
    const file = sieFile({ vouchers: [{}, { header: '#VER I 2 18991105 "Gammal"' }] });
    await refused(file.text, file.lineOf('#VER I 2'), 'År: tidigast 2000.');
  });

  it('refuses an unusual series', async () => {
    const file = sieFile({ vouchers: [{ header: '#VER a-1 1 20261105 "Konstig serie"' }] });
    await refused(file.text, file.lineOf('#VER a-1'), 'Serie:');
  });

  it('refuses a text over the limit', async () => {
    const file = sieFile({ vouchers: [{ header: `#VER I 1 20261105 "${'x'.repeat(201)}"` }] });
    await refused(file.text, file.lineOf('#VER I 1'), 'Text: högst 200 tecken.');
  });

  it('refuses a control character in a text read from the file', async () => {
    const file = sieFile({ vouchers: [{}, { header: '#VER I 2 20261105 "Lokal\u0007hyra"' }] });
    await refused(file.text, file.lineOf('#VER I 2'), 'otillåtet styrtecken');
  });

  it('refuses a member that is not in the charter and an insats the förbund does not have', async () => {
    const member = sieFile({ vouchers: [{ trans: ['#TRANS 5410 {20 "nagon"} 1250.00', '#TRANS 1930 {} -1250.00'] }] });
    await refused(member.text, member.lineOf('#TRANS 5410'), 'medlemmen nagon finns inte i förbundsordningen');
    const insats = sieFile({ vouchers: [{ trans: ['#TRANS 4100 {6 "okand"} 1250.00', '#TRANS 1930 {} -1250.00'] }] });
    await refused(insats.text, insats.lineOf('#TRANS 4100'), 'insatsen okand finns inte hos förbundet');
  });

  it('refuses a dimension it does not know and an object without #OBJEKT', async () => {
    const dimension = sieFile({ vouchers: [{ trans: ['#TRANS 5410 {1 "K10"} 1250.00', '#TRANS 1930 {} -1250.00'] }] });
    await refused(dimension.text, dimension.lineOf('#TRANS 5410'), 'dimension 1 är okänd');
    const undeclared = sieFile({ vouchers: [{ trans: ['#TRANS 5410 {20 "af"} 1250.00', '#TRANS 1930 {} -1250.00'] }] });
    await refused(undeclared.text, undeclared.lineOf('#TRANS 5410'), 'saknar #OBJEKT');
  });

  it('refuses an account the kontoplan lacks, naming its #TRANS line', async () => {
    const file = sieFile({ vouchers: [{ trans: ['#TRANS 1930 {} -10.00', '#TRANS 6999 {} 10.00'] }] });
    await refused(`${file.text}#KONTO 6999 "Okant"\r\n`, file.lineOf('#TRANS 6999'), 'finns inte i kontoplanen');
  });
});

describe('SIE 4 import: #ORGNR', () => {
  it('refuses a file without #ORGNR', async () => {
    const file = sieFile({ orgnr: '', vouchers: [{}] });
    const before = await allItems(runtime);
    const reply = await send(file.text);
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toContainEqual({ field: 'file', message: expect.stringContaining('#ORGNR saknas') });
    expect(await allItems(runtime)).toEqual(before);
  });

  it('refuses another organisation’s #ORGNR, then stages it when confirmed and records the confirmation', async () => {
    const file = sieFile({ orgnr: '#ORGNR 222000-0026', vouchers: [{}] });
    await refused(file.text, file.lineOf('#ORGNR'), '#ORGNR 222000-0026 är inte förbundets organisationsnummer');

    const staged = await send(file.text, { confirmOrganisationsnummerMismatch: true });
    expect(staged.status, JSON.stringify(staged.body)).toBe(201);
    const audit = (await allItems(runtime)).filter(
      (item) => item.kind === 'audit' && item.entity === `IMPORT#${staged.body.id}`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'ledger.import.staged' });
    expect(audit[0]?.summary).toContain('#ORGNR 222000-0026 är inte förbundets 222000-0018, avvikelsen bekräftad av');
  });

  it('accepts the förbund’s own number written without the dash', async () => {
    const file = sieFile({
      orgnr: '#ORGNR 2220000018',
      vouchers: [{ header: '#VER J 1 20261106 "Utan bindestreck"' }],
    });
    const reply = await send(file.text);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  });
});

describe('SIE 4 import: a good file', () => {
  it('stages and books a file with known member and insats tags', async () => {
    const file = sieFile({
      vouchers: [
        {
          header: '#VER K 1 20261110 "Kostnadsrapport FK"',
          trans: ['#TRANS 5410 {20 "fk"} 300.00', '#TRANS 1930 {} -300.00'],
        },
        { header: '#VER K 2 20261111 "Steget"', trans: ['#TRANS 4100 {6 "steget"} 800.00', '#TRANS 1930 {} -800.00'] },
      ],
    });
    const staged = await send(file.text);
    expect(staged.status, JSON.stringify(staged.body)).toBe(201);
    expect(staged.body.drafts).toHaveLength(2);
    const audit = (await allItems(runtime)).filter((item) => item.entity === `IMPORT#${staged.body.id}`);
    expect(audit[0]?.summary).not.toContain('bekräft');
    const booked = await call(runtime, 'POST', `${base}/imports/${staged.body.id}/book`, { token: ekonom });
    expect(booked.status, JSON.stringify(booked.body)).toBe(200);
    expect(booked.body.status).toBe('booked');
    const voucher = await call(runtime, 'GET', `${base}/2026/vouchers/K/2`, { token: ekonom });
    expect(voucher.body.lines[0]).toMatchObject({ account: '4100', amount: '800.00', insatsId: 'steget' });
  });
});
