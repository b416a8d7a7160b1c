import { useEffect, useRef, useState } from 'react';
import type { ItemList, Member } from '../api/types.ts';
import type { Loadable } from '../api/use-api.ts';
import { removeUser, type UserScope } from '../api/user-endpoints.ts';
import type { InvitableRole, InvitationResult, InvitedUser } from '../api/user-types.ts';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { ShownOnceBox, type ShownOnceTexts } from '../components/shown-once-box.tsx';
import { Loaded, Notice } from '../components/status.tsx';
import { type FormProblem, problemFromError } from '../form-errors.ts';
import { InviteForm } from './invite-form.tsx';
import { UserTable } from './user-table.tsx';

/** What differs between a förbund's users and the platform's own, besides the scope. */
export interface UserAdministrationTexts {
  /** The table's caption, for a screen reader: "Förbundets användare". */
  caption: string;
  /** Said instead of the table when nobody is invited yet. */
  emptyText: string;
  /** What the roles decide, under the invitation form's heading. */
  inviteIntro: string;
}

const passwordTexts = (name: string): ShownOnceTexts => ({
  warning: 'Lösenordet visas bara en gång.',
  note: `Ingen e-post skickas när Finsam Cloud körs lokalt. Lämna lösenordet till ${name} på ett säkert sätt, till exempel muntligt eller i ett eget meddelande – aldrig tillsammans med e-postadressen. Användaren loggar in med e-postadressen och lösenordet.`,
  copy: 'Kopiera lösenordet',
  copied: 'Lösenordet är kopierat.',
  copyFailed: 'Kunde inte kopiera. Markera lösenordet och kopiera det själv.',
  dismiss: 'Jag har lämnat över lösenordet',
});

/**
 * Who may sign in, for a förbund or for the platform: the list, an invitation with its temporary
 * password shown once, and removal after a question. The page around it loads the list (so it can
 * answer "not found" for a förbund that is not the user's) and says what the people are for.
 */
export function UserAdministration({
  scope,
  users,
  reload,
  roles,
  members,
  memberName,
  texts,
}: {
  scope: UserScope;
  users: Loadable<ItemList<InvitedUser>>;
  reload: () => void;
  /** The roles the invitation offers, in the order listed. */
  roles: readonly InvitableRole[];
  /** A förbund's members, for a representative; undefined while they load or where there are none. */
  members?: Member[] | undefined;
  /** A member's name for the table; without it the table has no member column. */
  memberName?: (memberId: string) => string;
  texts: UserAdministrationTexts;
}) {
  const [invited, setInvited] = useState<InvitationResult | null>(null);
  const [notice, setNotice] = useState('');
  const [pending, setPending] = useState<InvitedUser | null>(null);
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
      await removeUser(scope, pending.email);
      setPending(null);
      setRemoval({ busy: false, problem: null });
      setInvited(null);
      setNotice(`${pending.name} (${pending.email}) är borttagen och kan inte längre logga in.`);
      reload();
    } catch (error) {
      setRemoval({ busy: false, problem: problemFromError(error) });
    }
  }

  return (
    <>
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
              caption={texts.caption}
              emptyText={texts.emptyText}
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
        <InviteForm scope={scope} roles={roles} intro={texts.inviteIntro} members={members} onInvited={invitedUser} />
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
    </>
  );
}
