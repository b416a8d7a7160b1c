import { useState } from 'react';
import { bothLoaded, useApi } from '../api/use-api.ts';
import { listAttempts, listDeadDeliveries, replayWebhook } from '../api/webhook-endpoints.ts';
import type { DeliveryAttempt } from '../api/webhook-types.ts';
import { Loaded } from '../components/status.tsx';
import { TableScroll } from '../components/table-scroll.tsx';
import { problemFromError } from '../form-errors.ts';
import { formatDateTime } from '../format.ts';
import { nameOf, webhookEventTypeNames } from '../labels.ts';

/** How much of the receiver's answer a row shows; the API keeps a snippet already, this keeps rows short. */
const snippet_length_max = 120;

interface LogProps {
  forbundId: string;
  memberId: string;
  subscriptionId: string;
  /** Changes when something outside the log (a ping, a range replay) has added attempts. */
  round: number;
  label: string;
}

/**
 * Every attempt to reach the receiver, newest first (the API's order), with the event's dead
 * letter marked: a delivery that failed for the whole retry window and is no longer retried.
 */
export function DeliveryLog({ forbundId, memberId, subscriptionId, round, label }: LogProps) {
  const key = `${subscriptionId}:${round}`;
  const [attempts, reloadAttempts] = useApi(`attempts:${key}`, (signal) =>
    listAttempts(forbundId, memberId, subscriptionId, signal),
  );
  const [dead, reloadDead] = useApi(`dead:${key}`, (signal) =>
    listDeadDeliveries(forbundId, memberId, subscriptionId, signal),
  );
  const [message, setMessage] = useState('');

  async function replay(attempt: DeliveryAttempt) {
    setMessage(`Skickar om ${attempt.eventId}…`);
    try {
      await replayWebhook(forbundId, memberId, subscriptionId, { eventId: attempt.eventId });
      setMessage(`Händelsen ${attempt.eventId} skickas om. Det nya försöket syns i loggen.`);
      reloadAttempts();
      reloadDead();
    } catch (error) {
      const problem = problemFromError(error);
      setMessage(`Kunde inte skicka om: ${problem.detail ?? problem.title}`);
    }
  }

  return (
    <>
      <div className="form-actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            reloadAttempts();
            reloadDead();
          }}
        >
          Uppdatera loggen
        </button>
        <p role="status" className="status-inline">
          {message}
        </p>
      </div>
      <Loaded state={bothLoaded(attempts, dead)} loadingText="Hämtar leveransloggen…">
        {([{ items }, deadLetters]) => {
          if (items.length === 0)
            return (
              <p className="empty">Inga leveranser ännu. Skicka ett testanrop för att se att mottagaren svarar.</p>
            );
          const deadIds = new Set(deadLetters.items.map((delivery) => delivery.eventId));
          return (
            <TableScroll label={label}>
              <table className="delivery-log">
                <caption className="visually-hidden">{label}</caption>
                <thead>
                  <tr>
                    <th scope="col">Tid</th>
                    <th scope="col">Händelse</th>
                    <th scope="col">Resultat</th>
                    <th scope="col" className="number">
                      Svarstid
                    </th>
                    <th scope="col">Svar</th>
                    <th scope="col">
                      <span className="visually-hidden">Åtgärd</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((attempt) => {
                    const isDead = attempt.trigger === 'delivery' && deadIds.has(attempt.eventId);
                    return (
                      <tr key={attempt.id} className={isDead ? 'delivery-log__dead' : undefined}>
                        <td className="nowrap">{formatDateTime(attempt.at)}</td>
                        <td>
                          {nameOf(webhookEventTypeNames, attempt.eventType)}
                          <br />
                          <span className="muted small">
                            {attempt.eventId}, försök {attempt.attempt}
                          </span>
                        </td>
                        <td>
                          <Outcome attempt={attempt} />
                          {isDead && (
                            <>
                              <br />
                              <strong className="tag tag--error">Död leverans: skickas inte längre</strong>
                            </>
                          )}
                        </td>
                        <td className="number nowrap">{attempt.latencyMs} ms</td>
                        <td className="delivery-log__snippet">
                          {snippetOf(attempt) ? <code>{snippetOf(attempt)}</code> : '–'}
                        </td>
                        <td>
                          {attempt.trigger === 'delivery' && (
                            <button
                              type="button"
                              className="button button--secondary button--small"
                              onClick={() => replay(attempt)}
                              aria-label={`Skicka om ${attempt.eventId} (försök ${attempt.attempt})`}
                            >
                              Skicka om
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          );
        }}
      </Loaded>
    </>
  );
}

export function Outcome({ attempt }: { attempt: DeliveryAttempt }) {
  const code = attempt.statusCode === undefined ? 'inget svar' : `HTTP ${attempt.statusCode}`;
  return (
    <span className={attempt.outcome === 'delivered' ? 'outcome outcome--ok' : 'outcome outcome--failed'}>
      {attempt.outcome === 'delivered' ? 'Levererad' : 'Misslyckad'} ({code})
    </span>
  );
}

function snippetOf(attempt: DeliveryAttempt): string {
  const text = attempt.responseSnippet || attempt.error || '';
  return text.length > snippet_length_max ? `${text.slice(0, snippet_length_max)}…` : text;
}
