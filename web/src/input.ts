/**
 * Reading what a Swedish user types: spaces as thousand separators, comma as decimal sign.
 * Each reader returns the API's decimal-string form, or null when the text is not a number.
 * Strings all the way, so an amount never passes through a float.
 */

const spaces = /[\s\u00a0\u202f]/g;

function normalise(text: string, suffix: RegExp): string {
  return text.replace(suffix, '').replace(spaces, '').replace(',', '.');
}

/** "4 000 000" / "4000000,5" / "1 234,56 kr" → "4000000.00" / "4000000.50" / "1234.56". */
export function readAmount(text: string): string | null {
  const value = normalise(text, /kr\.?\s*$/i);
  const match = /^(\d{1,14})(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) return null;
  const whole = match[1]!.replace(/^0+(?=\d)/, '');
  return `${whole}.${(match[2] ?? '').padEnd(2, '0')}`;
}

/** "33,5" / "33,5 %" → "33.5": percentages and rates, up to four decimals (the API's limit). */
export function readDecimal(text: string): string | null {
  const value = normalise(text, /%\s*$/);
  return /^\d{1,6}(\.\d{1,4})?$/.test(value) ? value : null;
}

/** "30 000" → 30000; whole positive numbers only. */
export function readWholeNumber(text: string): number | null {
  const value = text.replace(spaces, '');
  return /^\d{1,9}$/.test(value) ? Number(value) : null;
}

/** A yearly deadline as MM-DD; "1-5" is accepted as "01-05". */
export function readMonthDay(text: string): string | null {
  const match = /^(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!match) return null;
  const month = Number(match[1]);
  const day = Number(match[2]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
