import type { CycleTimeline, DeadlineStatus } from '../api/cycle-types.ts';
import { formatDate, formatMonth } from '../format.ts';

/**
 * The budget year as one list in date order: the deadlines with their status and the steps the
 * cycle has done, with today's place among them. Pure, so the order and the labels are tested
 * without a browser.
 */

export type TimelineEntry =
  | { kind: 'deadline'; date: string; label: string; status: DeadlineStatus }
  | { kind: 'step'; date: string; label: string; detail?: string }
  | { kind: 'today'; date: string };

const deadlineNames: Record<string, string> = {
  samrad: 'samrådssvar',
  budget: 'budgetbeslut',
  'annual-report': 'årsredovisning',
  'interim-report': 'delårsrapport',
};

const stepNames: Record<string, string> = {
  'planning.started': 'Planeringen av budgetåret har börjat',
  'samrad.closed': 'Samrådet är avslutat',
  'budget.published': 'Budgeten är publicerad för medlemmarna',
  'interim.adopted': 'Delårsrapporten är antagen',
  bokslut: 'Bokslutet är klart: året är låst och resultatet fördelat',
  'annual-report.adopted': 'Årsredovisningen är antagen',
  'discharge.requested': 'Medlemmarna har ombetts besluta om ansvarsfrihet',
  likvidavrakning: 'Likvidavräkningen är gjord',
  'year.closed': 'Budgetåret är avslutat',
  'deadline.samrad': 'Sista dag för samrådssvar passerade utan alla svar',
  'deadline.budget': 'Budgeten antogs inte i tid',
  'deadline.annual-report': 'Årsredovisningen antogs inte i tid',
  'deadline.budget.corrected': 'Rättelse: budgetbeslutet var fattat i tid, och medlemmarna har fått veta det',
  'deadline.annual-report.corrected':
    'Rättelse: beslutet om årsredovisningen var fattat i tid, och medlemmarna har fått veta det',
};

/** A step's Swedish name; the API's step names never reach the screen. */
export function stepLabel(name: string, year: number): string {
  const month = /^avrakning\.(\d{2})$/.exec(name)?.[1];
  if (month) return `Avräkningen för ${formatMonth(Number(month))} ${year} är gjord`;
  const reminder = /^reminder\.([a-z-]+)\./.exec(name)?.[1];
  if (reminder) return `Påminnelse inför sista dag för ${deadlineNames[reminder] ?? 'ett steg'}`;
  return stepNames[name] ?? 'Ett steg i årscykeln är gjort';
}

/** A step's detail is free text from the cycle ("i tid", "2026-11-30", "4 svar saknas"). */
function stepDetail(name: string, detail: string | undefined): string | undefined {
  if (!detail) return undefined;
  if (name.startsWith('reminder.')) return `sista dag ${detail}`;
  return detail;
}

export function timelineEntries(timeline: CycleTimeline): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...timeline.deadlines.map((deadline) => ({
      kind: 'deadline' as const,
      date: deadline.date,
      label: deadline.label,
      status: deadline.status,
    })),
    ...Object.entries(timeline.steps).map(([name, step]) => {
      const detail = stepDetail(name, step.detail);
      return {
        kind: 'step' as const,
        date: formatDate(step.at),
        label: stepLabel(name, timeline.year),
        ...(detail ? { detail } : {}),
      };
    }),
  ];
  // Stable: on one day, steps done come before the deadline they led to, as the API lists them.
  const rank = (entry: TimelineEntry) => (entry.kind === 'step' ? 0 : 1);
  entries.sort((a, b) => a.date.localeCompare(b.date) || rank(a) - rank(b));
  // Today goes after everything dated today: what is due today is still "now", not "later".
  const after = entries.findIndex((entry) => entry.date > timeline.today);
  const today: TimelineEntry = { kind: 'today', date: timeline.today };
  if (after === -1) entries.push(today);
  else entries.splice(after, 0, today);
  return entries;
}

/** Whole days from `from` to `to`, both YYYY-MM-DD; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const day_ms = 86_400_000;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / day_ms);
}

/** "i dag", "i morgon", "om 7 dagar", "för 3 dagar sedan". */
export function relativeDay(today: string, date: string): string {
  const days = daysBetween(today, date);
  if (days === 0) return 'i dag';
  if (days === 1) return 'i morgon';
  if (days === -1) return 'i går';
  return days > 0 ? `om ${days} dagar` : `för ${-days} dagar sedan`;
}

/** The deadlines still ahead, nearest first: what the workspace calls "Nästa sista dagar". */
export function nextDeadlines(timeline: CycleTimeline, count = 2) {
  return timeline.deadlines
    .filter((deadline) => deadline.status === 'upcoming')
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, count);
}

export const overdueDeadlines = (timeline: CycleTimeline) =>
  timeline.deadlines.filter((deadline) => deadline.status === 'overdue');
