/**
 * A board decision's date as the API wants it: an instant (`decidedAt`, date-time with offset),
 * or nothing for "now". The portal asks for a date only. A date other than today becomes midday
 * UTC of that date, which is the same date in Stockholm all year (UTC+1 or +2), so the deadline
 * check, made on the Stockholm date, sees exactly the date typed.
 */
export function decidedAtFor(date: string, today: string): string | undefined | null {
  const value = date.trim();
  if (value === '' || value === today) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T12:00:00Z`))) return null;
  return `${value}T12:00:00Z`;
}
