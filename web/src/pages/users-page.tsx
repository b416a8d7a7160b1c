import { useEffect, useRef, useState } from 'react';
import { getCharter, getForbund } from '../api/endpoints.ts';
import { useSession } from '../api/session.ts';
import { useApi } from '../api/use-api.ts';
import { listUsers, removeUser } from '../api/user-endpoints.ts';
import type { ForbundUser, InvitationResult } from '../api/user-types.ts';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { Page } from '../components/page.tsx';
import { canManageUsers } from '../components/permissions.ts';
import { ShownOnceBox, type ShownOnceTexts } from '../components/shown-once-box.tsx';
import { isNotFound, Loaded, Notice } from '../components/status.tsx';
import { type FormProblem, problemFromError } from '../form-errors.ts';
import { Link, pathOf } from '../router.tsx';
import { InviteForm } from '../users/invite-form.tsx';
import { UserTable } from '../users/user-table.tsx';
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

const passwordTexts = (name: string): ShownOnceTexts => ({
  warning: 'Lösenordet visas bara en gång.',
  note: `Ingen e-post skickas när Finsam Cloud körs lokalt. Lämna lösenordet till ${name} på ett säkert sätt, till exempel muntligt eller i ett eget meddelande – aldrig tillsammans med e-postadressen. Användaren loggar in med e-postadressen och lösenordet.`,
  copy: 'Kopiera lösenordet',
  copied: 'Lösenordet är kopierat.',
  copyFailed: 'Kunde inte kopiera. Markera lösenordet och kopiera det själv.',
  dismiss: 'Jag har lämnat över lösenordet',
});

function Users({ forbundId }: { forbundId: string }) {
  const [forbund] = useApi(`forbund:${forbundId}`, (signal) => getForbund(forbundId, signal));
  const [charter] = useApi(`charter:${forbundId}`, (signal) => getCharter(forbundId, signal));
  const [users, reload] = useApi(`users:${forbundId}`, (signal) => listUsers(forbundId, signal));
  const [invited, setInvited] = useState<InvitationResult | null>(null);
  const [notice, setNotice] = useState('');
  const [pending, setPending] = useState<ForbundUser | null>(null);
  const [removal, setRemoval] = useState<{ busy: boolean; problem: FormProblem | null }>({
    busy: false,
    problem: null,
  });
  /** Where focus goes back to when the user cancels a removal. */
  const removeButton = useRef<HTMLButtonElement | null>(null);
  const focusRemoveButton = useRef(false);

  // Only once the modal dialog is gone: while it is open, the rest of the page is inert and cannot take focus.
  useEffect(() => {
    if (pending || !focusRemoveButton.current) return;
    focusRemoveButton.current = false;
    removeButton.current?.focus();
  }, [pending]);

  if ([forbund, users].some(isNotFound)) return <NotFoundPage />;
  const forbundName = forbund.status === 'ready' ? forbund.data.name : undefined;
  const members = charter.status === 'ready' ? charter.data.members : undefined;
  const memberName = (memberId: string) => members?.find((member) => member.id === memberId)?.name ?? memberId;

  function invitedUser(result: InvitationResult) {
    setNotice(
      result.delivery === 'email'
        ? `En inbjudan med ett tillfälligt lösenord har skickats till ${result.user.email}.`
        : '',
    );
    setInvited(result);
    reload();
  }

  function cancelRemoval() {
    focusRemoveButton.current = true;
    setPending(null);
    setRemoval({ busy: false, problem: null });
  }

  async function confirmRemoval() {
    if (!pending || removal.busy) return;
    setRemoval({ busy: true, problem: null });
    try {
      await removeUser(forbundId, pending.email);
      setPending(null);
      setRemoval({ busy: false, problem: null });
      setInvited(null);
      setNotice(`${pending.name} (${pending.email}) är borttagen och kan inte längre logga in.`);
      reload();
    } catch (error) {
      setRemoval({ busy: false, problem: problemFromError(error) });
    }
  }

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
      {notice && (
        <Notice key={notice} focus>
          {notice}
        </Notice>
      )}
      {invited?.delivery === 'response' && (
        <ShownOnceBox
          key={invited.user.email}
          value={invited.temporaryPassword}
          heading={`${invited.user.name} är inbjuden: här är det tillfälliga lösenordet`}
          texts={passwordTexts(invited.user.name)}
          testId="temporary-password"
          onDismiss={() => setInvited(null)}
        />
      )}

      <section className="section" aria-labelledby="anvandare-rubrik">
        <h2 id="anvandare-rubrik">Användare</h2>
        <Loaded state={users} loadingText="Hämtar användarna…">
          {({ items }) => (
            <UserTable
              users={items}
              memberName={memberName}
              onRemove={(user, button) => {
                removeButton.current = button;
                setPending(user);
              }}
            />
          )}
        </Loaded>
      </section>

      <section className="section" aria-label="Bjud in en användare">
        <InviteForm forbundId={forbundId} members={members} onInvited={invitedUser} />
      </section>

      {pending && (
        <ConfirmDialog
          title={`Ta bort ${pending.name}?`}
          confirmLabel="Ja, ta bort användaren"
          busyText="Tar bort…"
          busy={removal.busy}
          onConfirm={confirmRemoval}
          onCancel={cancelRemoval}
        >
          <p>
            {pending.name} ({pending.email}) kan inte längre logga in. En inloggning som redan pågår upphör inom en
            timme.
          </p>
          {removal.problem && (
            <div className="notice notice--error" role="alert">
              <p className="notice__title">Användaren kunde inte tas bort.</p>
              <p>{removal.problem.detail ?? removal.problem.title}</p>
            </div>
          )}
        </ConfirmDialog>
      )}
    </Page>
  );
}
