import { type FieldIssue, invalid } from '../errors.ts';
import { Decimal, formatMoney, sumMoney } from '../money.ts';
import { type AccountKind, allowedKinds } from './account.ts';
import type { Balances } from './balances.ts';
import { decodeCp437 } from './cp437.ts';
import { type SieVoucher, sie_dimension_insats, sie_dimension_member } from './sie-export.ts';
import { isoDateOfSie, lexSieLine, type SieField, type SieRecord, SieSyntaxError } from './sie-format.ts';

/** Bounds on what one import reads: far above a förbund's year, low enough to refuse a wrong file early. */
export const sie_file_bytes_max = 50_000_000;
export const sie_import_issues_max = 100;

export interface SieAccount {
  number: string;
  name: string;
  kind: AccountKind;
}

export interface SieDocument {
  program?: { name: string; version: string };
  generated?: { date: string; by?: string };
  companyName?: string;
  organisationsnummer?: string;
  /** #RAR 0: the fiscal year the balances and vouchers belong to. */
  fiscalYear?: { first: string; last: string };
  accounts: SieAccount[];
  objects: { dimension: number; id: string; name: string }[];
  /** Year 0 only (#IB 0, #UB 0, #RES 0); earlier years in the file are not read. */
  openingBalances: Balances;
  closingBalances: Balances;
  results: Balances;
  vouchers: SieVoucher[];
  /** The file lines of #RAR 0, #ORGNR and each account's #IB 0, so a later check can name the line. */
  lines: {
    fiscalYear?: number;
    organisationsnummer?: number;
    openingBalances: Record<string, number>;
    /** One entry per voucher, in the order of `vouchers`: the #VER line and each #TRANS line with its tags as written. */
    vouchers: SieVoucherLines[];
  };
}

/** Where a voucher stands in the file, and every object of each #TRANS as written (also dimensions this reader does not map). */
export interface SieVoucherLines {
  line: number;
  transactions: { line: number; objects: { dimension: string; id: string }[] }[];
}

const kindOfType: Record<string, AccountKind> = { T: 'asset', I: 'income', K: 'cost' };

/**
 * Reads a SIE 4 file, as CP437 bytes or as text already decoded. Every problem is reported with
 * its line number (field "line 17"), up to sie_import_issues_max, in one 'invalid' error.
 * Labels this reader does not know are skipped, as the SIE format asks of readers.
 */
export function importSie4(input: string | Uint8Array): SieDocument {
  if (typeof input !== 'string' && input.length > sie_file_bytes_max)
    throw invalid('Filen är för stor.', [{ field: 'file', message: `Högst ${sie_file_bytes_max} byte.` }]);
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeCp437(input);
  const reader = new SieReader();
  text.split(/\r?\n/).forEach((line, index) => {
    reader.read(line, index + 1);
  });
  return reader.finish();
}

class SieReader {
  readonly document: SieDocument = {
    accounts: [],
    objects: [],
    openingBalances: {},
    closingBalances: {},
    results: {},
    vouchers: [],
    lines: { openingBalances: {}, vouchers: [] },
  };
  private readonly issues: FieldIssue[] = [];
  private readonly accountNames = new Map<string, string>();
  private readonly accountTypes = new Map<string, string>();
  private readonly accountUses: { account: string; line: number }[] = [];
  private sieType: string | undefined;
  /** The voucher being read; `broken` when its #VER line was wrong, so its block is skipped quietly. */
  private voucher:
    | {
        value: SieVoucher;
        line: number;
        state: 'awaiting-open' | 'open';
        broken: boolean;
        transactions: SieVoucherLines['transactions'];
      }
    | undefined;

  read(text: string, line: number): void {
    if (this.issues.length >= sie_import_issues_max) return;
    try {
      const lexed = lexSieLine(text);
      if (lexed.kind === 'blank') return;
      if (this.voucher?.state === 'awaiting-open') {
        if (lexed.kind !== 'open') throw new SieSyntaxError('#VER ska följas av en rad med {');
        this.voucher.state = 'open';
        return;
      }
      if (lexed.kind === 'open') throw new SieSyntaxError('{ utan föregående #VER');
      if (lexed.kind === 'close') this.closeVoucher();
      else this.record(lexed.record, line);
    } catch (error) {
      if (!(error instanceof SieSyntaxError)) throw error;
      this.issue(line, error.message);
    }
  }

