/**
 * sv-SE presentation: amounts "1 234 567,89 kr", dates YYYY-MM-DD (STYLE.md). Amounts arrive as
 * decimal strings and are formatted as text, never through a float, so no öre is ever lost.
 */

import { businessNow } from './business-clock.ts';

const decimalPattern = /^(-)?(\d+)(?:\.(\d+))?$/;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** "1234567.89" → "1 234 567,89 kr"; "-5.00" → "−5,00 kr". */
export function formatAmount(value: string): string {
  const match = decimalPattern.exec(value.trim());
  if (!match) return value;
  const [, sign, whole = '0', fraction = ''] = match;
  const ore = fraction.padEnd(2, '0');
  // U+2212 is the minus sign sv-SE uses; screen readers read it as "minus".
  return `${sign ? '−' : ''}${groupThousands(whole)},${ore} kr`;
}

/** "33.3300" → "33,33 %": trailing zeros say nothing about a share. */
export function formatPercent(value: string): string {
  const match = decimalPattern.exec(value.trim());
  if (!match) return `${value} %`;
  const [, sign, whole = '0', fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  return `${sign ? '−' : ''}${whole}${significant ? `,${significant}` : ''} %`;
}

/** A decimal string as a Swedish reader types it: "12.5" → "12,5". */
export function decimalForInput(value: string | undefined): string {
  return (value ?? '').replace('.', ',');
}

const stockholm = 'Europe/Stockholm';
// sv-SE formats a date as YYYY-MM-DD, which is exactly the house style.
const dateFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: stockholm, dateStyle: 'short' });
const dateTimeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: stockholm,
  dateStyle: 'short',
  timeStyle: 'short',
});

/** A calendar date stays as it is; an instant is shown as its date in Stockholm. */
export function formatDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : dateFormat.format(instant);
}

/** An instant as "YYYY-MM-DD HH:MM" in Stockholm time. */
export function formatDateTime(value: string): string {
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? value : dateTimeFormat.format(instant);
}

/** Today's business date in Stockholm as YYYY-MM-DD (business-clock.ts): the year pages open on, date fields' default. */
export function todayIso(): string {
  return dateFormat.format(businessNow());
}

const monthNames = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/** A yearly deadline "11-30" → "30 november". */
export function formatMonthDay(value: string): string {
  const match = /^(\d{2})-(\d{2})$/.exec(value);
  const month = match ? monthNames[Number(match[1]) - 1] : undefined;
  return match && month ? `${Number(match[2])} ${month}` : value;
}

export function formatMonth(month: number): string {
  return monthNames[month - 1] ?? String(month);
}

/** Counts such as population: "30000" → "30 000". */
export function formatCount(value: number): string {
  return Number.isSafeInteger(value) ? groupThousands(String(value)) : String(value);
}

/** A Swedish list: "A, B och C". */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items.at(-1)}`;
}
