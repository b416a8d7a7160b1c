import { request as httpRequest } from 'node:http';
import type { Runtime } from '@finsam/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allItems, call, fillPath, login, operations, otherForbundBody, startTestRuntime } from '../support/runtime.ts';

/**
 * Bad input on every write route: 400 problem+json naming the field, and the table holds
 * exactly what it held before. The list of write routes comes from the OpenAPI document; a new
 * write route without cases here fails the first test.
 */
let runtime: Runtime;
let admin: string;
let charter: Record<string, any>;
let profile: Record<string, any>;

beforeAll(async () => {
  runtime = await startTestRuntime();
  admin = await login(runtime, 'admin');
  const current = await call(runtime, 'GET', '/api/forbund/exempeldalen/charter', { token: admin });
  const { version, forbundId: _f, createdAt: _c, createdBy: _b, ...document } = current.body;
  charter = { ...document, expectedVersion: version };
  const forbund = await call(runtime, 'GET', '/api/forbund/exempeldalen', { token: admin });
  const { id: _i, version: v, createdAt: _a, createdBy: _cb, updatedAt: _u, ...rest } = forbund.body;
  profile = { ...rest, expectedVersion: v };
});
afterAll(() => runtime?.stop());

/**
 * The server answers 413 before reading the whole body and then closes the connection; sent on a
 * connection of its own, that close cannot break the keep-alive pool the other requests share.
 */
function sendOnOwnConnection(path: string, body: string): Promise<{ status: number; contentType: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${runtime.url}${path}`,
      {
        method: 'PUT',
        agent: false,
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      },
      (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type']) });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** A bad request: what is wrong, the body, the field the answer must name, and optionally other path values. */
type Case = [description: string, body: unknown, field: string, path?: Record<string, string>];

const voucher = (overrides: Record<string, unknown> = {}) => ({
  series: 'A',
  year: 2026,
  date: '2026-11-05',
  text: 'Konferenslokal',
  lines: [
    { account: '5410', amount: '1250.00' },
    { account: '1930', amount: '-1250.00' },
  ],
  ...overrides,
});
const budget = {
  frame: '1000.00',
  areas: { styrelse: '100.00', administration: '800.00', revision: '100.00' },
  expectedVersion: 0,
};
const sie = (text: string) => ({
  fileName: 'rapport.se',
  contentBase64: Buffer.from(text, 'latin1').toString('base64'),
});
/** An SIE 4 file of ingående balanser for 2030 with the demo förbund's #ORGNR: line 4 is #RAR 0, the #IB lines start at 7. */
const ibFile = (rar: string, ib: string) =>
  ({
    contentBase64: Buffer.from(
      `#FLAGGA 0\r\n#SIETYP 4\r\n#ORGNR ${profile.organisationsnummer}\r\n#RAR 0 ${rar} 20301231\r\n#KONTO 1930 Bank\r\n#KONTO 1790 Okänt\r\n${ib}`,
      'latin1',
    ).toString('base64'),
  }) as const;
const withMember = (index: number, change: Record<string, unknown>) =>
  charter.members.map((m: object, i: number) => (i === index ? { ...m, ...change } : m));

