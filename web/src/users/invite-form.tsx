import { type FormEvent, useState } from 'react';
import type { Member } from '../api/types.ts';
import { inviteUser, type UserScope } from '../api/user-endpoints.ts';
import type { InvitableRole, InvitationResult } from '../api/user-types.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { CheckboxField, FieldGroup, SelectField, TextField } from '../components/fields.tsx';
import { type FormProblem, localProblem, problemFromError } from '../form-errors.ts';
import { roleDescriptions, roleNames } from '../labels.ts';
import {
  email_length_max,
  type InviteState,
  initialInviteState,
  name_length_max,
  representsMember,
  toggleRole,
  toInviteRequest,
} from './invite-form-state.ts';

/**
 * "Bjud in en användare": the address that becomes the login, the name, the roles and, for a
 * member representative, the member of the förbundsordning in force. A 409 (the address already
 * has a login) shows as the summary's title and detail. The same form serves a förbund and the
 * platform; they differ in the roles offered, and only a förbund has members to act for.
 */
export function InviteForm({
  scope,
  roles,
  intro,
  members,
  onInvited,
}: {
  scope: UserScope;
  /** The roles to offer, in the order listed. */
  roles: readonly InvitableRole[];
  /** What the roles decide, said under the heading. */
  intro: string;
  /** The current förbundsordning's members; undefined while they load. Asked for only when member-rep is offered and ticked. */
  members?: Member[] | undefined;
  onInvited: (result: InvitationResult) => void;
}) {
  const [state, setState] = useState<InviteState>(initialInviteState);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<InviteState>) => setState((previous) => ({ ...previous, ...change }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const request = toInviteRequest(state);
    if ('issues' in request) return setProblem(localProblem(request.issues));
    setBusy(true);
    setProblem(null);
    try {
      const result = await inviteUser(scope, request.body);
      setState(initialInviteState);
      onInvited(result);
    } catch (error) {
      const failure = problemFromError(error);
      // A 409 is an address that already has a login; the API's detail names it.
      setProblem(failure.status === 409 ? { ...failure, title: 'Användaren kunde inte bjudas in.' } : failure);
    } finally {
      setBusy(false);
    }
  }

  const memberOptions = (members ?? []).map((member) => [member.id, member.name] as const);

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="bjud-in-rubrik">
      <h2 id="bjud-in-rubrik">Bjud in en användare</h2>
      <p>Användaren loggar in med sin e-postadress och ett tillfälligt lösenord. {intro}</p>
      <ErrorSummary problem={problem} />
      <TextField
        path="email"
        label="E-postadress"
        hint="Blir användarens användarnamn"
        type="email"
        inputMode="email"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={email_length_max}
        value={state.email}
        onChange={(email) => set({ email })}
        problem={problem}
      />
      <TextField
        path="name"
        label="Namn"
        autoComplete="off"
        maxLength={name_length_max}
        value={state.name}
        onChange={(name) => set({ name })}
        problem={problem}
      />
      <FieldGroup path="roles" legend="Roller" hint="Välj en eller flera." problem={problem}>
        {roles.map((role) => (
          <CheckboxField
            key={role}
            path={`roles.${role}`}
            label={roleNames[role]}
            hint={roleDescriptions[role]}
            checked={state.roles.includes(role)}
            onChange={(checked) => set({ roles: toggleRole(roles, state.roles, role, checked) })}
            problem={null}
          />
        ))}
      </FieldGroup>
      {/* Right after the roles, so the choice it depends on comes first in reading and tab order. */}
      {representsMember(state) && (
        <SelectField
          path="memberId"
          label="Medlem som representanten företräder"
          hint="Medlemmarna i den förbundsordning som gäller nu"
          value={state.memberId}
          options={memberOptions}
          placeholder={members ? 'Välj medlem' : 'Hämtar medlemmar…'}
          onChange={(memberId) => set({ memberId })}
          problem={problem}
        />
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Bjud in
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Bjuder in…' : ''}
        </p>
      </div>
    </form>
  );
}
