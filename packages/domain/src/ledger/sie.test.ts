import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FinsamError } from '../errors.ts';
import { isBalanceAccount, isResultAccount } from './account.ts';
import { accountBalances, toBalances } from './balances.ts';
import { decodeCp437 } from './cp437.ts';
import { exportSie4, type SieExportInput, sieVoucherOf } from './sie-export.ts';
import { importSie4 } from './sie-import.ts';
import { booked, chart, insatser, members, randomYear } from './test-fixtures.ts';
import type { Voucher } from './voucher.ts';

const opening = { '1930': '500000.00', '2050': '-500000.00' };
const vouchers: Voucher[] = [
  booked(1, '2027-01-31', 'Medlemsbidrag januari', [
    { account: '1510', amount: '166666.67', memberId: 'fk' },
    { account: '3010', amount: '-166666.67', memberId: 'fk' },
  ]),
  booked(2, '2027-03-20', 'Faktura "Steget" från Åby \\ mars', [
    { account: '4100', amount: '50000.00', insatsId: 'steget', memberId: 'kommun-a' },
    { account: '2513', amount: '-50000.00' },
  ]),
];

const input = (overrides: Partial<SieExportInput> = {}): SieExportInput => ({
  program: { name: 'Finsam Cloud', version: '0.1.0' },
  generated: { date: '2028-02-10', by: 'Ekonom Eva' },
  forbund: { name: 'Samordningsförbundet Östra Åby', organisationsnummer: '222000-0000' },
  year: 2027,
  chart,
  vouchers,
  openingBalances: opening,
  members,
  insatser,
  ...overrides,
});

/** A minimal valid file with `body` inserted after the kontoplan; line 6 is the first body line. */
const file = (...body: string[]) =>
  ['#FLAGGA 0', '#SIETYP 4', '#KONTO 1930 "Bank"', '#KONTO 3010 "Bidrag"', '#RAR 0 20270101 20271231', ...body].join(
    '\r\n',
  );

function importIssues(text: string) {
  try {
    importSie4(text);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(FinsamError);
    expect((error as FinsamError).kind).toBe('invalid');
    return (error as FinsamError).issues.map((issue) => [issue.field, issue.message]);
  }
}

describe('SIE 4 export', () => {
  const { text, bytes } = exportSie4(input());
  const lines = text.split('\r\n');

  it('writes the identification records first, in order', () => {
    expect(lines.slice(0, 8)).toEqual([
      '#FLAGGA 0',
      '#PROGRAM "Finsam Cloud" "0.1.0"',
      '#FORMAT PC8',
      '#GEN 20280210 "Ekonom Eva"',
      '#SIETYP 4',
      '#FNAMN "Samordningsförbundet Östra Åby"',
      '#ORGNR 222000-0000',
      '#RAR 0 20270101 20271231',
    ]);
    expect(text.endsWith('}\r\n')).toBe(true);
  });

  it('writes accounts with their type, balances and results', () => {
    expect(lines).toContain('#KONTO 1930 "Bank"');
    expect(lines).toContain('#KTYP 1930 T');
    expect(lines).toContain('#KTYP 2050 S');
    expect(lines).toContain('#KTYP 3010 I');
    expect(lines).toContain('#KTYP 4100 K');
    expect(lines).toContain('#IB 0 1930 500000.00');
    expect(lines).toContain('#UB 0 1510 166666.67');
    expect(lines).toContain('#UB 0 2513 -50000.00');
    expect(lines).toContain('#RES 0 3010 -166666.67');
    expect(lines.filter((line) => line.startsWith('#IB'))).toHaveLength(2);
  });

  it('writes vouchers with quoted text, object lists and {} when empty', () => {
    const start = lines.indexOf(
      '#VER "A" 2 20270320 "Faktura \\"Steget\\" från Åby \\\\ mars" 20270320 "ekonom@forbund.example"',
    );
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start + 1, start + 5)).toEqual([
      '{',
      '#TRANS 4100 {6 "steget" 20 "kommun-a"} 50000.00',
      '#TRANS 2513 {} -50000.00',
      '}',
    ]);
    expect(lines).toContain('#OBJEKT 20 "fk" "Försäkringskassan"');
    expect(lines).toContain('#OBJEKT 6 "unga" "Unga i arbete: \\"UIA\\""');
  });

  it('encodes the same text as CP437 bytes', () => {
    expect(decodeCp437(bytes)).toBe(text);
    expect(bytes).toHaveLength(text.length);
    expect(bytes.includes(0x99)).toBe(true); // Ö
  });

  it('refuses a voucher of another fiscal year', () => {
    expect(() => exportSie4(input({ year: 2028 }))).toThrow(/invariant/);
  });
});

