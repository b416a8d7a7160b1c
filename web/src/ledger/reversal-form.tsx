import { type FormEvent, useEffect, useRef, useState } from 'react';
import { reverseVoucher } from '../api/ledger-endpoints.ts';
import type { Voucher } from '../api/ledger-types.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { TextField } from '../components/fields.tsx';
import { type FormProblem, localProblem, problemFromError } from '../form-errors.ts';
import { todayIso } from '../format.ts';
import { navigate } from '../router.tsx';
import { voucherLabel, voucherPath } from './ledger-paths.ts';

/**
 * "Rätta genom återföring": a booked voucher is never changed (DOMAIN.md §4), so a correction is
 * a new voucher with the same lines and opposite amounts, linked to the original.
 */
export function ReversalForm({ forbundId, voucher }: { forbundId: string; voucher: Voucher }) {
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(todayIso);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const label = `${voucherLabel(voucher)} (${voucher.year})`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openButtonRef = useRef<HTMLButtonElement>(null);
  const toggled = useRef(false);

  // Focus follows the user's action: into the form when it opens, back to the button when it closes.
  useEffect(() => {
    if (!toggled.current) return;
    (open ? headingRef.current : openButtonRef.current)?.focus();
  }, [open]);
  const toggle = (next: boolean) => {
    toggled.current = true;
    setOpen(next);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date.trim()))
      return setProblem(localProblem([{ field: 'date', message: 'Datum: ange datumet som ÅÅÅÅ-MM-DD.' }]));
    setBusy(true);
    setProblem(null);
    try {
      const reversal = await reverseVoucher(forbundId, voucher, {
        date: date.trim(),
        ...(text.trim() ? { text: text.trim() } : {}),
      });
      navigate(voucherPath(forbundId, reversal), {
        state: {
          notice: `Återföringen av ${label} har bokförts som verifikation ${voucherLabel(reversal)} (${reversal.year}).`,
        },
      });
    } catch (error) {
      setProblem(problemFromError(error));
      setBusy(false);
    }
  }

  if (!open)
    return (
      <p className="no-print">
        <button type="button" className="button button--secondary" onClick={() => toggle(true)} ref={openButtonRef}>
          Rätta genom återföring
        </button>
      </p>
    );

  return (
    <form className="form form--narrow" onSubmit={submit} noValidate aria-labelledby="aterforing-rubrik">
      <h3 id="aterforing-rubrik" tabIndex={-1} ref={headingRef}>
        Rätta genom återföring
      </h3>
      <p>
        En ny verifikation bokförs med samma rader som {label} och motsatta belopp. {label} ändras inte och finns kvar.
      </p>
      <ErrorSummary problem={problem} />
      <TextField
        path="date"
        label="Datum för återföringen"
        hint="ÅÅÅÅ-MM-DD, i en öppen period"
        inputMode="numeric"
        autoComplete="off"
        value={date}
        onChange={setDate}
        problem={problem}
      />
      <TextField
        path="text"
        label="Text (valfri)"
        hint={`Tomt ger ”Återföring av ${label}: …”`}
        maxLength={200}
        value={text}
        onChange={setText}
        problem={problem}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Bokför återföringen
        </button>
        <button type="button" className="button button--secondary" onClick={() => toggle(false)} disabled={busy}>
          Avbryt
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Bokför återföringen…' : ''}
        </p>
      </div>
    </form>
  );
}
