import { getCharter, getForbund } from '../api/endpoints.ts';
import { useSession } from '../api/session.ts';
import { useApi } from '../api/use-api.ts';
import { forbundScope, listUsers, scopeKey } from '../api/user-endpoints.ts';
import { forbundRoles } from '../api/user-types.ts';
import { Page } from '../components/page.tsx';
import { canManageUsers } from '../components/permissions.ts';
import { isNotFound } from '../components/status.tsx';
import { Link, pathOf } from '../router.tsx';
import { UserAdministration } from '../users/user-administration.tsx';
import { NotFoundPage } from './not-found-page.tsx';

/**
 * A förbund's users and their roles, for the platform's and the förbund's administrators: who
 * may sign in, invitations, removal. Anyone else, and an administrator of another förbund, finds
 * no such page (the API answers 404 too).
 */
export function UsersPage({ forbundId }: { forbundId: string }) {
  const principal = useSession()?.principal;
  if (!canManageUsers(principal)) return <NotFoundPage />;
  return <Users forbundId={forbundId} />;
}

const texts = {
  caption: 'Förbundets användare',
  emptyText: 'Förbundet har inga inbjudna användare ännu. Bjud in den första nedan.',
  inviteIntro: 'Rollerna bestämmer vad hen får se och göra i förbundet.',
};

function Users({ forbundId }: { forbundId: string }) {
  const scope = forbundScope(forbundId);
  const [forbund] = useApi(`forbund:${forbundId}`, (signal) => getForbund(forbundId, signal));
  const [charter] = useApi(`charter:${forbundId}`, (signal) => getCharter(forbundId, signal));
  const [users, reload] = useApi(`users:${scopeKey(scope)}`, (signal) => listUsers(scope, signal));

  if ([forbund, users].some(isNotFound)) return <NotFoundPage />;
  const forbundName = forbund.status === 'ready' ? forbund.data.name : undefined;
  const members = charter.status === 'ready' ? charter.data.members : undefined;
  const memberName = (memberId: string) => members?.find((member) => member.id === memberId)?.name ?? memberId;

  const title = 'Användare och roller';
  return (
    <Page title={forbundName ? `${title} – ${forbundName}` : title} heading={title}>
      <p className="no-print">
        <Link to={pathOf('forbund', forbundId)}>Tillbaka till {forbundName ?? 'förbundet'}</Link>
      </p>
      <p>
        Här bjuder du in förbundets personal, styrelse, revisorer och medlemmarnas representanter och bestämmer deras
        roller. Den som tas bort kan inte längre logga in.
      </p>
      <UserAdministration
        scope={scope}
        users={users}
        reload={reload}
        roles={forbundRoles}
        members={members}
        memberName={memberName}
        texts={texts}
      />
    </Page>
  );
}
