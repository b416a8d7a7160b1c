import { type FormEvent, useState } from 'react';
import type { SignOutReason } from '../api/client.ts';
import { login } from '../api/endpoints.ts';
import { setSession, takeReturnTo, useSession } from '../api/session.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { TextField } from '../components/fields.tsx';
import { Page } from '../components/page.tsx';
import { Redirect } from '../components/redirect.tsx';
import { Notice } from '../components/status.tsx';
import { type FormProblem, localProblem, problemFromError } from '../form-errors.ts';
import { navigate } from '../router.tsx';

const reasonTexts: Record<SignOutReason, string> = {
  expired: 'Din inloggning har gått ut. Logga in igen för att fortsätta.',
  'signed-out': 'Du är utloggad.',
};

export function LoginPage() {
  const session = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const reason = (window.history.state as { reason?: SignOutReason } | null)?.reason;

  if (session && !busy) return <Redirect to="/" />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const missing = [
      ...(username.trim() ? [] : [{ field: 'username', message: 'Ange ditt användarnamn.' }]),
      ...(password ? [] : [{ field: 'password', message: 'Ange ditt lösenord.' }]),
    ];
    if (missing.length > 0) return setProblem(localProblem(missing));
    setBusy(true);
    setProblem(null);
    try {
      const answer = await login(username.trim(), password);
      setSession({ token: answer.token, expiresAt: answer.expiresAt, principal: answer.principal });
      navigate(takeReturnTo(answer.principal.subject), { replace: true });
    } catch (error) {
      const failure = problemFromError(error);
      // The API's 401 is deliberately vague; say plainly what the user can do about it.
      setProblem(
        failure.status === 401 ? { ...failure, title: 'Fel användarnamn eller lösenord.', detail: undefined } : failure,
      );
      setBusy(false);
    }
  }

  return (
    <Page title="Logga in">
      {reason && !problem && <Notice>{reasonTexts[reason]}</Notice>}
      <form className="form form--narrow" onSubmit={submit} noValidate>
        <ErrorSummary problem={problem} />
        <TextField
          path="username"
          label="Användarnamn"
          hint="Den som har bjudits in till ett förbund loggar in med sin e-postadress."
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={setUsername}
          problem={problem}
        />
        <TextField
          path="password"
          label="Lösenord"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          problem={problem}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            Logga in
          </button>
          <p role="status" className="status-inline">
            {busy ? 'Loggar in…' : ''}
          </p>
        </div>
      </form>
    </Page>
  );
}
