import { useId, useState } from 'react';
import { changeWebhook, pingWebhook, rotateWebhookSecret } from '../api/webhook-endpoints.ts';
import type { DeliveryAttempt, WebhookSubscription } from '../api/webhook-types.ts';
import { Facts } from '../components/facts.tsx';
import { problemFromError } from '../form-errors.ts';
import { formatDateTime, formatList } from '../format.ts';
import { nameOf, webhookDisabledReasonNames, webhookEventTypeNames } from '../labels.ts';
import { DeliveryLog, Outcome } from './delivery-log.tsx';
import { ReplayRangeForm } from './replay-range-form.tsx';
import { SecretBox } from './secret-box.tsx';

interface CardProps {
  forbundId: string;
  memberId: string;
  subscription: WebhookSubscription;
  /** The secret from the create call, shown once right under its subscription. */
  newSecret?: string;
  onChanged: (subscription: WebhookSubscription) => void;
}

/** One subscription: what it sends where, its state, its actions and its delivery log. */
export function SubscriptionCard({ forbundId, memberId, subscription, newSecret, onChanged }: CardProps) {
  const headingId = useId();
  const [secret, setSecret] = useState<{ value: string; heading: string } | null>(
    newSecret ? { value: newSecret, heading: 'Prenumerationen är skapad: här är hemligheten' } : null,
  );
  const [busy, setBusy] = useState('');
  const [message, setMessage] = useState('');
  const [ping, setPing] = useState<DeliveryAttempt | null>(null);
  const [logRound, setLogRound] = useState(0);
  const { id, url, enabled, version } = subscription;
  const deleted = subscription.disabledReason === 'deleted';

  async function act(label: string, action: () => Promise<void>) {
    if (busy) return;
    setBusy(label);
    setMessage('');
    try {
      await action();
    } catch (error) {
      const problem = problemFromError(error);
      setMessage(`${problem.title}${problem.detail ? ` ${problem.detail}` : ''}`);
    } finally {
      setBusy('');
    }
  }

  const toggle = () =>
    act(enabled ? 'Stänger av…' : 'Slår på…', async () => {
      const changed = await changeWebhook(forbundId, memberId, id, { expectedVersion: version, enabled: !enabled });
      setMessage(changed.enabled ? 'Prenumerationen är påslagen.' : 'Prenumerationen är avstängd.');
      onChanged(changed);
    });

  const rotate = () =>
    act('Byter hemlighet…', async () => {
      const { secret: value, ...rotated } = await rotateWebhookSecret(forbundId, memberId, id, version);
      setSecret({ value, heading: 'Ny hemlighet' });
      onChanged(rotated);
    });

  const sendPing = () =>
    act('Skickar testanrop…', async () => {
      setPing(await pingWebhook(forbundId, memberId, id));
      setLogRound((round) => round + 1);
    });

  return (
    <article className="subscription" aria-labelledby={headingId}>
      <h3 id={headingId} className="subscription__url">
        {url}
      </h3>
      {!enabled && subscription.notice && (
        <div
          className={`notice ${subscription.disabledReason === 'retry-window-exhausted' ? 'notice--error' : 'notice--warning'}`}
        >
          <p className="notice__title">
            {subscription.disabledReason ? webhookDisabledReasonNames[subscription.disabledReason] : 'Avstängd'}
            {subscription.disabledAt ? ` ${formatDateTime(subscription.disabledAt)}` : ''}
          </p>
          <p>{subscription.notice}</p>
        </div>
      )}
      <Facts
        rows={[
          ['Status', enabled ? 'Påslagen' : 'Avstängd'],
          ['Händelser', formatList(subscription.eventTypes.map((type) => nameOf(webhookEventTypeNames, type)))],
          subscription.description ? ['Beskrivning', subscription.description] : undefined,
          ['Skapad', `${formatDateTime(subscription.createdAt)} av ${subscription.createdBy}`],
          subscription.previousSecretRetiresAt !== undefined && [
            'Förra hemligheten',
            `signerar också fram till ${formatDateTime(subscription.previousSecretRetiresAt)}`,
          ],
        ]}
      />
      {secret && <SecretBox secret={secret.value} heading={secret.heading} onDismiss={() => setSecret(null)} />}
      {!deleted && (
        <div className="form-actions">
          <button type="button" className="button" onClick={sendPing} disabled={busy !== '' || !enabled}>
            Skicka testanrop
          </button>
          <button type="button" className="button button--secondary" onClick={rotate} disabled={busy !== ''}>
            Byt hemlighet
          </button>
          <button type="button" className="button button--secondary" onClick={toggle} disabled={busy !== ''}>
            {enabled ? 'Stäng av' : 'Slå på'}
          </button>
          <p role="status" className="status-inline">
            {busy || message}
          </p>
        </div>
      )}
      <div role="status" className="ping-result">
        {ping && (
          <p>
            Testanrop {formatDateTime(ping.at)}: <Outcome attempt={ping} />, {ping.latencyMs} ms
            {ping.error ? ` – ${ping.error}` : ''}
          </p>
        )}
      </div>
      <h4>Leveranslogg</h4>
      <DeliveryLog
        forbundId={forbundId}
        memberId={memberId}
        subscriptionId={id}
        round={logRound}
        label={`Leveranslogg för ${url}`}
      />
      {!deleted && (
        <ReplayRangeForm
          forbundId={forbundId}
          memberId={memberId}
          subscriptionId={id}
          onReplayed={() => setLogRound((round) => round + 1)}
        />
      )}
    </article>
  );
}
