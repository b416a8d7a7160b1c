import { assert } from '../errors.ts';
import { parseMoney } from '../money.ts';
import { type Chart, isBalanceAccount, isResultAccount } from './account.ts';
import { accountBalances, type Balances, toBalances } from './balances.ts';
import { encodeCp437 } from './cp437.ts';
import { fiscalYearBounds } from './periods.ts';
import { sieAccountType, sieDate, sieString } from './sie-format.ts';
import { assertBalanced, type Voucher } from './voucher.ts';

/**
 * Dimensions for the member and insats tags of a line. 6 is SIE's reserved "projekt", which an
 * insats is; members get 20, the first free dimension (1–19 are reserved by SIE).
 */
export const sie_dimension_insats = 6;
export const sie_dimension_member = 20;

export interface SieExportInput {
  program: { name: string; version: string };
  /** When and by whom the file is generated; passed in, the domain reads no clock. */
  generated: { date: string; by?: string };
  forbund: { name: string; organisationsnummer: string };
  year: number;
  chart: Chart;
  /** The year's booked vouchers. */
  vouchers: readonly Voucher[];
  openingBalances?: Balances;
  /** Names for the #OBJEKT records; an id without a name is exported with its id as name. */
  members?: readonly { id: string; name: string }[];
  insatser?: readonly { id: string; name: string }[];
}

/** What SIE 4 can carry of a voucher. It has no field for the basis, the correction link or the booking time. */
export interface SieVoucher {
  series: string;
  number: number;
  date: string;
  text: string;
  /** regdatum: the date the voucher was booked. */
  registeredDate?: string;
  /** sign: who booked it. */
  signature?: string;
  lines: { account: string; amount: string; memberId?: string; insatsId?: string }[];
}

export function sieVoucherOf(voucher: Voucher): SieVoucher {
  return {
    series: voucher.series,
    number: voucher.number,
    date: voucher.date,
    text: voucher.text,
    registeredDate: voucher.bookedAt.slice(0, 10),
    signature: voucher.bookedBy,
    lines: voucher.lines.map((line) => ({
      account: line.account,
      amount: line.amount,
      ...(line.memberId === undefined ? {} : { memberId: line.memberId }),
      ...(line.insatsId === undefined ? {} : { insatsId: line.insatsId }),
    })),
  };
}

/** SIE 4 (#SIETYP 4: kontoplan, balances and vouchers) as text with CRLF line ends and as CP437 bytes. */
export function exportSie4(input: SieExportInput): { text: string; bytes: Uint8Array } {
  // #ORGNR is written bare, as in the format's examples, so it must be one field.
  assert(/^\S+$/.test(input.forbund.organisationsnummer), 'an organisationsnummer has no blanks');
  const lines = [
    '#FLAGGA 0',
    `#PROGRAM ${sieString(input.program.name)} ${sieString(input.program.version)}`,
    '#FORMAT PC8',
    `#GEN ${sieDate(input.generated.date)}${input.generated.by === undefined ? '' : ` ${sieString(input.generated.by)}`}`,
    '#SIETYP 4',
    `#FNAMN ${sieString(input.forbund.name)}`,
    `#ORGNR ${input.forbund.organisationsnummer}`,
    `#RAR 0 ${sieDate(fiscalYearBounds(input.year).first)} ${sieDate(fiscalYearBounds(input.year).last)}`,
    ...objectRecords(input),
    ...input.chart.flatMap((account) => [
      `#KONTO ${account.number} ${sieString(account.name)}`,
      `#KTYP ${account.number} ${sieAccountType[account.kind]}`,
    ]),
    ...balanceRecords(input),
    ...[...input.vouchers]
      .sort((a, b) => a.series.localeCompare(b.series) || a.number - b.number)
      .flatMap((voucher) => voucherRecords(voucher, input.year)),
  ];
  const text = `${lines.join('\r\n')}\r\n`;
  return { text, bytes: encodeCp437(text) };
}

function objectRecords(input: SieExportInput): string[] {
  const named = (tags: (string | undefined)[], names: readonly { id: string; name: string }[] = []) => {
    const byId = new Map(names.map((entry) => [entry.id, entry.name]));
    const ids = new Set([...names.map((entry) => entry.id), ...tags.filter((tag) => tag !== undefined)]);
    return [...ids].sort().map((id) => [id, byId.get(id) ?? id] as const);
  };
  const lines = input.vouchers.flatMap((voucher) => voucher.lines);
  const insatser = named(
    lines.map((line) => line.insatsId),
    input.insatser,
  );
  const members = named(
    lines.map((line) => line.memberId),
    input.members,
  );
  return [
    `#DIM ${sie_dimension_insats} ${sieString('Projekt')}`,
    `#DIM ${sie_dimension_member} ${sieString('Medlem')}`,
    ...insatser.map(([id, name]) => `#OBJEKT ${sie_dimension_insats} ${sieString(id)} ${sieString(name)}`),
    ...members.map(([id, name]) => `#OBJEKT ${sie_dimension_member} ${sieString(id)} ${sieString(name)}`),
  ];
}

/** #IB and #UB for balance accounts, #RES for result accounts; zero balances are left out. */
function balanceRecords(input: SieExportInput): string[] {
  const opening = input.openingBalances ?? {};
  const closing = toBalances(accountBalances(input.chart, input.vouchers, opening));
  const records: string[] = [];
  for (const account of input.chart) {
    const number = account.number;
    if (isBalanceAccount(number) && opening[number] !== undefined && !parseMoney(opening[number]).isZero())
      records.push(`#IB 0 ${number} ${opening[number]}`);
    if (isBalanceAccount(number) && closing[number] !== undefined) records.push(`#UB 0 ${number} ${closing[number]}`);
    if (isResultAccount(number) && closing[number] !== undefined) records.push(`#RES 0 ${number} ${closing[number]}`);
  }
  return records;
}

function voucherRecords(voucher: Voucher, year: number): string[] {
  assert(voucher.year === year, 'an SIE file holds the vouchers of its own fiscal year');
  assertBalanced(voucher);
  const sie = sieVoucherOf(voucher);
  const header = [
    '#VER',
    sieString(sie.series),
    String(sie.number),
    sieDate(sie.date),
    sieString(sie.text),
    sieDate(sie.registeredDate ?? sie.date),
    sieString(sie.signature ?? ''),
  ].join(' ');
  const transactions = sie.lines.map((line) => {
    const objects = [
      ...(line.insatsId === undefined ? [] : [`${sie_dimension_insats} ${sieString(line.insatsId)}`]),
      ...(line.memberId === undefined ? [] : [`${sie_dimension_member} ${sieString(line.memberId)}`]),
    ];
    return `#TRANS ${line.account} {${objects.join(' ')}} ${line.amount}`;
  });
  return [header, '{', ...transactions, '}'];
}
