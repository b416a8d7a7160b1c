import { assert, Decimal, formatKronor, parseMoney } from '@finsam/domain';
import type { ColumnKind } from './document.ts';

/** Printed times are Swedish wall-clock time, whatever zone the server runs in. */
export const document_time_zone = 'Europe/Stockholm';

const KRONOR_SUFFIX = '\u00a0kr';
const NO_BREAK_SPACE = '\u00a0';
const MINUS_SIGN = '\u2212';

/**
 * "-1234.50" → "−1 234,50". The portal's formatKronor decides grouping and the minus sign, so a
 * document and the screen it was printed from show an amount alike; the table header carries the
 * unit instead of every cell.
 */
export function formatMoneyCell(value: string): string {
  const kronor = formatKronor(parseMoney(value));
  assert(kronor.endsWith(KRONOR_SUFFIX), 'formatKronor ends with the unit');
  return kronor.slice(0, -KRONOR_SUFFIX.length);
}

/** "83.4" → "83,4 %", "-2.5" → "−2,5 %": the Swedish form, with the sign and space of the money. */
export function formatPercentCell(value: string): string {
  const [whole = '0', fraction] = value.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NO_BREAK_SPACE);
  const sign = value.startsWith('-') && !new Decimal(value).isZero() ? MINUS_SIGN : '';
  return `${sign}${grouped}${fraction === undefined ? '' : `,${fraction}`}${NO_BREAK_SPACE}%`;
}

/** A checked cell value as a reader sees it; an empty cell stays empty. */
export function displayValue(kind: ColumnKind, value: string): string {
  if (value === '') return '';
  switch (kind) {
    case 'money':
      return formatMoneyCell(value);
    case 'percent':
      return formatPercentCell(value);
    case 'text':
    case 'date':
      return value;
  }
}

const timestampFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: document_time_zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2025-02-14T09:30:00Z" → "2025-02-14 10:30", built from parts so no locale punctuation leaks in. */
export function formatTimestamp(iso: string): string {
  const parts = Object.fromEntries(
    timestampFormat.formatToParts(new Date(iso)).map((part) => [part.type, part.value] as const),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
