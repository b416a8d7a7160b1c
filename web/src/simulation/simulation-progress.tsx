import { useEffect, useId, useRef } from 'react';
import { signOut } from '../api/client.ts';
import type { Simulation } from '../api/simulation-types.ts';
import { cyclePath } from '../cycle/cycle-paths.ts';
import { formatDateTime } from '../format.ts';
import { nameOf, presetDescriptions } from '../labels.ts';
import { ledgerPath, periodsPath, reportsPath } from '../ledger/ledger-paths.ts';
import { Link, pathOf } from '../router.tsx';
import { outcomeText, stepText } from './simulation-state.ts';
import { useAnnouncement } from './use-announcement.ts';
import type { PollProblem } from './use-simulation.ts';

/**
 * One simulation: a progress bar labelled with the step, a polite live region that says the step
 * now and then and the outcome at once, the timeline as it grows, and when done the förbund's
 * pages for the year and the files written; when failed, the error.
 */
export function SimulationProgress({
  simulation,
  forbundName,
  focus,
  pollProblem,
}: {
  simulation: Simulation;
  forbundName: string;
  /** Take focus on arrival, when the user has just started it. */
  focus: boolean;
  pollProblem: PollProblem | null;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const barId = useId();
  const { status, year, forbundId } = simulation;
  const finished = status !== 'running';
  const step = stepText(simulation);
  const announced = useAnnouncement(finished ? outcomeText(simulation, forbundName) : step, finished);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus once per simulation, when it is the one just started.
  useEffect(() => {
    if (focus) headingRef.current?.focus();
  }, [simulation.id]);

  return (
    <section className="section simulation" aria-labelledby="simulering-rubrik">
      <h2 id="simulering-rubrik" tabIndex={-1} ref={headingRef}>
        {status === 'running' ? 'Pågående simulering' : 'Senaste simuleringen'}: {forbundName} {year}
      </h2>
      <p>
        {simulation.preset ? `Modell: ${nameOf(presetDescriptions, simulation.preset)}. ` : ''}
        Startad {formatDateTime(simulation.startedAt)}
        {simulation.finishedAt ? `, klar ${formatDateTime(simulation.finishedAt)}` : ''}.
      </p>
      <div className="simulation__progress">
        <label htmlFor={barId}>{step}</label>
        <progress id={barId} max={Math.max(simulation.total, 1)} value={simulation.step} />
      </div>
      <p role="status" aria-live="polite" className="visually-hidden">
        {announced}
      </p>
      {pollProblem && (
        <div className="notice notice--warning" role="alert">
          <p>{pollProblem.message}</p>
          {pollProblem.signIn && (
            <p>
              <button type="button" className="button" onClick={() => signOut('expired')}>
                Logga in igen
              </button>
            </p>
          )}
        </div>
      )}
      {status === 'failed' && (
        <div className="notice notice--error">
          <p className="notice__title">Simuleringen misslyckades.</p>
          {simulation.error && <p>{simulation.error}</p>}
        </div>
      )}
      {status === 'done' && (
        <>
          <div className="notice notice--success">
            <p>
              Simuleringen är klar: {forbundName} har planerat, bokfört, avräknat och stängt {year}.
            </p>
          </div>
          <h3>Förbundets sidor för {year}</h3>
          <ul className="link-list">
            <li>
              <Link to={pathOf('forbund', forbundId)}>{forbundName}</Link>
            </li>
            <li>
              <Link to={cyclePath(forbundId, 'arscykel', year)}>Årscykeln {year}</Link>
            </li>
            <li>
              <Link to={cyclePath(forbundId, 'avrakning', year)}>Avräkning {year}</Link>
            </li>
            <li>
              <Link to={ledgerPath(forbundId, { year })}>Verifikationer {year}</Link>
            </li>
            <li>
              <Link to={reportsPath(forbundId, year)}>Rapporter {year}</Link>
            </li>
            <li>
              <Link to={periodsPath(forbundId, year)}>Perioder {year}</Link>
            </li>
          </ul>
          <h3>Skrivna filer</h3>
          {simulation.files.length === 0 ? (
            <p className="empty">Inga filer skrevs.</p>
          ) : (
            <>
              <p>
                Dokumenten finns i mappen <code className="simulation__folder">{simulation.outputDir}</code>, räknat
                från den mapp där Finsam Cloud körs.
              </p>
              <ul className="simulation__files">
                {simulation.files.map((file) => (
                  <li key={file}>
                    <code>{file}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <h3>Tidslinje</h3>
      {simulation.timeline.length === 0 ? (
        <p className="empty">Inget har hänt ännu.</p>
      ) : (
        <ol className="simulation__timeline">
          {simulation.timeline.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the timeline only grows at its end.
            <li key={index}>
              <TimelineLine line={line} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** "2027-03-15  Avräkning 2027-02: klar": the date kept on one line, the event beside it. */
function TimelineLine({ line }: { line: string }) {
  const match = /^(\d{4}-\d{2}-\d{2})\s+(.*)$/.exec(line);
  if (!match) return <>{line}</>;
  return (
    <>
      <span className="simulation__date">{match[1]}</span> {match[2]}
    </>
  );
}
