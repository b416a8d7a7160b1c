import { todayIso } from '../format.ts';
import { pathOf } from '../router.tsx';

/**
 * The annual cycle's portal addresses and the budget year each page opens on. A budget year Y
 * runs from planning in the autumn of Y-1 to ansvarsfrihet in the spring of Y+1 (DOMAIN.md §2),
 * so "this year" depends on the season and on what the page is for.
 */

/** The cycle opens planning for next year in August (packages/cycle planning_opens_month). */
export const planning_opens_month = 8;

/** Today as [year, month] in Stockholm; `today` is YYYY-MM-DD, passed in so tests need no clock. */
function yearAndMonth(today: string): [number, number] {
  return [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
}

/** The year being planned from August, else the year in progress: the ekonom's and the member's year. */
export function planningYear(today: string = todayIso()): number {
  const [year, month] = yearAndMonth(today);
  return month >= planning_opens_month ? year + 1 : year;
}

/** The board adopts next year's budget in the autumn and last year's årsredovisning in the spring. */
export function boardYear(today: string = todayIso()): number {
  const [year, month] = yearAndMonth(today);
  return month >= planning_opens_month ? year + 1 : year - 1;
}

/** Auditors examine a year that has ended. */
export function auditYear(today: string = todayIso()): number {
  return yearAndMonth(today)[0] - 1;
}

export type CyclePage = 'arscykel' | 'budget' | 'avrakning' | 'medlem' | 'styrelsen' | 'revision';

export const cyclePath = (forbundId: string, page: CyclePage, year: number) =>
  pathOf('forbund', forbundId, page, String(year));

/** The page a link without a year lands on. */
export function defaultYear(page: CyclePage, today: string = todayIso()): number {
  if (page === 'styrelsen') return boardYear(today);
  if (page === 'revision') return auditYear(today);
  // The monthly avräkning runs in the year in progress.
  if (page === 'avrakning') return yearAndMonth(today)[0];
  return planningYear(today);
}

export const nationalPath = (year: number) => pathOf('nationellt', String(year));
