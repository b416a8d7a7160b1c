import { useEffect, useId, useRef } from 'react';
import type { FieldIssue } from '../api/types.ts';
import { type FormProblem, fieldId, focusField } from '../form-errors.ts';

/**
 * The list of everything wrong after a failed submit, at the top of the form. It takes focus so
 * keyboard and screen-reader users learn at once that the form was not saved; each entry links
 * to its field.
 */
export function ErrorSummary({
  problem,
  describe = (issue) => issue.message,
}: {
  problem: FormProblem | null;
  /** The text of one entry; a form with repeated parts says which part, e.g. "Rad 2: …". */
  describe?: (issue: FieldIssue) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();

  useEffect(() => {
    if (problem) ref.current?.focus();
  }, [problem]);

  if (!problem) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={headingId}>
      <h2 id={headingId}>{problem.title}</h2>
      {problem.detail && <p>{problem.detail}</p>}
      {problem.issues.length > 0 && (
        <ul>
          {problem.issues.map((issue, index) => (
            // Two issues can share field and message (the API reports each occurrence); order is stable.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered.
            <li key={index}>
              <a
                href={`#${fieldId(issue.field)}`}
                onClick={(event) => {
                  event.preventDefault();
                  focusField(issue.field);
                }}
              >
                {describe(issue)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
