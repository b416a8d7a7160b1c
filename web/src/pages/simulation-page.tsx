import { useEffect, useRef, useState } from 'react';
import { listForbund } from '../api/endpoints.ts';
import { useSession } from '../api/session.ts';
import { getClock } from '../api/simulation-endpoints.ts';
import type { Simulation } from '../api/simulation-types.ts';
import { useApi } from '../api/use-api.ts';
import { setBusinessTime } from '../business-clock.ts';
import { Page } from '../components/page.tsx';
import { isPlatformAdmin } from '../components/permissions.ts';
import { Loaded } from '../components/status.tsx';
import { formatDateTime } from '../format.ts';
import { Link } from '../router.tsx';
import { SimulationForm } from '../simulation/simulation-form.tsx';
import { SimulationProgress } from '../simulation/simulation-progress.tsx';
import { earliestYear } from '../simulation/simulation-state.ts';
import { useSimulation } from '../simulation/use-simulation.ts';
import { NotFoundPage } from './not-found-page.tsx';

/**
 * Simulating a förbund's budget year from the portal, with its progress: only in the local
 * runtime (AWS has no virtual clock; its control routes answer 404) and only for the platform
 * administrator.
 */
export function SimulationPage() {
  const principal = useSession()?.principal;
  if (!isPlatformAdmin(principal)) return <NotFoundPage />;
  return <Simulations />;
}

function Simulations() {
  const [clock, reloadClock] = useApi('local-clock', (signal) => getClock(signal));
  const [forbund] = useApi('forbund-for-simulation', (signal) => listForbund(undefined, signal));
  const { latest, follow, pollProblem } = useSimulation();
  const [startedHere, setStartedHere] = useState<string | null>(null);
  const current = latest.status === 'ready' ? latest.data : null;
  const running = current?.status === 'running';

  // A simulation moves the virtual clock; once it ends, the clock and the suggested year follow.
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) reloadClock();
    wasRunning.current = running;
  }, [running, reloadClock]);
  // …and so do the other pages: the business date they open on is the clock's new one.
  useEffect(() => {
    if (clock.status === 'ready') setBusinessTime(clock.data.now);
  }, [clock]);

  if (clock.status === 'failed' && clock.error.status === 404)
    return (
      <Page title="Simulering">
        <p>Simulering finns bara när Finsam Cloud körs lokalt, med en virtuell klocka.</p>
        <p>
          <Link to="/forbund">Till förbunden</Link>
        </p>
      </Page>
    );

  const forbundItems = forbund.status === 'ready' ? forbund.data.items : [];
  const nameOf = (simulation: Simulation) =>
    forbundItems.find((each) => each.id === simulation.forbundId)?.name ?? simulation.forbundId;
  function started(simulation: Simulation) {
    setStartedHere(simulation.id);
    follow(simulation);
  }

  return (
    <Page title="Simulering">
      <p className="no-print">
        <Link to="/forbund">Till förbunden</Link>
      </p>
      <p>
        En simulering kör ett helt budgetår för ett förbund genom samma API, tillståndsmaskiner och schemaläggare som i
        drift: budget och samråd på hösten, avräkning varje månad, bokslut, årsredovisning, revision och ansvarsfrihet
        på våren efter. Påhittade personer – representanter, revisorer, ekonom, ordförande – läggs till i förbundet, och
        den virtuella klockan flyttas framåt. Ett år tar 10–20 sekunder.
      </p>
      <Loaded state={clock} loadingText="Hämtar den virtuella klockan…">
        {({ now }) => (
          <p>
            Den virtuella klockan står på <strong>{formatDateTime(now)}</strong>.
          </p>
        )}
      </Loaded>
      <Loaded state={latest} loadingText="Hämtar senaste simuleringen…">
        {(simulation) =>
          simulation ? (
            <SimulationProgress
              key={simulation.id}
              simulation={simulation}
              forbundName={nameOf(simulation)}
              focus={simulation.id === startedHere}
              pollProblem={pollProblem}
            />
          ) : (
            <p className="empty">Ingen simulering har körts ännu.</p>
          )
        }
      </Loaded>
      <section className="section" aria-label="Starta en simulering">
        <Loaded state={forbund} loadingText="Hämtar förbunden…">
          {({ items }) => (
            <SimulationForm
              forbund={items}
              suggestedYear={clock.status === 'ready' ? earliestYear(clock.data.now) : undefined}
              running={running}
              onStarted={started}
            />
          )}
        </Loaded>
      </section>
    </Page>
  );
}
