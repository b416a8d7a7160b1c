import { type FormEvent, useState } from 'react';
import { startSimulation } from '../api/simulation-endpoints.ts';
import { type PresetName, presetNames, type Simulation } from '../api/simulation-types.ts';
import type { FieldIssue, Forbund } from '../api/types.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { SelectField, TextField } from '../components/fields.tsx';
import { type FormProblem, localProblem, problemFromError } from '../form-errors.ts';
import { presetDescriptions } from '../labels.ts';

const presetOptions = presetNames.map((name) => [name, presetDescriptions[name]] as const);

/** "Starta en simulering": which förbund, which budget year, and optionally an economic model. */
export function SimulationForm({
  forbund,
  suggestedYear,
  running,
  onStarted,
}: {
  forbund: Forbund[];
  /** The earliest year the virtual clock allows; undefined while the clock loads. */
  suggestedYear: number | undefined;
  /** A simulation runs: the API would refuse another (409). */
  running: boolean;
  onStarted: (simulation: Simulation) => void;
}) {
  const [forbundId, setForbundId] = useState('');
  // Until the user types a year, the field follows the clock's suggestion.
  const [yearText, setYearText] = useState<string | undefined>(undefined);
  const [preset, setPreset] = useState<PresetName | ''>('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const year = yearText ?? (suggestedYear === undefined ? '' : String(suggestedYear));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const trimmed = year.trim();
    const issues: FieldIssue[] = [
      ...(forbundId ? [] : [{ field: 'forbundId', message: 'Förbund: välj vilket förbund som ska simuleras.' }]),
      ...(/^\d{4}$/.test(trimmed) ? [] : [{ field: 'year', message: 'Budgetår: skriv ett år med fyra siffror.' }]),
    ];
    if (issues.length > 0) return setProblem(localProblem(issues));
    setBusy(true);
    setProblem(null);
    try {
      const started = await startSimulation({ forbundId, year: Number(trimmed), ...(preset ? { preset } : {}) });
      setYearText(undefined);
      onStarted(started);
    } catch (error) {
      const failure = problemFromError(error);
      // A 409 is a simulation already running; the API's detail says so.
      setProblem(failure.status === 409 ? { ...failure, title: 'Simuleringen kunde inte startas.' } : failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="ny-simulering-rubrik">
      <h2 id="ny-simulering-rubrik">Starta en simulering</h2>
      <ErrorSummary problem={problem} />
      <SelectField
        path="forbundId"
        label="Förbund"
        value={forbundId}
        options={forbund.map((each) => [each.id, each.name] as const)}
        placeholder="Välj förbund"
        onChange={setForbundId}
        problem={problem}
      />
      <TextField
        path="year"
        label="Budgetår"
        hint="Året som planeras hösten före och avslutas med ansvarsfrihet våren efter. Förslaget är det tidigaste året den virtuella klockan tillåter."
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        className="field--short"
        value={year}
        onChange={setYearText}
        problem={problem}
      />
      <SelectField
        path="preset"
        label="Ekonomisk modell (valfritt)"
        hint="En modell ändrar förbundsordningen från och med året före budgetåret."
        value={preset}
        options={presetOptions}
        placeholder="Behåll förbundets förbundsordning"
        onChange={setPreset}
        problem={problem}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy || running}>
          Starta simuleringen
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Startar simuleringen…' : running ? 'En simulering pågår; vänta tills den är klar.' : ''}
        </p>
      </div>
    </form>
  );
}
