import { downloadHledger, downloadSie } from '../api/ledger-endpoints.ts';
import { DownloadButtons } from '../components/download-buttons.tsx';

/** The year's files for other systems and for auditors. */
export function ExportDownloads({ forbundId, year }: { forbundId: string; year: number }) {
  return (
    <DownloadButtons
      downloads={[
        {
          label: `SIE 4-fil för ${year}`,
          fetch: (onProgress) => downloadSie(forbundId, year, onProgress),
          fallbackName: `${forbundId}-${year}.se`,
        },
        {
          label: `hledger-journal för ${year}`,
          fetch: (onProgress) => downloadHledger(forbundId, year, onProgress),
          fallbackName: `${forbundId}-${year}.journal`,
        },
      ]}
    />
  );
}
