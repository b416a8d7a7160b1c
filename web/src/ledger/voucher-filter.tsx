import { type FormEvent, useState } from 'react';
import { ErrorSummary } from '../components/error-summary.tsx';
import { TextField } from '../components/fields.tsx';
import { type FormProblem, localProblem } from '../form-errors.ts';
import { navigate } from '../router.tsx';
import { ledgerPath } from './ledger-paths.ts';
import { readSeries } from './voucher-form-state.ts';
import { YearSelect } from './year-picker.tsx';

/**
 * Which year and series to list. A form with a button rather than a select that navigates on
 * change: moving through the options with the keyboard must not load page after page (WCAG 3.2.2).
 */
export function VoucherFilter({ forbundId, year, series }: { forbundId: string; year: number; series: string }) {
  const [chosenYear, setChosenYear] = useState(year);
  const [seriesText, setSeriesText] = useState(series);
  const [problem, setProblem] = useState<FormProblem | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const chosenSeries = readSeries(seriesText);
    if (chosenSeries && !/^[A-Z0-9]{1,10}$/.test(chosenSeries))
      return setProblem(localProblem([{ field: 'series', message: 'Serie: ange 1–10 tecken A–Z eller 0–9.' }]));
    setProblem(null);
    navigate(ledgerPath(forbundId, { year: chosenYear, series: chosenSeries }));
  }

  return (
    <form className="form filter-form" onSubmit={submit} noValidate aria-label="Välj år och serie">
      <ErrorSummary problem={problem} />
      <div className="filter-form__fields">
        <YearSelect value={chosenYear} onChange={setChosenYear} />
        <TextField
          path="series"
          label="Serie (valfri)"
          hint="Tomt visar alla serier"
          className="field--short"
          autoComplete="off"
          autoCapitalize="characters"
          value={seriesText}
          onChange={setSeriesText}
          problem={problem}
        />
        <button type="submit" className="button">
          Visa
        </button>
      </div>
    </form>
  );
}
