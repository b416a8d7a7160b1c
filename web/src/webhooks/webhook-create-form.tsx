import { type FormEvent, useState } from 'react';
import { createWebhook } from '../api/webhook-endpoints.ts';
import { type WebhookEventType, type WebhookSubscriptionWithSecret, webhookEventTypes } from '../api/webhook-types.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { CheckboxField, FieldGroup, TextField } from '../components/fields.tsx';
import { type FormProblem, localProblem, problemFromError } from '../form-errors.ts';
import { webhookEventTypeNames } from '../labels.ts';

/** The API's bounds on a subscription's address and description. */
const url_length_max = 2048;
const description_length_max = 200;

/** A new subscription: the receiver's address, the events it wants, and a note for people. */
export function WebhookCreateForm({
  forbundId,
  memberId,
  onCreated,
}: {
  forbundId: string;
  memberId: string;
  onCreated: (subscription: WebhookSubscriptionWithSecret) => void;
}) {
  const [url, setUrl] = useState('');
  const [eventTypes, setEventTypes] = useState<WebhookEventType[]>([]);
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (type: WebhookEventType, checked: boolean) =>
    setEventTypes((chosen) =>
      checked
        ? webhookEventTypes.filter((each) => each === type || chosen.includes(each))
        : chosen.filter((each) => each !== type),
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    // Only what the browser can know is checked here; whether an address may be used is the API's call.
    const issues = [
      ...(url.trim() ? [] : [{ field: 'url', message: 'Adress: skriv mottagarens adress.' }]),
      ...(eventTypes.length > 0 ? [] : [{ field: 'eventTypes', message: 'Händelser: välj minst en händelse.' }]),
    ];
    if (issues.length > 0) return setProblem(localProblem(issues));
    setBusy(true);
    setProblem(null);
    try {
      const trimmed = description.trim();
      const created = await createWebhook(forbundId, memberId, {
        url: url.trim(),
        eventTypes,
        ...(trimmed ? { description: trimmed } : {}),
      });
      setUrl('');
      setEventTypes([]);
      setDescription('');
      onCreated(created);
    } catch (error) {
      setProblem(problemFromError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form form--narrow-wide" onSubmit={submit} noValidate aria-labelledby="ny-webhook-rubrik">
      <h2 id="ny-webhook-rubrik">Ny prenumeration</h2>
      <ErrorSummary problem={problem} />
      <TextField
        path="url"
        label="Mottagarens adress"
        hint="Adressen i medlemmens ekonomisystem som tar emot händelserna, t.ex. https://ekonomi.kommun.se/finsam"
        type="url"
        inputMode="url"
        autoComplete="url"
        maxLength={url_length_max}
        value={url}
        onChange={setUrl}
        problem={problem}
      />
      <FieldGroup path="eventTypes" legend="Händelser att skicka" problem={problem} className="group--columns">
        {webhookEventTypes.map((type) => (
          <CheckboxField
            key={type}
            path={`eventTypes.${type}`}
            label={webhookEventTypeNames[type]}
            checked={eventTypes.includes(type)}
            onChange={(checked) => toggle(type, checked)}
            problem={null}
          />
        ))}
      </FieldGroup>
      <TextField
        path="description"
        label="Beskrivning (valfritt)"
        maxLength={description_length_max}
        value={description}
        onChange={setDescription}
        problem={problem}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Skapa prenumerationen
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Skapar prenumerationen…' : ''}
        </p>
      </div>
    </form>
  );
}
