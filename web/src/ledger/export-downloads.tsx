import { useState } from 'react';
import type { DownloadedFile } from '../api/client.ts';
import { ApiError } from '../api/client.ts';
import { downloadHledger, downloadSie } from '../api/ledger-endpoints.ts';
import { ErrorNotice } from '../components/status.tsx';
import { saveBlob } from '../download.ts';

interface Export {
  label: string;
  fetch: () => Promise<DownloadedFile>;
  /** Used when the server names no file. */
  fallbackName: string;
}

/**
 * The year's files for other systems and for auditors. They are fetched with the session's token
 * (a plain link could not send it) and saved under the name the server gives.
 */
export function ExportDownloads({ forbundId, year }: { forbundId: string; year: number }) {
  const [message, setMessage] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const exports: Export[] = [
    { label: 'SIE 4-fil', fetch: () => downloadSie(forbundId, year), fallbackName: `${forbundId}-${year}.se` },
    {
      label: 'hledger-journal',
      fetch: () => downloadHledger(forbundId, year),
      fallbackName: `${forbundId}-${year}.journal`,
    },
  ];

  async function download(item: Export) {
    if (busy) return;
    setBusy(true);
    setError(null);
    setMessage(`Hämtar ${item.label}…`);
    try {
      const file = await item.fetch();
      const name = file.filename ?? item.fallbackName;
      saveBlob(file.blob, name);
      setMessage(`${item.label} för ${year} har laddats ner som ${name}.`);
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
        {exports.map((item) => (
          <li key={item.label}>
            <button type="button" className="button button--secondary" onClick={() => download(item)} disabled={busy}>
              Ladda ner {item.label} för {year}
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
