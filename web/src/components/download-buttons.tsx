import { useId, useState } from 'react';
import { ApiError, type DownloadedFile } from '../api/client.ts';
import { saveBlob } from '../download.ts';
import { type DownloadProgress, type ProgressListener, percentOf, progressText } from '../download-progress.ts';
import { ErrorNotice } from './status.tsx';

export interface Download {
  /** What the file is, e.g. "SIE 4-fil för 2026": the button says "Ladda ner …". */
  label: string;
  /** Fetches the file, telling `onProgress` how far it has come. */
  fetch: (onProgress: ProgressListener) => Promise<DownloadedFile>;
  /** Used when the server names no file. */
  fallbackName: string;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The phase in words, for the live region: it changes twice per download, not at every percent. */
const phaseText = (label: string, progress: DownloadProgress) =>
  progress.phase === 'creating' ? `Skapar ${label}…` : `Hämtar ${label}…`;

/**
 * Buttons that fetch a file with the session's token (a plain link could not send it) and save it
 * under the name the server gives. While a file comes, a progress bar shows the phase: "Skapar …"
 * (indeterminate, the server makes the document) then "Hämtar … NN %". The bar's label changes with
 * every percent but is no live region; the status line announces only the phases and the result,
 * so a screen reader is told what happens without a stream of numbers.
 */
export function DownloadButtons({ downloads, compact = false }: { downloads: Download[]; compact?: boolean }) {
  const progressId = useId();
  const [message, setMessage] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [active, setActive] = useState<{ label: string; progress: DownloadProgress } | null>(null);

  async function download(item: Download) {
    if (active) return;
    setError(null);
    let phase: DownloadProgress['phase'] | undefined;
    const onProgress: ProgressListener = (progress) => {
      setActive({ label: item.label, progress });
      if (progress.phase !== phase) {
        phase = progress.phase;
        setMessage(phaseText(item.label, progress));
      }
    };
    try {
      const file = await item.fetch(onProgress);
      const name = file.filename ?? item.fallbackName;
      saveBlob(file.blob, name);
      setMessage(`${capitalised(item.label)} har laddats ner som ${name}.`);
    } catch (failure) {
      setMessage('');
      setError(
        failure instanceof ApiError
          ? failure
          : new ApiError({ title: 'Något gick fel.', status: 0, detail: String(failure) }),
      );
    }
    setActive(null);
  }

  return (
    <div className="no-print">
      <ul className="download-list">
        {downloads.map((item) => (
          <li key={item.label}>
            <button
              type="button"
              className={`button button--secondary${compact ? ' button--small' : ''}`}
              onClick={() => download(item)}
              disabled={active !== null}
            >
              Ladda ner {item.label}
            </button>
          </li>
        ))}
      </ul>
      {active && (
        <div className="download-progress">
          <label htmlFor={progressId}>{progressText(active.label, active.progress)}</label>
          {/* Without a value the bar is indeterminate: the server is still making the file, or sends no size. */}
          <progress id={progressId} max={100} value={percentOf(active.progress)} />
        </div>
      )}
      <p role="status" className={active ? 'visually-hidden' : 'status-inline'}>
        {message}
      </p>
      {error && <ErrorNotice error={error} />}
    </div>
  );
}
