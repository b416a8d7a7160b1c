import { useSession } from '../api/session.ts';
import { useApi } from '../api/use-api.ts';
import { listUsers, platformScope, scopeKey } from '../api/user-endpoints.ts';
import { platformRoles } from '../api/user-types.ts';
import { Page } from '../components/page.tsx';
import { isPlatformAdmin } from '../components/permissions.ts';
import { Link } from '../router.tsx';
import { UserAdministration } from '../users/user-administration.tsx';
import { NotFoundPage } from './not-found-page.tsx';

/** The path of the platform's own users; the förbund list links here. */
export const platformUsersPath = '/anvandare';

/**
 * The platform's own people, who belong to no förbund: its administrators and Nationella rådet.
 * Only the platform administrator has this page (the API answers 403 to anyone else).
 */
export function PlatformUsersPage() {
  const principal = useSession()?.principal;
  if (!isPlatformAdmin(principal)) return <NotFoundPage />;
  return <PlatformUsers />;
}

const texts = {
  caption: 'Plattformens användare',
  emptyText: 'Plattformen har inga inbjudna användare ännu. Bjud in den första nedan.',
  inviteIntro:
    'Rollerna gäller alla förbund: en administratör sköter hela plattformen, Nationella rådet läser den nationella statistiken.',
};

function PlatformUsers() {
  const [users, reload] = useApi(`users:${scopeKey(platformScope)}`, (signal) => listUsers(platformScope, signal));
  return (
    <Page title="Plattformens användare">
      <p className="no-print">
        <Link to="/forbund">Till förbunden</Link>
      </p>
      <p>
        Här bjuder du in plattformens administratörer och Nationella rådets företrädare. De hör inte till något förbund;
        förbundens egna användare bjuds in under Användare och roller på varje förbunds sida. Den som tas bort kan inte
        längre logga in.
      </p>
      <UserAdministration scope={platformScope} users={users} reload={reload} roles={platformRoles} texts={texts} />
    </Page>
  );
}
