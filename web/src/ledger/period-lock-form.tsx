import { type FormEvent, useState } from 'react';
import { lockPeriod } from '../api/ledger-endpoints.ts';
import type { Periods } from '../api/ledger-types.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { SelectField, TextField } from '../components/fields.tsx';
import { type FormProblem, localProblem, problemFromError } from '../form-errors.ts';
import { monthName, monthsOf } from './period-table.tsx';

/** The API's bounds on a lock's reason. */
const reason_length_min = 3;
const reason_length_max = 300;

/** Lock one open month. A lock can never be lifted, so the form says so before the button. */
export function PeriodLockForm({
  forbundId,
  periods,
  onLocked,
}: {
  forbundId: string;
  periods: Periods;
  onLocked: (periods: Periods, month: string) => void;
}) {
  const open = monthsOf(periods.year).filter((month) => !periods.lockedMonths.includes(month));
  const [month, setMonth] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);

  if (open.length === 0) return <p>Alla månader {periods.year} är låsta.</p>;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const issues = [
      ...(month ? [] : [{ field: 'period', message: 'Månad: välj en månad att låsa.' }]),
      ...(reason.trim().length >= reason_length_min
        ? []
        : [{ field: 'reason', message: `Skäl: ange varför månaden låses, minst ${reason_length_min} tecken.` }]),
    ];
    if (issues.length > 0) return setProblem(localProblem(issues));
    setBusy(true);
    setProblem(null);
    try {
      const locked = await lockPeriod(forbundId, periods.year, { period: month, reason: reason.trim() });
      onLocked(locked, month);
    } catch (error) {
      setProblem(problemFromError(error));
      setBusy(false);
    }
  }

  return (
    <form className="form form--narrow" onSubmit={submit} noValidate aria-labelledby="las-rubrik">
      <h2 id="las-rubrik">Lås en månad</h2>
      <p>
        När en månad är låst kan ingenting bokföras i den. Låsningen kan inte hävas; ett fel rättas i en öppen månad.
      </p>
      <ErrorSummary problem={problem} />
      <SelectField
        path="period"
        label="Månad"
        value={month}
        placeholder="Välj månad"
        options={open.map((value) => [value, monthName(value)] as const)}
        onChange={setMonth}
        problem={problem}
      />
      <TextField
        path="reason"
        label="Skäl"
        hint="Till exempel ”Månadsbokslut klart, avstämt mot bank”"
        maxLength={reason_length_max}
        value={reason}
        onChange={setReason}
        problem={problem}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Lås månaden
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Låser månaden…' : ''}
        </p>
      </div>
    </form>
  );
}
