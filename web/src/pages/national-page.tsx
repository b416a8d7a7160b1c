import { downloadNationalCsv, getNational } from '../api/cycle-endpoints.ts';
import type { NationalYear } from '../api/cycle-types.ts';
import { useSession } from '../api/session.ts';
import { useApi } from '../api/use-api.ts';
import { DownloadButtons } from '../components/download-buttons.tsx';
import { Page } from '../components/page.tsx';
import { canReadNational } from '../components/permissions.ts';
import { Loaded } from '../components/status.tsx';
import { NoAccess } from '../cycle/cycle-frame.tsx';
import { nationalPath } from '../cycle/cycle-paths.ts';
import { YearForm } from '../ledger/year-picker.tsx';
import { ForbundTable } from '../national/forbund-table.tsx';
import { LanCharts } from '../national/lan-charts.tsx';
import { lanSummaries } from '../national/national-figures.ts';

/**
 * Nationella rådet's view of a year: every förbund's published aggregates in a sortable table,
 * the same per län as charts with their tables, and the figures as CSV. Aggregates only: the API
 * gives this view nothing else.
 */
export function NationalPage({ year }: { year: number }) {
  const session = useSession();
  if (!canReadNational(session?.principal))
    return <NoAccess text="Den nationella statistiken är till för Nationella rådet." />;
  return <NationalYearView year={year} />;
}

function NationalYearView({ year }: { year: number }) {
  const [national] = useApi(`national:${year}`, (signal) => getNational(year, signal));
  return (
    <Page title={`Nationell statistik ${year}`}>
      <p>
        Nyckeltal som samordningsförbunden har publicerat för budgetåret {year}: ramar, kostnader, eget kapital och om
        tidsgränserna hölls. Bara sammanställda uppgifter visas.
      </p>
      <YearForm year={year} pathFor={nationalPath} label="Budgetår" />
      <Loaded state={national} loadingText="Hämtar nyckeltalen…">
        {(data) => <Figures data={data} />}
      </Loaded>
    </Page>
  );
}

function Figures({ data }: { data: NationalYear }) {
  const { year, items } = data;
  if (items.length === 0)
    return (
      <p className="empty">
        Inget förbund har publicerat nyckeltal för {year} ännu. Nyckeltalen publiceras när styrelsen har antagit
        budgeten.
      </p>
    );
  const summaries = lanSummaries(items);
  const members = items.reduce((total, item) => total + item.memberCount, 0);
  return (
    <>
      <section className="section" aria-labelledby="oversikt-rubrik">
        <h2 id="oversikt-rubrik">Översikt</h2>
        <p>
          {items.length} förbund i {summaries.length} län med sammanlagt {members} medlemmar har publicerat nyckeltal
          för {year}.
        </p>
        <DownloadButtons
          downloads={[
            {
              label: `nyckeltalen för ${year} som CSV`,
              fetch: (onProgress) => downloadNationalCsv(year, onProgress),
              fallbackName: `samordningsforbund-${year}.csv`,
            },
          ]}
        />
      </section>
      <section className="section" aria-labelledby="forbund-rubrik">
        <h2 id="forbund-rubrik">Förbund</h2>
        <ForbundTable items={items} year={year} />
      </section>
      <section className="section" aria-labelledby="per-lan-rubrik">
        <h2 id="per-lan-rubrik">Per län</h2>
        <LanCharts summaries={summaries} year={year} />
      </section>
    </>
  );
}
