import { getCycle } from '../api/cycle-endpoints.ts';
import type { CycleTimeline } from '../api/cycle-types.ts';
import { useApi } from '../api/use-api.ts';
import { Loaded } from '../components/status.tsx';
import { CycleFrame } from '../cycle/cycle-frame.tsx';
import { CycleTimelineList, TaskList } from '../cycle/cycle-timeline.tsx';
import { nextDeadlines, overdueDeadlines, relativeDay } from '../cycle/timeline.ts';

/**
 * The förbund's workspace for a budget year (ekonom, förbundschef): where the year stands today,
 * what is late, what comes next, the user's tasks and the whole timeline.
 */
export function CyclePage({ forbundId, year }: { forbundId: string; year: number }) {
  const [timeline] = useApi(`cycle:${forbundId}:${year}`, (signal) => getCycle(forbundId, year, signal));
  return (
    <CycleFrame forbundId={forbundId} page="arscykel" year={year} title={`Årscykeln ${year}`} loads={[timeline]}>
      <p>
        Budgetåret {year} börjar med planering och samråd hösten {year - 1} och slutar med revision och ansvarsfrihet
        våren {year + 1}.
      </p>
      <Loaded state={timeline} loadingText="Hämtar årscykeln…">
        {(data) => <Workspace timeline={data} />}
      </Loaded>
    </CycleFrame>
  );
}

function Workspace({ timeline }: { timeline: CycleTimeline }) {
  const overdue = overdueDeadlines(timeline);
  const next = nextDeadlines(timeline);
  return (
    <>
      <section className="section" aria-labelledby="lage-rubrik">
        <h2 id="lage-rubrik">Läget i dag, {timeline.today}</h2>
        {overdue.length > 0 && (
          <div className="notice notice--error">
            <p className="notice__title">Försenat</p>
            <ul>
              {overdue.map((deadline) => (
                <li key={deadline.kind}>
                  {deadline.label}: sista dag var {deadline.date} ({relativeDay(timeline.today, deadline.date)})
                </li>
              ))}
            </ul>
          </div>
        )}
        {next.length > 0 ? (
          <>
            <h3>Nästa sista dagar</h3>
            <ul className="deadline-list">
              {next.map((deadline) => (
                <li key={deadline.kind}>
                  <strong>{deadline.label}</strong> senast {deadline.date} ({relativeDay(timeline.today, deadline.date)}
                  )
                </li>
              ))}
            </ul>
          </>
        ) : (
          overdue.length === 0 && <p>Alla sista dagar för budgetåret {timeline.year} är avklarade.</p>
        )}
      </section>

      <section className="section" aria-labelledby="att-gora-rubrik">
        <h2 id="att-gora-rubrik">Att göra</h2>
        <TaskList timeline={timeline} />
      </section>

      <section className="section" aria-labelledby="tidslinje-rubrik">
        <h2 id="tidslinje-rubrik">Tidslinje för budgetåret {timeline.year}</h2>
        <CycleTimelineList timeline={timeline} />
      </section>
    </>
  );
}