describe('SIE 4 round trip', () => {
  function roundTrip(year: Voucher[], openingBalances = opening) {
    const exported = exportSie4(input({ vouchers: year, openingBalances }));
    const document = importSie4(exported.bytes);
    expect(document.vouchers).toEqual(year.map(sieVoucherOf));
    expect(document.accounts).toEqual(chart.map(({ number, name, kind }) => ({ number, name, kind })));
    const closing = toBalances(accountBalances(chart, year, openingBalances));
    const pick = (include: (n: string) => boolean) =>
      Object.fromEntries(Object.entries(closing).filter(([number]) => include(number)));
    expect(document.openingBalances).toEqual(openingBalances);
    expect(document.closingBalances).toEqual(pick(isBalanceAccount));
    expect(document.results).toEqual(pick(isResultAccount));
    expect(document.fiscalYear).toEqual({ first: '2027-01-01', last: '2027-12-31' });
    expect(document.companyName).toBe('Samordningsförbundet Östra Åby');
    expect(document.organisationsnummer).toBe('222000-0000');
    expect(document.generated).toEqual({ date: '2028-02-10', by: 'Ekonom Eva' });
    // Re-importing the text, not the bytes, reads the same.
    expect(importSie4(exported.text)).toEqual(document);
  }

  it('gives back identical vouchers and balances', () => {
    roundTrip(vouchers);
  });

  it('does so for a pseudo-random year of 500 vouchers', () => {
    roundTrip(randomYear(20270101, 500));
  });

  it('does so for any voucher text in the code page', () => {
    const alphabet = [...'abcåäöÅÄÖéü "\\{}#;:,.-_0123456789'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 60 }), (characters) => {
        const text = characters.join('').trim() || 'x';
        roundTrip([{ ...vouchers[0]!, text }]);
      }),
      { numRuns: 50 },
    );
  });
});

describe('SIE 4 import', () => {
  it('reads a file from another program, skipping unknown labels and supplementary lines', () => {
    const document = importSie4(
      file(
        '#ADRESS "Kontakt" "Gatan 1" "123 45 Ort" "0123-456"',
        '#KSUMMA 12345',
        '#VER A 1 20270105 Bidrag',
        '{',
        '#RTRANS 1930 {} 100',
        '#TRANS 1930 {} 100',
        '#BTRANS 1930 {} 90',
        '#TRANS 3010 {} -100 20270105 "rad" 0 "sign"',
        '}',
      ),
    );
    expect(document.vouchers).toEqual([
      {
        series: 'A',
        number: 1,
        date: '2027-01-05',
        text: 'Bidrag',
        lines: [
          { account: '1930', amount: '100.00' },
          { account: '3010', amount: '-100.00' },
        ],
      },
    ]);
    expect(document.accounts).toEqual([
      { number: '1930', name: 'Bank', kind: 'asset' },
      { number: '3010', name: 'Bidrag', kind: 'income' },
    ]);
  });

  it.each([
    [['#FNAMN "Namn utan slut'], 'line 6', 'en sträng saknar avslutande citattecken'],
    [['#TRANS 1930 {} 100.00'], 'line 6', '#TRANS utanför en verifikation'],
    [
      ['#VER A 1 20270105 "x"', '{', '#TRANS 1930 {} 100.00', '#TRANS 3010 {} -99.99', '}'],
      'line 6',
      'balanserar inte',
    ],
    [['#VER A 1 20270105 "x"', '{', '#TRANS 1930 {} 12,50', '}'], 'line 8', 'ogiltigt belopp "12,50"'],
    [['#VER A 1 20270230 "x"', '{', '}'], 'line 6', 'datum'],
    [['#VER A 1 20270105 "x"', '#TRANS 1930 {} 1.00'], 'line 7', '#VER ska följas av en rad med {'],
    [['#VER A 1 20270105 "x"', '{', '#TRANS 1930 {} 1.00', '#TRANS 3010 {} -1.00'], 'line 6', 'saknar avslutande }'],
    [
      ['#VER A 1 20270105 "x"', '{', '#TRANS 1940 {} 1.00', '#TRANS 3010 {} -1.00', '}'],
      'line 8',
      'konto 1940 saknar #KONTO',
    ],
    [['#VER A 1 20270105 "x"', '{', '#TRANS 1930 1.00', '}'], 'line 8', 'objektlista'],
    [['#VER A 1 20270105 "x"', '{', '#TRANS 1930 {6} 1.00', '}'], 'line 8', 'par'],
    [['#VER A 1 20270105 "x"', '{', '#KONTO 1940 "x"', '}'], 'line 8', 'inom en verifikation'],
    [['#VER A "" 20270105 "x"', '{', '}'], 'line 6', 'verifikationsnummer'],
    [['}'], 'line 6', '} utan öppen verifikation'],
    [['Bank 1930'], 'line 6', '#etikett'],
    [['#FORMAT PC9'], 'line 6', 'PC8'],
    [['#UB 0 1930 1.5.0'], 'line 6', 'ogiltigt belopp'],
  ])('reports %j at its line', (body, field, message) => {
    const issues = importIssues(file(...body));
    expect(issues.find(([at]) => at === field)?.[1]).toContain(message);
  });

  it('reports only the bad #VER, not every line of its block', () => {
    expect(
      importIssues(file('#VER A x 20270105 "x"', '{', '#TRANS 1930 {} 1.00', '#TRANS 3010 {} -1.00', '}')),
    ).toEqual([['line 6', 'verifikationsnummer saknas eller är ogiltigt']]);
  });

  it('requires SIE type 4', () => {
    expect(importIssues('#FLAGGA 0\r\n#KONTO 1930 "Bank"')).toEqual([['line 1', '#SIETYP 4 saknas']]);
    expect(importIssues('#FLAGGA 0\r\n#SIETYP 3')).toEqual([['line 2', 'bara SIE typ 4 kan läsas']]);
  });

  it('reports every problem at once, up to a limit', () => {
    const body = Array.from({ length: 150 }, () => '#TRANS 1930 {} 1.00');
    const issues = importIssues(file(...body));
    expect(issues).toHaveLength(100);
    expect(issues[0]).toEqual(['line 6', '#TRANS utanför en verifikation']);
    expect(issues[99]?.[0]).toBe('line 105');
  });
});