const cases: Record<string, () => Case[]> = {
  'POST /api/auth/login': () => [
    ['malformed JSON', '{"username":', 'body'],
    ['missing password', { username: 'ekonom' }, 'password'],
    ['wrong type', { username: 12, password: 'demo' }, 'username'],
    ['overlong username', { username: 'x'.repeat(255), password: 'demo' }, 'username'],
  ],
  'POST /api/forbund': () => [
    ['malformed JSON', '{"name": "Nytt", ', 'body'],
    ['missing charter', { ...otherForbundBody(), charter: undefined }, 'charter'],
    [
      'non-Luhn organisationsnummer',
      { ...otherForbundBody(), organisationsnummer: '222000-0027' },
      'organisationsnummer',
    ],
    ['unknown län', { ...otherForbundBody(), lan: 'Atlantis län' }, 'lan'],
    ['overlong name', { ...otherForbundBody(), name: 'x'.repeat(201) }, 'name'],
    ['wrong type of date', { ...otherForbundBody(), formationDate: 20150101 }, 'formationDate'],
    [
      'no kommun among the members',
      {
        ...otherForbundBody(),
        charter: { ...otherForbundBody().charter, members: otherForbundBody().charter.members.slice(0, 3) },
      },
      'charter.members',
    ],
    [
      'negative population',
      {
        ...otherForbundBody(),
        charter: {
          ...otherForbundBody().charter,
          members: otherForbundBody().charter.members.map((m) =>
            m.type === 'kommun' ? { ...m, population: { count: -5, referenceDate: '2025-12-31' } } : m,
          ),
        },
      },
      'charter.members.3.population.count',
    ],
  ],
  'PUT /api/forbund/{forbundId}': () => [
    ['malformed JSON', '[', 'body'],
    ['missing expectedVersion', { ...profile, expectedVersion: undefined }, 'expectedVersion'],
    ['negative expectedVersion', { ...profile, expectedVersion: -1 }, 'expectedVersion'],
    ['non-Luhn organisationsnummer', { ...profile, organisationsnummer: '222000-0019' }, 'organisationsnummer'],
    ['a personnummer instead', { ...profile, organisationsnummer: '811218-9876' }, 'organisationsnummer'],
  ],
  'POST /api/forbund/{forbundId}/ledger/accounts': () => [
    ['malformed JSON', '{"account":', 'body'],
    [
      'account number outside the plan',
      { account: { number: '9999', name: 'X', kind: 'cost' }, expectedVersion: 1 },
      'account.number',
    ],
    [
      'unknown kind',
      { account: { number: '5420', name: 'Lokaler', kind: 'expense' }, expectedVersion: 1 },
      'account.kind',
    ],
    [
      'overlong name',
      { account: { number: '5420', name: 'x'.repeat(101), kind: 'cost' }, expectedVersion: 1 },
      'account.name',
    ],
    ['missing expectedVersion', { account: { number: '5420', name: 'Lokaler', kind: 'cost' } }, 'expectedVersion'],
  ],
  'POST /api/forbund/{forbundId}/ledger/vouchers': () => [
    ['malformed JSON', '{"series": "A",', 'body'],
    ['one line only', voucher({ lines: [{ account: '5410', amount: '1.00' }] }), 'lines'],
    [
      'amount as a number',
      voucher({
        lines: [
          { account: '5410', amount: 12.5 },
          { account: '1930', amount: '-12.50' },
        ],
      }),
      'lines.0.amount',
    ],
    [
      'amount with three decimals',
      voucher({
        lines: [
          { account: '5410', amount: '1.005' },
          { account: '1930', amount: '-1.005' },
        ],
      }),
      'lines.0.amount',
    ],
    [
      'zero amount',
      voucher({
        lines: [
          { account: '5410', amount: '0.00' },
          { account: '1930', amount: '0.00' },
        ],
      }),
      'lines.0.amount',
    ],
    [
      'unbalanced',
      voucher({
        lines: [
          { account: '5410', amount: '10.00' },
          { account: '1930', amount: '-9.00' },
        ],
      }),
      'lines',
    ],
    [
      'unknown account',
      voucher({
        lines: [
          { account: '6999', amount: '10.00' },
          { account: '1930', amount: '-10.00' },
        ],
      }),
      'lines.0.account',
    ],
    ['date outside the year', voucher({ date: '2025-12-31' }), 'date'],
    ['overlong text', voucher({ text: 'x'.repeat(201) }), 'text'],
    ['lower-case series', voucher({ series: 'a' }), 'series'],
  ],
  'POST /api/forbund/{forbundId}/ledger/{year}/vouchers/{series}/{number}/reversal': () => [
    ['malformed JSON', '{', 'body'],
    ['missing date', {}, 'date'],
    ['impossible date', { date: '2026-02-30' }, 'date'],
    ['negative voucher number', { date: '2026-11-20' }, 'param.number', { number: '-1' }],
  ],
  'POST /api/forbund/{forbundId}/ledger/{year}/periods/lock': () => [
    ['malformed JSON', 'x', 'body'],
    ['month 13', { period: '2026-13', reason: 'Avstämd' }, 'period'],
    ['month of another year', { period: '2025-12', reason: 'Avstämd' }, 'period'],
    ['missing reason', { period: '2026-02' }, 'reason'],
    ['year as text', { period: '2026-02', reason: 'Avstämd' }, 'param.year', { year: 'tjugo' }],
  ],
  'POST /api/forbund/{forbundId}/ledger/{year}/close': () => [
    ['malformed JSON', '{"reason"', 'body'],
    ['missing reason', {}, 'reason'],
    ['year out of range', { reason: 'Bokslut' }, 'param.year', { year: '1999' }],
  ],
  'POST /api/forbund/{forbundId}/ledger/imports': () => [
    ['malformed JSON', '{"fileName": 1', 'body'],
    ['not base64', { fileName: 'x.se', contentBase64: '###' }, 'contentBase64'],
    ['missing file name', { contentBase64: 'IyM=' }, 'fileName'],
    ['a file with no vouchers', sie('#FLAGGA 0\r\n#SIETYP 4\r\n#ORGNR 222000-0018\r\n'), 'file'],
    [
      'a voucher on an unknown account',
      sie(
        '#FLAGGA 0\r\n#SIETYP 4\r\n#ORGNR 222000-0018\r\n#KONTO 6999 Okänt\r\n#KONTO 1930 Bank\r\n#VER A 1 20261105 "Test"\r\n{\r\n#TRANS 6999 {} 10.00\r\n#TRANS 1930 {} -10.00\r\n}\r\n',
      ),
      'line 8',
    ],
    [
      'a file without #ORGNR',
      sie(
        '#FLAGGA 0\r\n#SIETYP 4\r\n#KONTO 5410 Lokal\r\n#KONTO 1930 Bank\r\n#VER A 1 20261105 "Test"\r\n{\r\n#TRANS 5410 {} 10.00\r\n#TRANS 1930 {} -10.00\r\n}\r\n',
      ),
      'file',
    ],
    [
      'a voucher year outside the range',
      sie(
        '#FLAGGA 0\r\n#SIETYP 4\r\n#ORGNR 222000-0018\r\n#KONTO 5410 Lokal\r\n#KONTO 1930 Bank\r\n#VER A 1 18991105 "Test"\r\n{\r\n#TRANS 5410 {} 10.00\r\n#TRANS 1930 {} -10.00\r\n}\r\n',
      ),
      'line 6',
    ],
  ],
  'POST /api/forbund/{forbundId}/ledger/imports/{importId}/book': () => [
    ['an import id that is no ULID', undefined, 'param.importId', { importId: 'inte-ett-id' }],
  ],
  'PUT /api/forbund/{forbundId}/budgets/{year}': () => [
    ['malformed JSON', '{"frame"', 'body'],
    ['negative frame', { ...budget, frame: '-1.00' }, 'frame'],
    ['frame as a number', { ...budget, frame: 4000000 }, 'frame'],
    ['missing areas', { ...budget, areas: undefined }, 'areas'],
    [
      'insats with an id that is no identifier',
      { ...budget, insatser: [{ id: 'ä ö', name: 'X', amount: '1.00' }] },
      'insatser.0.id',
    ],
    ['negative expectedVersion', { ...budget, expectedVersion: -1 }, 'expectedVersion'],
  ],
  'POST /api/forbund/{forbundId}/budgets/{year}/samrad': () => [
    ['year as text', undefined, 'param.year', { year: 'nästa' }],
  ],
  'POST /api/forbund/{forbundId}/budgets/{year}/samrad/answers/{memberId}': () => [
    ['malformed JSON', '{', 'body'],
    ['unknown answer', { answer: 'maybe' }, 'answer'],
    ['overlong comments', { answer: 'comments', comments: 'x'.repeat(5001) }, 'comments'],
    ['member id with a hash', { answer: 'agree' }, 'param.memberId', { memberId: 'a%23b' }],
  ],
  'POST /api/forbund/{forbundId}/budgets/{year}/adoption': () => [
    ['malformed JSON', '{"kind": "final",', 'body'],
    ['missing decision reference', { kind: 'final' }, 'decisionReference'],
    ['unknown kind', { kind: 'draft', decisionReference: '§ 4' }, 'kind'],
    ['decision time that is no timestamp', { decisionReference: '§ 4', decidedAt: 'i går' }, 'decidedAt'],
  ],
  'POST /api/forbund/{forbundId}/members/{memberId}/webhooks': () => [
    ['malformed JSON', '{"url":', 'body'],
    ['missing url', { eventTypes: ['settlement.issued'] }, 'url'],
    ['no URL at all', { url: 'inte en adress', eventTypes: ['settlement.issued'] }, 'url'],
    ['a private address', { url: 'https://10.0.0.1/hook', eventTypes: ['settlement.issued'] }, 'url'],
    ['plain http to another host', { url: 'http://example.com/hook', eventTypes: ['settlement.issued'] }, 'url'],
    ['no event types', { url: 'http://127.0.0.1:9/hook', eventTypes: [] }, 'eventTypes'],
    ['unknown event type', { url: 'http://127.0.0.1:9/hook', eventTypes: ['settlement.paid'] }, 'eventTypes.0'],
  ],
  'PATCH /api/forbund/{forbundId}/members/{memberId}/webhooks/{subscriptionId}': () => [
    ['malformed JSON', '{', 'body'],
    ['missing expectedVersion', { enabled: false }, 'expectedVersion'],
    ['another scheme', { url: 'ftp://x.example/', expectedVersion: 1 }, 'url'],
    [
      'a subscription id that is no ULID',
      { enabled: true, expectedVersion: 1 },
      'param.subscriptionId',
      { subscriptionId: 'inte-ett-id' },
    ],
  ],
  'DELETE /api/forbund/{forbundId}/members/{memberId}/webhooks/{subscriptionId}': () => [
    ['a subscription id that is no ULID', undefined, 'param.subscriptionId', { subscriptionId: 'inte-ett-id' }],
  ],
  'POST /api/forbund/{forbundId}/members/{memberId}/webhooks/{subscriptionId}/secret': () => [
    ['malformed JSON', '{"overlapHours"', 'body'],
    ['overlap over a week', { overlapHours: 500, expectedVersion: 1 }, 'overlapHours'],
    ['missing expectedVersion', { overlapHours: 24 }, 'expectedVersion'],
  ],
  'POST /api/forbund/{forbundId}/members/{memberId}/webhooks/{subscriptionId}/replay': () => [
    ['malformed JSON', '[', 'body'],
    ['neither event nor range', {}, 'from'],
    ['range ending before it starts', { from: '2027-02-01T00:00:00Z', to: '2027-01-01T00:00:00Z' }, 'to'],
    ['both event and range', { eventId: 'x', from: '2027-01-01T00:00:00Z' }, 'eventId'],
  ],
  'POST /api/forbund/{forbundId}/members/{memberId}/webhooks/{subscriptionId}/ping': () => [
    ['a subscription id that is no ULID', undefined, 'param.subscriptionId', { subscriptionId: 'inte-ett-id' }],
  ],
  'POST /api/forbund/{forbundId}/avrakning/{year}/{month}/run': () => [
    ['month 13', undefined, 'param.month', { month: '13' }],
    ['month as text', undefined, 'param.month', { month: 'mars' }],
  ],
  'POST /api/forbund/{forbundId}/avrakning/{year}/{month}/costs/{memberId}': () => [
    ['malformed JSON', '{"lines":', 'body'],
    ['no lines', { lines: [] }, 'lines'],
    ['an income account', { lines: [{ account: '3010', amount: '100.00' }] }, 'lines.0.account'],
    ['a negative amount', { lines: [{ account: '5410', amount: '-100.00' }] }, 'lines.0.amount'],
    ['amount as a number', { lines: [{ account: '5410', amount: 100 }] }, 'lines.0.amount'],
  ],
  'POST /api/forbund/{forbundId}/avrakning/{year}/{month}/payments/{memberId}': () => [
    ['malformed JSON', '{"amount"', 'body'],
    ['three decimals', { amount: '1.005', date: '2026-03-10' }, 'amount'],
    ['impossible date', { amount: '100.00', date: '2026-02-30' }, 'date'],
  ],
  'POST /api/forbund/{forbundId}/closing/{year}/annual-report': () => [
    ['malformed JSON', '{', 'body'],
    ['nobody signed', { decisionReference: '§ 3', signedBy: [] }, 'signedBy'],
    ['missing decision reference', { signedBy: ['Ordföranden'] }, 'decisionReference'],
  ],
  'POST /api/forbund/{forbundId}/auditors': () => [
    ['malformed JSON', '{"id"', 'body'],
    ['appointed by nobody', { id: 'rev1', name: 'R', appointedBy: [], substitute: { name: 'S' } }, 'appointedBy'],
    [
      'appointed by an unknown member',
      { id: 'rev1', name: 'R', appointedBy: ['okand'], substitute: { name: 'S' } },
      'appointedBy',
    ],
    ['no substitute', { id: 'rev1', name: 'R', appointedBy: ['fk'] }, 'substitute'],
  ],
  'POST /api/forbund/{forbundId}/closing/{year}/audit-reports': () => [
    ['malformed JSON', '[', 'body'],
    ['unknown recommendation', { recommendation: 'maybe', statement: 'x' }, 'recommendation'],
    [
      'file that is no base64',
      { recommendation: 'grant', statement: 'x', file: { fileName: 'b.pdf', contentBase64: '%%%' } },
      'file.contentBase64',
    ],
  ],
  'POST /api/forbund/{forbundId}/closing/{year}/discharge/{memberId}': () => [
    ['malformed JSON', '{"decision"', 'body'],
    ['unknown decision', { decision: 'maybe', decidedOn: '2027-04-20', decisionReference: 'KF § 4' }, 'decision'],
    ['impossible date', { decision: 'granted', decidedOn: '2027-13-01', decisionReference: 'KF § 4' }, 'decidedOn'],
  ],
  'POST /api/forbund/{forbundId}/closing/{year}/discharge-resolutions': () => [
    ['malformed JSON', '{"memberId"', 'body'],
    [
      'impossible date',
      { memberId: 'alfa', decidedOn: '2028-02-30', decisionReference: 'Styrelsen § 4', text: 'Löst' },
      'decidedOn',
    ],
    ['no text', { memberId: 'alfa', decidedOn: '2028-05-12', decisionReference: 'Styrelsen § 4', text: ' ' }, 'text'],
    ['no member', { decidedOn: '2028-05-12', decisionReference: 'Styrelsen § 4', text: 'Löst' }, 'memberId'],
  ],
  'PUT /api/forbund/{forbundId}/ledger/{year}/opening-balances': () => [
    ['malformed JSON', '{"balances":', 'body'],
    [
      'amount without öre',
      { balances: { '1930': '100.5', '2050': '-100.5' }, source: 'Visma 2029' },
      'balances.1930',
      { year: '2030' },
    ],
    [
      'not summing to zero',
      { balances: { '1930': '100.00', '2050': '-99.00' }, source: 'Visma 2029' },
      'balances',
      { year: '2030' },
    ],
    ['no source', { balances: { '1930': '100.00', '2050': '-100.00' } }, 'source', { year: '2030' }],
  ],
  'POST /api/forbund/{forbundId}/ledger/{year}/opening-balances/sie': () => [
    ['malformed JSON', '{"contentBase64":', 'body'],
    ['not base64', { contentBase64: '###' }, 'contentBase64'],
    ['no #IB 0', ibFile('20300101', ''), 'file', { year: '2030' }],
    ['#RAR 0 of another year', ibFile('20290101', '#IB 0 1930 100.00\r\n'), 'line 4', { year: '2030' }],
    [
      'an account not in the kontoplan',
      ibFile('20300101', '#IB 0 1930 100.00\r\n#IB 0 1790 -100.00\r\n'),
      'line 8',
      { year: '2030' },
    ],
  ],
  'POST /api/forbund/{forbundId}/interim-reports/{year}/{periodEnd}/adoption': () => [
    ['malformed JSON', '{"decisionReference"', 'body'],
    ['missing decision reference', { comments: 'x' }, 'decisionReference'],
    ['a period end that is no date', { decisionReference: '§ 5' }, 'param.periodEnd', { periodEnd: '2026-02-30' }],
  ],
  'POST /api/forbund/{forbundId}/users': () => [
    ['malformed JSON', '{"email":', 'body'],
    ['no email address', { email: 'anna.exempel.se', name: 'Anna', roles: ['ekonom'] }, 'email'],
    ['no roles', { email: 'anna@exempel.se', name: 'Anna', roles: [] }, 'roles'],
    ['a platform-wide role', { email: 'anna@exempel.se', name: 'Anna', roles: ['platform-admin'] }, 'roles.0'],
    ['a representative of no member', { email: 'anna@exempel.se', name: 'Anna', roles: ['member-rep'] }, 'memberId'],
    [
      'a representative of an unknown member',
      { email: 'anna@exempel.se', name: 'Anna', roles: ['member-rep'], memberId: 'okand' },
      'memberId',
    ],
    ['an empty name', { email: 'anna@exempel.se', name: '  ', roles: ['ekonom'] }, 'name'],
  ],
  'DELETE /api/forbund/{forbundId}/users/{email}': () => [
    ['an overlong address', undefined, 'param.email', { email: `${'x'.repeat(250)}@x.se` }],
  ],
  'POST /api/platform/users': () => [
    ['malformed JSON', '{', 'body'],
    ['a förbund role', { email: 'anna@exempel.se', name: 'Anna', roles: ['ekonom'] }, 'roles.0'],
    ['no email address', { email: 'anna', name: 'Anna', roles: ['national'] }, 'email'],
  ],
  'DELETE /api/platform/users/{email}': () => [['an empty address', undefined, 'param.email', { email: 'a' }]],
  'PUT /api/forbund/{forbundId}/charter': () => [
    ['malformed JSON', '{{', 'body'],
    ['missing members', { ...charter, members: undefined }, 'members'],
    ['wrong type of flag', { ...charter, members: withMember(3, { outsideRegion: 'ja' }) }, 'members.3.outsideRegion'],
    [
      'non-Luhn organisationsnummer',
      { ...charter, members: withMember(2, { organisationsnummer: '232100-0017' }) },
      'members.2.organisationsnummer',
    ],
    [
      'key that does not sum to the whole',
      {
        ...charter,
        settings: {
          ...charter.settings,
          contributionKey: {
            model: 'finsam',
            kommunKey: { method: 'explicit', percentages: { alfa: '70', beta: '20' } },
          },
        },
      },
      'settings.contributionKey.kommunKey.percentages',
    ],
    [
      'negative rate',
      { ...charter, settings: { ...charter.settings, equityWarningPercent: '-3' } },
      'settings.equityWarningPercent',
    ],
    [
      'deadline that is no date',
      {
        ...charter,
        settings: { ...charter.settings, deadlines: { ...charter.settings.deadlines, budgetAdoption: '11-31x' } },
      },
      'settings.deadlines.budgetAdoption',
    ],
    [
      'without Försäkringskassan',
      { ...charter, members: charter.members.filter((m: { type: string }) => m.type !== 'fk') },
      'members',
    ],
  ],
};

