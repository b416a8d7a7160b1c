import { useState } from 'react';
import { getPeriods } from '../api/ledger-endpoints.ts';
import type { Periods } from '../api/ledger-types.ts';
import { useSession } from '../api/session.ts';
import { useApi } from '../api/use-api.ts';
import { canLockPeriods } from '../components/permissions.ts';
import { Loaded, Notice } from '../components/status.tsx';
import { LedgerFrame } from '../ledger/ledger-frame.tsx';
import { periodsPath } from '../ledger/ledger-paths.ts';
import { PeriodLockForm } from '../ledger/period-lock-form.tsx';
import { monthName, PeriodTable } from '../ledger/period-table.tsx';
import { YearForm } from '../ledger/year-picker.tsx';

/** Which months of the year are locked, by whom and why; the ekonom locks the next one. */
export function PeriodsPage({ forbundId, year }: { forbundId: string; year: number }) {
  const session = useSession();
  const [loaded] = useApi(`periods:${forbundId}:${year}`, (signal) => getPeriods(forbundId, year, signal));
  // After a lock the API answers with the new periods; they replace what was loaded.
  const [updated, setUpdated] = useState<{ periods: Periods; notice: string } | null>(null);
  const state = updated ? { status: 'ready' as const, data: updated.periods } : loaded;

  return (
    <LedgerFrame forbundId={forbundId} title={`Perioder ${year}`} year={year} loads={[loaded]}>
      <YearForm year={year} pathFor={(chosen) => periodsPath(forbundId, chosen)} />
      {updated && <Notice>{updated.notice}</Notice>}
      <Loaded state={state} loadingText="Hämtar perioderna…">
        {(periods) => (
          <>
            <p>{summary(periods)}</p>
            <PeriodTable periods={periods} />
            {canLockPeriods(session?.principal) && !periods.yearLocked && (
              <PeriodLockForm
                key={periods.version}
                forbundId={forbundId}
                periods={periods}
                onLocked={(next, month) => setUpdated({ periods: next, notice: `${monthName(month)} är låst.` })}
              />
            )}
          </>
        )}
      </Loaded>
    </LedgerFrame>
  );
}

function summary(periods: Periods): string {
  if (periods.yearLocked) return `Hela räkenskapsåret ${periods.year} är låst.`;
  const count = periods.lockedMonths.length;
  if (count === 0) return `Ingen period är låst ännu för ${periods.year}.`;
  return `${count} av 12 månader är låsta för ${periods.year}.`;
}
