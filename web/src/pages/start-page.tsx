import { useSession } from '../api/session.ts';
import type { Principal } from '../api/types.ts';
import { Page } from '../components/page.tsx';
import { canPlanBudget, canReadNational, isMemberRep } from '../components/permissions.ts';
import { Redirect } from '../components/redirect.tsx';
import { cyclePath, defaultYear, nationalPath } from '../cycle/cycle-paths.ts';
import { pathOf } from '../router.tsx';

/** Where a role starts its work: the page of the step in the year that is its to take. */
export function startPathFor(principal: Principal | undefined): string | null {
  if (!principal) return null;
  const has = (role: Principal['roles'][number]) => principal.roles.includes(role);
  if (has('platform-admin')) return '/forbund';
  const forbundId = principal.forbundId;
  if (forbundId) {
    const page = (name: Parameters<typeof cyclePath>[1]) => cyclePath(forbundId, name, defaultYear(name));
    if (canPlanBudget(principal)) return page('arscykel');
    if (isMemberRep(principal)) return page('medlem');
    if (has('styrelse')) return page('styrelsen');
    if (has('revisor')) return page('revision');
    return pathOf('forbund', forbundId);
  }
  if (canReadNational(principal)) return nationalPath(defaultYear('arscykel'));
  return null;
}

/** "/" sends each user to where their role works; a user with no such page is greeted. */
export function StartPage() {
  const session = useSession();
  const principal = session?.principal;
  const start = startPathFor(principal);
  if (start) return <Redirect to={start} />;
  return (
    <Page title="Välkommen">
      <p>Du är inloggad som {principal?.name}.</p>
      <p>Det finns ännu ingen sida i portalen för din roll. Kontakta förbundets administratör om du behöver åtkomst.</p>
    </Page>
  );
}
