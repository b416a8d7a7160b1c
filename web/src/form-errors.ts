import { ApiError } from './api/client.ts';
import type { FieldIssue } from './api/types.ts';

/**
 * Field errors use the API's dotted paths ("members.2.organisationsnummer") everywhere, so a
 * problem+json `errors` entry and a check made in the browser land next to the same field.
 */

/** What a form shows after a failed attempt: a summary line and the per-field issues. */
export interface FormProblem {
  title: string;
  detail?: string;
  issues: FieldIssue[];
  status?: number;
}

export function problemFromError(error: unknown): FormProblem {
  if (!(error instanceof ApiError)) return { title: 'Något gick fel.', detail: String(error), issues: [] };
  const { problem, issues, status } = error;
  // With field issues the list says what is wrong; the API's generic title and detail add nothing.
  if (issues.length > 0) return { title: 'Uppgifterna behöver rättas.', issues, status };
  return { title: problem.title, detail: problem.detail, issues, status };
}

export function localProblem(issues: FieldIssue[]): FormProblem {
  return { title: 'Uppgifterna behöver rättas.', issues };
}

/** The element id for a field path; ids cannot contain dots safely in CSS selectors. */
export function fieldId(path: string): string {
  return `falt-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export function messagesAt(problem: FormProblem | null, path: string): string[] {
  return problem ? problem.issues.filter((issue) => issue.field === path).map((issue) => issue.message) : [];
}

/**
 * Moves focus to the field a summary entry names. A path deeper than any field on the page
 * ("settings.contributionKey.kommunKey.percentages.x") falls back to its nearest rendered parent.
 */
export function focusField(path: string): boolean {
  const parts = path.split('.');
  while (parts.length > 0) {
    const element = document.getElementById(fieldId(parts.join('.')));
    if (element) {
      element.scrollIntoView({ block: 'center' });
      element.focus({ preventScroll: true });
      return true;
    }
    parts.pop();
  }
  return false;
}
