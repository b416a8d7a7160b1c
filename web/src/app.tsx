import { Fragment, type ReactNode, useEffect, useRef } from 'react';
import { getMe } from './api/endpoints.ts';
import { getSession, rememberReturnTo, updatePrincipal, useSession } from './api/session.ts';
import { Layout, mainId } from './components/layout.tsx';
import { Redirect } from './components/redirect.tsx';
import { CharterEditPage } from './pages/charter-edit-page.tsx';
import { ForbundListPage } from './pages/forbund-list-page.tsx';
import { ForbundPage } from './pages/forbund-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { StartPage } from './pages/start-page.tsx';
import { matchPath, useLocationPath, usePathname } from './router.tsx';

interface Route {
  pattern: string;
  /** Public routes need no session; every other route sends a signed-out user to log in. */
  public?: boolean;
  render: (params: Record<string, string>) => ReactNode;
}

const routes: Route[] = [
  { pattern: '/logga-in', public: true, render: () => <LoginPage /> },
  { pattern: '/', render: () => <StartPage /> },
  { pattern: '/forbund', render: () => <ForbundListPage /> },
  { pattern: '/forbund/:forbundId', render: ({ forbundId }) => <ForbundPage forbundId={forbundId!} /> },
  {
    pattern: '/forbund/:forbundId/forbundsordning',
    render: ({ forbundId }) => <CharterEditPage forbundId={forbundId!} />,
  },
];

export function App() {
  const pathname = usePathname();
  const locationPath = useLocationPath();
  const session = useSession();
  useFocusOnNavigation(pathname);
  useRefreshPrincipal();

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