  finish(): SieDocument {
    if (this.voucher !== undefined) this.issue(this.voucher.line, '#VER saknar avslutande }');
    if (this.sieType === undefined) this.issue(1, '#SIETYP 4 saknas');
    for (const use of this.accountUses)
      if (!this.accountNames.has(use.account)) this.issue(use.line, `konto ${use.account} saknar #KONTO`);
    this.document.accounts = [...this.accountNames]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([number, name]) => ({ number, name, kind: this.kindOf(number) }));
    if (this.issues.length > 0) throw invalid(`SIE-filen kan inte läsas: ${this.issues.length} fel.`, this.issues);
    return this.document;
  }

  private record({ label, fields }: SieRecord, line: number): void {
    const inVoucher = this.voucher?.state === 'open';
    if (inVoucher && label !== '#TRANS' && label !== '#RTRANS' && label !== '#BTRANS')
      throw new SieSyntaxError(`${label} inom en verifikation; saknas } ?`);
    switch (label) {
      case '#SIETYP': {
        this.sieType = text(fields, 0);
        if (this.sieType !== '4') throw new SieSyntaxError('bara SIE typ 4 kan läsas');
        return;
      }
      case '#FORMAT':
        if (text(fields, 0) !== 'PC8') throw new SieSyntaxError('#FORMAT ska vara PC8');
        return;
      case '#PROGRAM':
        this.document.program = { name: text(fields, 0), version: optionalText(fields, 1) ?? '' };
        return;
      case '#GEN': {
        const by = optionalText(fields, 1);
        this.document.generated = { date: date(fields, 0), ...(by === undefined ? {} : { by }) };
        return;
      }
      case '#FNAMN':
        this.document.companyName = text(fields, 0);
        return;
      case '#ORGNR':
        this.document.organisationsnummer = text(fields, 0);
        this.document.lines.organisationsnummer = line;
        return;
      case '#RAR':
        if (text(fields, 0) === '0') {
          this.document.fiscalYear = { first: date(fields, 1), last: date(fields, 2) };
          this.document.lines.fiscalYear = line;
        }
        return;
      case '#KONTO':
        this.accountNames.set(accountNumber(fields, 0), text(fields, 1));
        return;
      case '#KTYP': {
        const type = text(fields, 1);
        if (!['T', 'S', 'I', 'K'].includes(type)) throw new SieSyntaxError('#KTYP ska vara T, S, I eller K');
        this.accountTypes.set(accountNumber(fields, 0), type);
        return;
      }
      case '#OBJEKT':
        this.document.objects.push({ dimension: integer(fields, 0), id: text(fields, 1), name: text(fields, 2) });
        return;
      case '#IB': {
        const account = this.balance(this.document.openingBalances, fields, line);
        if (account !== undefined) this.document.lines.openingBalances[account] = line;
        return;
      }
      case '#UB':
        this.balance(this.document.closingBalances, fields, line);
        return;
      case '#RES':
        this.balance(this.document.results, fields, line);
        return;
      case '#VER':
        this.openVoucher(fields, line);
        return;
      case '#TRANS':
        this.transaction(fields, line);
        return;
      case '#RTRANS':
      case '#BTRANS':
        // A supplementary line is followed by the same #TRANS, and a removed line no longer counts.
        if (!inVoucher) throw new SieSyntaxError(`${label} utanför en verifikation`);
        return;
      default:
        return;
    }
  }

  /** Reads a year-0 balance into `target`; returns its account, or undefined for another year's. */
  private balance(target: Balances, fields: SieField[], line: number): string | undefined {
    if (text(fields, 0) !== '0') return undefined;
    const account = accountNumber(fields, 1);
    this.accountUses.push({ account, line });
    (target as Record<string, string>)[account] = amount(fields, 2);
    return account;
  }

  private openVoucher(fields: SieField[], line: number): void {
    try {
      this.voucher = { value: voucherHeader(fields), line, state: 'awaiting-open', broken: false, transactions: [] };
    } catch (error) {
      const value = { series: '', number: 0, date: '', text: '', lines: [] };
      this.voucher = { value, line, state: 'awaiting-open', broken: true, transactions: [] };
      throw error;
    }
  }

  private transaction(fields: SieField[], line: number): void {
    if (this.voucher?.state !== 'open') throw new SieSyntaxError('#TRANS utanför en verifikation');
    if (this.voucher.broken) return;
    const account = accountNumber(fields, 0);
    const objects = fields[1];
    if (!Array.isArray(objects)) throw new SieSyntaxError('#TRANS saknar objektlista {}');
    if (objects.length % 2 !== 0) throw new SieSyntaxError('objektlistan ska bestå av par: dimension och objekt');
    const tags: { memberId?: string; insatsId?: string } = {};
    const written: { dimension: string; id: string }[] = [];
    for (let index = 0; index < objects.length; index += 2) {
      const dimension = Number(objects[index]);
      written.push({ dimension: objects[index] as string, id: objects[index + 1] as string });
      if (dimension === sie_dimension_member) tags.memberId = objects[index + 1] as string;
      if (dimension === sie_dimension_insats) tags.insatsId = objects[index + 1] as string;
    }
    this.voucher.transactions.push({ line, objects: written });
    this.accountUses.push({ account, line });
    this.voucher.value.lines.push({ account, amount: amount(fields, 2), ...tags });
  }

  private closeVoucher(): void {
    if (this.voucher?.state !== 'open') throw new SieSyntaxError('} utan öppen verifikation');
    const { value, line: opened, broken, transactions } = this.voucher;
    this.voucher = undefined;
    if (broken) return;
    const difference = sumMoney(value.lines.map((entry) => new Decimal(entry.amount)));
    if (!difference.isZero())
      this.issue(
        opened,
        `verifikation ${value.series}${value.number} balanserar inte (skiljer ${formatMoney(difference)})`,
      );
    else {
      this.document.vouchers.push(value);
      this.document.lines.vouchers.push({ line: opened, transactions });
    }
  }

  private kindOf(number: string): AccountKind {
    const type = this.accountTypes.get(number);
    const byClass = /^\d{4}$/.test(number) ? allowedKinds(number) : [];
    if (type === 'S') return byClass.includes('equity') ? 'equity' : 'liability';
    if (type !== undefined) return kindOfType[type] as AccountKind;
    return byClass[0] ?? (number.startsWith('1') ? 'asset' : 'liability');
  }

  private issue(line: number, message: string): void {
    if (this.issues.length < sie_import_issues_max) this.issues.push({ field: `line ${line}`, message });
  }
}

