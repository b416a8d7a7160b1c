import type { CycleTimeline } from '../api/cycle-types.ts';
import { deadlineStatusNames } from '../labels.ts';
import { relativeDay, timelineEntries } from './timeline.ts';

/**
 * The budget year as an ordered list: deadlines with their status, steps done, and "I dag" at
 * its place. A list (not a drawing) so it reads the same to everyone and fits any width; the
 * line and dots are decoration in CSS.
 */
export function CycleTimelineList({ timeline }: { timeline: CycleTimeline }) {
  const entries = timelineEntries(timeline);
  return (
    <ol className="timeline">
      {entries.map((entry, index) => {
        if (entry.kind === 'today')
          return (
            <li key="today" className="timeline__entry timeline__entry--today" aria-current="date">
              <span className="timeline__date">{entry.date}</span>
              <span className="timeline__text">
                <strong>I dag</strong>
              </span>
            </li>
          );
        if (entry.kind === 'step')
          return (
            // Two steps can share a date and a label (the avräkningar of a month caught up in one day).
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is derived whole and never reordered.
            <li key={index} className="timeline__entry timeline__entry--step">
              <span className="timeline__date">{entry.date}</span>
              <span className="timeline__text">
                {entry.label}
                {entry.detail && <span className="timeline__detail"> ({entry.detail})</span>}
              </span>
            </li>
          );
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is derived whole and never reordered.
          <li key={index} className={`timeline__entry timeline__entry--deadline timeline__entry--${entry.status}`}>
            <span className="timeline__date">{entry.date}</span>
            <span className="timeline__text">
              <span className="visually-hidden">Sista dag: </span>
              <strong>{entry.label}</strong>{' '}
              <span className={`badge badge--${entry.status}`}>{deadlineStatusNames[entry.status]}</span>
              {entry.status !== 'done' && (
                <span className="timeline__detail"> {relativeDay(timeline.today, entry.date)}</span>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** "Att göra": what the API says the signed-in user should do now for the year. */
export function TaskList({ timeline }: { timeline: CycleTimeline }) {
  if (timeline.tasks.length === 0)
    return <p className="empty">Du har inget att göra för budgetåret {timeline.year} just nu.</p>;
  return (
    <ul className="task-list">
      {timeline.tasks.map((task) => (
        <li key={task.text} className={task.overdue ? 'task task--overdue' : 'task'}>
          <span className="task__text">{task.text}</span>
          {task.due && (
            <span className="task__due">
              {task.overdue ? 'Skulle ha varit klart ' : 'Senast '}
              {task.due} ({relativeDay(timeline.today, task.due)})
            </span>
          )}
          {task.overdue && <span className="badge badge--overdue">Försenad</span>}
        </li>
      ))}
    </ul>
  );
}