/** Who sends the cases of a route: ledger writes belong to the ekonom. */
const senders: Record<string, string> = {
  'POST /api/forbund/{forbundId}/ledger/accounts': 'ekonom',
  'POST /api/forbund/{forbundId}/ledger/vouchers': 'ekonom',
  'POST /api/forbund/{forbundId}/ledger/{year}/vouchers/{series}/{number}/reversal': 'ekonom',
  'POST /api/forbund/{forbundId}/ledger/{year}/periods/lock': 'ekonom',
  'POST /api/forbund/{forbundId}/ledger/{year}/close': 'ekonom',
  'POST /api/forbund/{forbundId}/ledger/imports': 'ekonom',
  'POST /api/forbund/{forbundId}/ledger/imports/{importId}/book': 'ekonom',
  'PUT /api/forbund/{forbundId}/budgets/{year}': 'ekonom',
  'POST /api/forbund/{forbundId}/budgets/{year}/samrad': 'ekonom',
  'POST /api/forbund/{forbundId}/budgets/{year}/samrad/answers/{memberId}': 'medlem',
  'POST /api/forbund/{forbundId}/budgets/{year}/adoption': 'styrelse',
  'POST /api/forbund/{forbundId}/members/{memberId}/webhooks': 'forbundsadmin',
  'PATCH /api/forbund/{forbundId}/members/{memberId}/webhooks/{subscriptionId}': 'forbundsadmin',
  'DELETE /api/forbund/{forbundId}/members/{memberId}/webhooks/{subscriptionId}': 'forbundsadmin',
  'POST /api/forbund/{forbundId}/members/{memberId}/webhooks/{subscriptionId}/secret': 'forbundsadmin',
  'POST /api/forbund/{forbundId}/members/{memberId}/webhooks/{subscriptionId}/replay': 'forbundsadmin',
  'POST /api/forbund/{forbundId}/members/{memberId}/webhooks/{subscriptionId}/ping': 'forbundsadmin',
  'POST /api/forbund/{forbundId}/avrakning/{year}/{month}/run': 'ekonom',
  'POST /api/forbund/{forbundId}/avrakning/{year}/{month}/costs/{memberId}': 'medlem',
  'POST /api/forbund/{forbundId}/avrakning/{year}/{month}/payments/{memberId}': 'ekonom',
  'POST /api/forbund/{forbundId}/closing/{year}/annual-report': 'styrelse',
  'POST /api/forbund/{forbundId}/auditors': 'forbundsadmin',
  'POST /api/forbund/{forbundId}/closing/{year}/audit-reports': 'revisor',
  'POST /api/forbund/{forbundId}/closing/{year}/discharge/{memberId}': 'medlem',
  'POST /api/forbund/{forbundId}/interim-reports/{year}/{periodEnd}/adoption': 'styrelse',
  'POST /api/forbund/{forbundId}/closing/{year}/discharge-resolutions': 'styrelse',
  'PUT /api/forbund/{forbundId}/ledger/{year}/opening-balances': 'ekonom',
  'POST /api/forbund/{forbundId}/ledger/{year}/opening-balances/sie': 'ekonom',
};

