import { useState } from 'react';
import { ApiError, type DownloadedFile } from '../api/client.ts';
import { saveBlob } from '../download.ts';
import { ErrorNotice } from './status.tsx';

export interface Download {
  /** What the file is, e.g. "SIE 4-fil för 2026": the button says "Ladda ner …". */
  label: string;
  fetch: () => Promise<DownloadedFile>;
  /** Used when the server names no file. */
  fallbackName: string;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Buttons that fetch a file with the session's token (a plain link could not send it) and save it
 * under the name the server gives. One status line says what happened, for every button.
 */
export function DownloadButtons({ downloads, compact = false }: { downloads: Download[]; compact?: boolean }) {
  const [message, setMessage] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function download(item: Download) {
    if (busy) return;
    setBusy(true);
    setError(null);
    setMessage(`Hämtar ${item.label}…`);
    try {
      const file = await item.fetch();
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
    setBusy(false);
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
              disabled={busy}
            >
              Ladda ner {item.label}
            </button>
          </li>
        ))}
      </ul>
      <p role="status" className="status-inline">
        {message}
      </p>
      {error && <ErrorNotice error={error} />}
    </div>
  );
}
