import type { AccountKind } from './account.ts';

/**
 * The lexical layer of SIE 4 (SIE-gruppen, "SIE filformat ver 4B"): a record is one line, a
 * #LABEL followed by fields separated by blanks; a field with blanks or quotes is quoted, and a
 * quote inside is written \" ; an object list is written {dimension "object" …}.
 */
export type SieField = string | string[];

export interface SieRecord {
  label: string;
  fields: SieField[];
}

export type SieLine = { kind: 'record'; record: SieRecord } | { kind: 'open' } | { kind: 'close' } | { kind: 'blank' };

const isBlank = (character: string | undefined) => character === ' ' || character === '\t';
const isControl = (code: number) => code < 0x20 || code === 0x7f;

/** A text field, always quoted so names with blanks need no special case; control characters become blanks. */
export function sieString(text: string): string {
  let escaped = '';
  for (const character of text) {
    if (isControl(character.codePointAt(0) as number)) escaped += ' ';
    else if (character === '"' || character === '\\') escaped += `\\${character}`;
    else escaped += character;
  }
  return `"${escaped}"`;
}

export const sieDate = (isoDate: string) => isoDate.replaceAll('-', '');

/** "20270115" → "2027-01-15", or undefined when it is not a real date. */
export function isoDateOfSie(text: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/** #KTYP: T tillgång, S skuld (eget kapital too), I intäkt, K kostnad. */
export const sieAccountType: Record<AccountKind, 'T' | 'S' | 'I' | 'K'> = {
  asset: 'T',
  liability: 'S',
  equity: 'S',
  income: 'I',
  cost: 'K',
};

/** Splits one line into a record, or says it is a block brace or blank; throws a message on bad syntax. */
export function lexSieLine(line: string): SieLine {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'blank' };
  if (trimmed === '{') return { kind: 'open' };
  if (trimmed === '}') return { kind: 'close' };
  if (!trimmed.startsWith('#')) throw new SieSyntaxError('raden ska börja med en #etikett, { eller }');
  const fields: SieField[] = [];
  let position = 0;
  let list: string[] | undefined;
  while (position < trimmed.length) {
    const character = trimmed[position];
    if (isBlank(character)) {
      position++;
      continue;
    }
    if (character === '{') {
      if (list !== undefined) throw new SieSyntaxError('en objektlista kan inte innehålla en annan');
      list = [];
      position++;
      continue;
    }
    if (character === '}') {
      if (list === undefined) throw new SieSyntaxError('} utan {');
      fields.push(list);
      list = undefined;
      position++;
      continue;
    }
    const [value, next] = character === '"' ? readQuoted(trimmed, position) : readBare(trimmed, position);
    (list ?? fields).push(value);
    position = next;
  }
  if (list !== undefined) throw new SieSyntaxError('objektlistan saknar }');
  const [label, ...rest] = fields;
  if (typeof label !== 'string' || !/^#[A-Z0-9]+$/.test(label)) throw new SieSyntaxError('ogiltig etikett');
  return { kind: 'record', record: { label, fields: rest } };
}

function readQuoted(line: string, start: number): [string, number] {
  let value = '';
  let position = start + 1;
  while (position < line.length) {
    const character = line[position] as string;
    if (character === '\\' && (line[position + 1] === '"' || line[position + 1] === '\\')) {
      value += line[position + 1];
      position += 2;
      continue;
    }
    if (character === '"') return [value, position + 1];
    value += character;
    position++;
  }
  throw new SieSyntaxError('en sträng saknar avslutande citattecken');
}

function readBare(line: string, start: number): [string, number] {
  let position = start;
  while (position < line.length && !isBlank(line[position]) && line[position] !== '{' && line[position] !== '}') {
    if (line[position] === '"') throw new SieSyntaxError('citattecken mitt i ett fält');
    position++;
  }
  return [line.slice(start, position), position];
}

/** A syntax error within one line; the importer adds the line number. */
export class SieSyntaxError extends Error {
  override name = 'SieSyntaxError';
}