function withPathValues(template: string, values: Record<string, string>) {
  let path = template;
  for (const [name, value] of Object.entries(values)) path = path.replace(`{${name}}`, value);
  return fillPath(path, 'exempeldalen');
}

describe('bad input', () => {
  it('has cases for every write route in the OpenAPI document', async () => {
    const writes = (await operations(runtime)).filter((op) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(op.method));
    expect(writes.map((op) => `${op.method} ${op.path}`).sort()).toEqual(Object.keys(cases).sort());
  });

  for (const [route, makeCases] of Object.entries(cases)) {
    it(`${route} answers 400 naming the field and writes nothing`, async () => {
      const [method, template] = route.split(' ') as [string, string];
      const token = senders[route] ? await login(runtime, senders[route]) : admin;
      const before = await allItems(runtime);
      for (const [description, body, field, pathValues = {}] of makeCases()) {
        const reply = await call(runtime, method, withPathValues(template, pathValues), { token, body });
        expect(reply.status, description).toBe(400);
        expect(reply.contentType, description).toContain('application/problem+json');
        expect(
          reply.body.errors.map((e: { field: string }) => e.field),
          description,
        ).toContain(field);
        for (const error of reply.body.errors) expect(error.message, description).toMatch(/[a-zåäö]/i);
      }
      expect(await allItems(runtime)).toEqual(before);
    });
  }

  it('refuses a body over the size limit with 413 and an unknown path with 404, both problem+json', async () => {
    const huge = JSON.stringify({ ...charter, decisionReference: 'x'.repeat(300 * 1024) });
    const tooLarge = await sendOnOwnConnection('/api/forbund/exempeldalen/charter', huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.contentType).toContain('application/problem+json');
    const unknown = await call(runtime, 'GET', '/api/nothing-here', { token: admin });
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toContain('application/problem+json');
  });

  it('refuses a negative frame when computing contributions', async () => {
    const reply = await call(runtime, 'GET', '/api/forbund/exempeldalen/contributions?frame=-1.00', { token: admin });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].field).toBe('query.frame');
  });
});