function voucherHeader(fields: SieField[]): SieVoucher {
  const numberText = text(fields, 1);
  if (!/^[1-9]\d{0,8}$/.test(numberText)) throw new SieSyntaxError('verifikationsnummer saknas eller är ogiltigt');
  const registered = optionalText(fields, 4);
  const signature = optionalText(fields, 5);
  const value: SieVoucher = {
    series: text(fields, 0),
    number: Number(numberText),
    date: date(fields, 2),
    text: optionalText(fields, 3) ?? '',
    ...(registered === undefined || registered === '' ? {} : { registeredDate: date(fields, 4) }),
    ...(signature === undefined ? {} : { signature }),
    lines: [],
  };
  return value;
}

function text(fields: SieField[], index: number): string {
  const value = fields[index];
  if (typeof value !== 'string') throw new SieSyntaxError(`fält ${index + 1} saknas`);
  return value;
}

function optionalText(fields: SieField[], index: number): string | undefined {
  const value = fields[index];
  if (Array.isArray(value)) throw new SieSyntaxError(`fält ${index + 1} ska inte vara en objektlista`);
  return value;
}

function integer(fields: SieField[], index: number): number {
  const value = text(fields, index);
  if (!/^\d{1,6}$/.test(value)) throw new SieSyntaxError(`fält ${index + 1} ska vara ett heltal`);
  return Number(value);
}

function accountNumber(fields: SieField[], index: number): string {
  const value = text(fields, index);
  if (!/^\d{1,10}$/.test(value)) throw new SieSyntaxError(`ogiltigt kontonummer ${JSON.stringify(value)}`);
  return value;
}

function date(fields: SieField[], index: number): string {
  const value = isoDateOfSie(text(fields, index));
  if (value === undefined) throw new SieSyntaxError(`fält ${index + 1} ska vara ett datum ÅÅÅÅMMDD`);
  return value;
}

/** SIE amounts have a decimal point and at most two decimals (öre). */
function amount(fields: SieField[], index: number): string {
  const value = text(fields, index);
  if (!/^-?\d{1,14}(\.\d{1,2})?$/.test(value)) throw new SieSyntaxError(`ogiltigt belopp ${JSON.stringify(value)}`);
  return formatMoney(new Decimal(value));
}
