import { Fragment, type ReactNode, useEffect, useRef } from 'react';
import { getMe } from './api/endpoints.ts';
import { getSession, rememberReturnTo, updatePrincipal, useSession } from './api/session.ts';
import { useSessionRenewal } from './auth/session-renewal.ts';
import { Layout, mainId } from './components/layout.tsx';
import { Redirect } from './components/redirect.tsx';
import { type CyclePage, cyclePath, defaultYear, nationalPath } from './cycle/cycle-paths.ts';
import { LedgerGate } from './ledger/ledger-frame.tsx';
import {
  currentYear,
  openingBalancesPath,
  periodsPath,
  readVoucherId,
  readYear,
  reportsPath,
} from './ledger/ledger-paths.ts';
import { AuditPage } from './pages/audit-page.tsx';
import { AvrakningPage } from './pages/avrakning-page.tsx';
import { BoardPage } from './pages/board-page.tsx';
import { BudgetPage } from './pages/budget-page.tsx';
import { CharterEditPage } from './pages/charter-edit-page.tsx';
import { CyclePage as CycleWorkspacePage } from './pages/cycle-page.tsx';
import { ForbundListPage } from './pages/forbund-list-page.tsx';
import { ForbundPage } from './pages/forbund-page.tsx';
import { ForgotPasswordPage, forgotPasswordPath } from './pages/forgot-password-page.tsx';
import { IntegrationsPage } from './pages/integrations-page.tsx';
import { LedgerPage } from './pages/ledger-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { MemberPage } from './pages/member-page.tsx';
import { MfaPage, mfaPath } from './pages/mfa-page.tsx';
import { NationalPage } from './pages/national-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { OpeningBalancesPage } from './pages/opening-balances-page.tsx';
import { PeriodsPage } from './pages/periods-page.tsx';
import { PlatformUsersPage, platformUsersPath } from './pages/platform-users-page.tsx';
import { ReportsPage } from './pages/reports-page.tsx';
import { SimulationPage } from './pages/simulation-page.tsx';
import { StartPage } from './pages/start-page.tsx';
import { UsersPage } from './pages/users-page.tsx';
import { VoucherNewPage } from './pages/voucher-new-page.tsx';
import { VoucherPage } from './pages/voucher-page.tsx';
import { matchPath, useLocationPath, usePathname } from './router.tsx';

interface Route {
  pattern: string;
  /** Public routes need no session; every other route sends a signed-out user to log in. */
  public?: boolean;
  render: (params: Record<string, string>) => ReactNode;
}

const routes: Route[] = [
  { pattern: '/logga-in', public: true, render: () => <LoginPage /> },
  { pattern: forgotPasswordPath, public: true, render: () => <ForgotPasswordPage /> },
  { pattern: mfaPath, render: () => <MfaPage /> },
  { pattern: '/', render: () => <StartPage /> },
  { pattern: '/forbund', render: () => <ForbundListPage /> },
  { pattern: '/forbund/:forbundId', render: ({ forbundId }) => <ForbundPage forbundId={forbundId!} /> },
  {
    pattern: '/forbund/:forbundId/forbundsordning',
    render: ({ forbundId }) => <CharterEditPage forbundId={forbundId!} />,
  },
  { pattern: '/forbund/:forbundId/anvandare', render: ({ forbundId }) => <UsersPage forbundId={forbundId!} /> },
  { pattern: platformUsersPath, render: () => <PlatformUsersPage /> },
  { pattern: '/simulering', render: () => <SimulationPage /> },
  {
    pattern: '/forbund/:forbundId/medlem/:memberId/integrationer',
    render: ({ forbundId, memberId }) => <IntegrationsPage forbundId={forbundId!} memberId={memberId!} />,
  },
  ...ledgerRoutes(),
  ...cycleRoutes(),
];

