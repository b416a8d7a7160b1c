import { type FormEvent, useState } from 'react';
import { answerSamrad } from '../api/cycle-endpoints.ts';
import type { SamradAnswer, SamradAnswerKind } from '../api/cycle-types.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { RadioGroup, TextAreaField } from '../components/fields.tsx';
import { type FormProblem, localProblem, problemFromError } from '../form-errors.ts';
import { samradAnswerNames } from '../labels.ts';

/** The API's bound on a samråd answer's comments. */
const comments_length_max = 5_000;

const answerOptions = (['agree', 'comments'] as const).map((kind) => [kind, samradAnswerNames[kind]] as const);

/** The member's answer in the samråd, given by its own representative; an answer is given once. */
export function SamradAnswerForm({
  forbundId,
  year,
  memberId,
  memberName,
  deadline,
  today,
  onAnswered,
}: {
  forbundId: string;
  year: number;
  memberId: string;
  memberName: string;
  deadline: string;
  today: string;
  onAnswered: (answer: SamradAnswer) => void;
}) {
  const [answer, setAnswer] = useState<SamradAnswerKind | ''>('');
  const [comments, setComments] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const issues = [
      ...(answer ? [] : [{ field: 'answer', message: 'Svar: välj om medlemmen tillstyrker eller har synpunkter.' }]),
      ...(answer === 'comments' && comments.trim() === ''
        ? [{ field: 'comments', message: 'Synpunkter: skriv medlemmens synpunkter på förslaget.' }]
        : []),
    ];
    if (issues.length > 0 || !answer) return setProblem(localProblem(issues));
    setBusy(true);
    setProblem(null);
    try {
      onAnswered(await answerSamrad(forbundId, year, memberId, { answer, comments: comments.trim() }));
    } catch (error) {
      setProblem(problemFromError(error));
      setBusy(false);
    }
  }

  return (
    <form className="form form--narrow-wide" onSubmit={submit} noValidate aria-labelledby="samradsvar-rubrik">
      <h3 id="samradsvar-rubrik">{memberName}s svar</h3>
      {today > deadline && (
        <div className="notice notice--warning">
          <p>Sista dag för svar var {deadline}. Ett svar nu registreras som sent.</p>
        </div>
      )}
      <ErrorSummary problem={problem} />
      <RadioGroup
        path="answer"
        legend="Svar"
        value={answer as SamradAnswerKind}
        options={answerOptions}
        onChange={setAnswer}
        problem={problem}
      />
      <TextAreaField
        path="comments"
        label={answer === 'comments' ? 'Synpunkter' : 'Synpunkter (valfritt)'}
        hint="Det medlemmen vill att styrelsen tar hänsyn till innan budgeten antas"
        maxLength={comments_length_max}
        value={comments}
        onChange={setComments}
        problem={problem}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Skicka svaret
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Skickar svaret…' : ''}
        </p>
      </div>
    </form>
  );
}
