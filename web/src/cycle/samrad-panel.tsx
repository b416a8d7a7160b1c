import { useState } from 'react';
import { openSamrad } from '../api/cycle-endpoints.ts';
import type { BudgetYear } from '../api/cycle-types.ts';
import { TableScroll } from '../components/table-scroll.tsx';
import { type FormProblem, problemFromError } from '../form-errors.ts';
import { formatDate, todayIso } from '../format.ts';
import { samradAnswerNames } from '../labels.ts';
import { samradStateNames, samradStatuses, samradSummary } from './samrad-status.ts';

/**
 * The samråd on the budget: the button that sends the current version to every member, and then
 * each member's status (answered, answered late, waiting, missing) with its answer.
 */
export function SamradPanel({
  forbundId,
  budget,
  canSend,
  onOpened,
}: {
  forbundId: string;
  budget: BudgetYear;
  canSend: boolean;
  onOpened: (deadline: string) => void;
}) {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const { current, samrad } = budget;

  if (!samrad) {
    if (!current) return <p className="empty">Budgetförslaget kan skickas på samråd när det har sparats.</p>;
    if (!canSend) return <p className="empty">Budgetförslaget har inte skickats på samråd ännu.</p>;
    const send = async () => {
      if (busy) return;
      setBusy(true);
      setProblem(null);
      try {
        onOpened((await openSamrad(forbundId, budget.year)).deadline);
      } catch (error) {
        setProblem(problemFromError(error));
        setBusy(false);
      }
    };
    return (
      <>
        <p>
          Version {current.version} skickas till alla medlemmar, som svarar senast den dag förbundsordningen anger.
          Samrådet kan bara öppnas en gång; spara först de ändringar som ska med.
        </p>
        {problem && (
          <div className="notice notice--error" role="alert">
            <p className="notice__title">{problem.title}</p>
            {problem.detail && <p>{problem.detail}</p>}
            {problem.issues.map((issue) => (
              <p key={issue.field + issue.message}>{issue.message}</p>
            ))}
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="button" onClick={send} disabled={busy}>
            Skicka version {current.version} på samråd
          </button>
          <p role="status" className="status-inline">
            {busy ? 'Skickar på samråd…' : ''}
          </p>
        </div>
      </>
    );
  }

  const statuses = samradStatuses(budget, todayIso());
  return (
    <>
      <p>
        Version {samrad.budgetVersion} skickades på samråd {formatDate(samrad.openedAt)}. Medlemmarna svarar senast{' '}
        <strong>{samrad.deadline}</strong>. {samradSummary(statuses)}
      </p>
      {current && current.version > samrad.budgetVersion && (
        <div className="notice notice--warning">
          <p>
            Version {current.version} har sparats efter att samrådet öppnades. Medlemmarna har svarat på version{' '}
            {samrad.budgetVersion}.
          </p>
        </div>
      )}
      <TableScroll label={`Samråd om budget ${budget.year}`}>
        <table>
          <caption className="visually-hidden">Samråd om budget {budget.year}</caption>
          <thead>
            <tr>
              <th scope="col">Medlem</th>
              <th scope="col">Status</th>
              <th scope="col">Svar</th>
              <th scope="col">Besvarat</th>
              <th scope="col">Synpunkter</th>
            </tr>
          </thead>
          <tbody>
            {statuses.map((status) => (
              <tr key={status.memberId}>
                <th scope="row">{status.name}</th>
                <td>
                  <span className={`badge badge--${status.state}`}>{samradStateNames[status.state]}</span>
                </td>
                <td>{status.answer ? samradAnswerNames[status.answer.answer] : '–'}</td>
                <td className="nowrap">{status.answer ? formatDate(status.answer.answeredAt) : '–'}</td>
                <td className="preserve-lines">{status.answer?.comments || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
