import { useSession } from '../api/session.ts';
import { Page } from '../components/page.tsx';
import { Redirect } from '../components/redirect.tsx';
import { pathOf } from '../router.tsx';

/** "/" sends each user to where their role works: the list for the platform, else their förbund. */
export function StartPage() {
  const session = useSession();
  const principal = session?.principal;
  if (principal?.roles.includes('platform-admin')) return <Redirect to="/forbund" />;
  if (principal?.forbundId) return <Redirect to={pathOf('forbund', principal.forbundId)} />;

  // The national view (aggregates only) is a later part of the portal.
  return (
    <Page title="Välkommen">
      <p>Du är inloggad som {principal?.name}.</p>
      <p>Det finns ännu ingen sida i portalen för din roll. Kontakta förbundets administratör om du behöver åtkomst.</p>
    </Page>
  );
}
