import { useEffect, useState } from 'react';
import type { ApiError } from '../api/client.ts';
import { getContributionsOn } from '../api/endpoints.ts';
import type { Contributions } from '../api/types.ts';
import { ContributionsTable } from '../components/contributions-table.tsx';
import { ErrorNotice } from '../components/status.tsx';
import { formatAmount } from '../format.ts';
import { readAmount } from '../input.ts';

/** How long typing must pause before the split is asked for: one request per pause, not per key. */
const typing_pause_ms = 400;

/**
 * Medlemsbidrag for the frame as it is being typed, computed by the API from the förbundsordning
 * in force on the budget year's first day, as the saved budget's will be.
 */
export function LiveContributions({
  forbundId,
  year,
  frameText,
}: {
  forbundId: string;
  year: number;
  frameText: string;
}) {
  const frame = readAmount(frameText);
  const [result, setResult] = useState<Contributions | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (frame === null) {
      setResult(null);
      setError(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getContributionsOn(forbundId, frame, `${year}-01-01`, controller.signal).then(
        (answer) => {
          setResult(answer);
          setError(null);
        },
        (failure: ApiError) => {
          if (controller.signal.aborted) return;
          setResult(null);
          setError(failure);
        },
      );
    }, typing_pause_ms);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [forbundId, year, frame]);

  const current = result && frame !== null && result.frame === frame ? result : null;
  return (
    <div className="live-contributions">
      <p role="status" className="status-inline">
        {current ? `Medlemsbidragen för en ram på ${formatAmount(current.frame)} visas nedan.` : ''}
      </p>
      {frame === null && <p className="hint">Skriv ramen, så visas varje medlems bidrag här.</p>}
      {error && <ErrorNotice error={error} />}
      {current && <ContributionsTable result={current} label="Medlemsbidrag för ramen i förslaget" />}
    </div>
  );
}