/** The annual cycle's pages, one per budget year; without a year, the year the page is for now. */
function cycleRoutes(): Route[] {
  const pages: [CyclePage, (forbundId: string, year: number) => ReactNode][] = [
    ['arscykel', (forbundId, year) => <CycleWorkspacePage forbundId={forbundId} year={year} />],
    ['budget', (forbundId, year) => <BudgetPage forbundId={forbundId} year={year} />],
    ['avrakning', (forbundId, year) => <AvrakningPage forbundId={forbundId} year={year} />],
    ['medlem', (forbundId, year) => <MemberPage forbundId={forbundId} year={year} />],
    ['styrelsen', (forbundId, year) => <BoardPage forbundId={forbundId} year={year} />],
    ['revision', (forbundId, year) => <AuditPage forbundId={forbundId} year={year} />],
  ];
  return [
    ...pages.flatMap(([page, render]): Route[] => [
      {
        pattern: `/forbund/:forbundId/${page}`,
        render: ({ forbundId }) => <Redirect to={cyclePath(forbundId!, page, defaultYear(page))} />,
      },
      {
        pattern: `/forbund/:forbundId/${page}/:year`,
        render: ({ forbundId, year }) => {
          const chosen = readYear(year);
          return chosen === null ? <NotFoundPage /> : render(forbundId!, chosen);
        },
      },
    ]),
    { pattern: '/nationellt', render: () => <Redirect to={nationalPath(defaultYear('arscykel'))} /> },
    {
      pattern: '/nationellt/:year',
      render: ({ year }) => {
        const chosen = readYear(year);
        return chosen === null ? <NotFoundPage /> : <NationalPage year={chosen} />;
      },
    },
  ];
}

/** The ledger's pages; each is closed to roles that may not read the ledger, and a bad year is "not found". */
function ledgerRoutes(): Route[] {
  const ledger = (pattern: string, render: (params: Record<string, string>) => ReactNode): Route => ({
    pattern: `/forbund/:forbundId/${pattern}`,
    render: (params) => <LedgerGate>{render(params)}</LedgerGate>,
  });
  const withYear = (params: Record<string, string>, page: (year: number) => ReactNode) => {
    const year = readYear(params.year);
    return year === null ? <NotFoundPage /> : page(year);
  };
  return [
    ledger('bokforing', ({ forbundId }) => <LedgerPage forbundId={forbundId!} />),
    ledger('bokforing/ny', ({ forbundId }) => <VoucherNewPage forbundId={forbundId!} />),
    ledger('bokforing/:year/verifikation/:series/:number', (params) => {
      const id = readVoucherId(params);
      return id ? <VoucherPage forbundId={params.forbundId!} id={id} /> : <NotFoundPage />;
    }),
    ledger('rapporter', ({ forbundId }) => <Redirect to={reportsPath(forbundId!, currentYear())} />),
    ledger('rapporter/:year', (params) =>
      withYear(params, (year) => <ReportsPage forbundId={params.forbundId!} year={year} />),
    ),
    ledger('perioder', ({ forbundId }) => <Redirect to={periodsPath(forbundId!, currentYear())} />),
    ledger('perioder/:year', (params) =>
      withYear(params, (year) => <PeriodsPage forbundId={params.forbundId!} year={year} />),
    ),
    ledger('ingaende-balanser', ({ forbundId }) => <Redirect to={openingBalancesPath(forbundId!, currentYear())} />),
    ledger('ingaende-balanser/:year', (params) =>
      withYear(params, (year) => <OpeningBalancesPage forbundId={params.forbundId!} year={year} />),
    ),
  ];
}

export function App() {
  const pathname = usePathname();
  const locationPath = useLocationPath();
  const session = useSession();
  useFocusOnNavigation(pathname);
  useRefreshPrincipal();
  useSessionRenewal();

  const matched = routes
    .map((route) => ({ route, params: matchPath(route.pattern, pathname) }))
    .find((candidate) => candidate.params !== null);

  let content: ReactNode;
  if (!matched) content = <NotFoundPage />;
  else if (!matched.route.public && !session) content = <SignInFirst returnTo={locationPath} />;
  else content = matched.route.render(matched.params ?? {});
  // The key remounts a page when its path changes, so no state leaks from one förbund to another.
  return (
    <Layout>
      <Fragment key={pathname}>{content}</Fragment>
    </Layout>
  );
}

function SignInFirst({ returnTo }: { returnTo: string }) {
  useEffect(() => rememberReturnTo(returnTo), [returnTo]);
  return <Redirect to="/logga-in" />;
}

/**
 * After an in-app navigation, focus goes to the new page's h1 (or main), as a full page load
 * would reset it; otherwise keyboard and screen-reader users stay on a link that no longer exists.
 */
function useFocusOnNavigation(pathname: string) {
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect must run on every path change.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const main = document.getElementById(mainId);
    const heading = main?.querySelector<HTMLElement>('h1');
    (heading ?? main)?.focus();
  }, [pathname]);
}

/**
 * A session restored from sessionStorage may hold roles that have changed since; /me gives the
 * current ones. A 401 here signs the user out through the client.
 */
function useRefreshPrincipal() {
  useEffect(() => {
    if (!getSession()) return;
    const controller = new AbortController();
    getMe(controller.signal).then(updatePrincipal, () => {
      // Any other failure leaves the stored principal in place; the next call will report it.
    });
    return () => controller.abort();
  }, []);
}
