import { type FormEvent, useState } from 'react';
import type { SignOutReason } from '../api/client.ts';
import { setSession, takeReturnTo, useSession } from '../api/session.ts';
import { signInProvider } from '../auth/active-provider.ts';
import { signInFailure } from '../auth/sign-in-failure.ts';
import type { SignInStep } from '../auth/sign-in-provider.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { TextField } from '../components/fields.tsx';
import { Page } from '../components/page.tsx';
import { Redirect } from '../components/redirect.tsx';
import { Notice } from '../components/status.tsx';
import { type FormProblem, localProblem } from '../form-errors.ts';
import { Link, navigate } from '../router.tsx';
import { forgotPasswordPath } from './forgot-password-page.tsx';
import { SignInChallenge } from './sign-in-steps.tsx';

const reasonTexts: Record<SignOutReason | 'password-changed', string> = {
  expired: 'Din inloggning har gått ut. Logga in igen för att fortsätta.',
  'signed-out': 'Du är utloggad.',
  'password-changed': 'Ditt nya lösenord är sparat. Logga in med det.',
};

const stepTitles: Record<SignInStep['kind'], string> = {
  'signed-in': 'Logga in',
  'new-password': 'Välj ett nytt lösenord',
  totp: 'Tvåstegsverifiering',
  'mfa-setup': 'Koppla en autentiseringsapp',
};

/** Sign-in through whichever provider config.json chose; the steps after the password come from it. */
export function LoginPage() {
  const session = useSession();
  const [step, setStep] = useState<Exclude<SignInStep, { kind: 'signed-in' }> | null>(null);
  const [finishing, setFinishing] = useState(false);

  if (session && !finishing) return <Redirect to="/" />;

  function onNext(next: SignInStep) {
    if (next.kind !== 'signed-in') return setStep(next);
    setFinishing(true);
    setSession(next.session);
    navigate(takeReturnTo(next.session.principal.subject), { replace: true });
  }

  return (
    <Page title={stepTitles[step?.kind ?? 'signed-in']}>
      {step ? <SignInChallenge key={step.kind} step={step} onNext={onNext} /> : <CredentialsForm onNext={onNext} />}
    </Page>
  );
}

function CredentialsForm({ onNext }: { onNext: (next: SignInStep) => void }) {
  const provider = signInProvider();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const reason = (window.history.state as { reason?: keyof typeof reasonTexts } | null)?.reason;
  const cognito = provider.kind === 'cognito';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const missing = [
      ...(username.trim()
        ? []
        : [{ field: 'username', message: cognito ? 'Ange din e-postadress.' : 'Ange ditt användarnamn.' }]),
      ...(password ? [] : [{ field: 'password', message: 'Ange ditt lösenord.' }]),
    ];
    if (missing.length > 0) return setProblem(localProblem(missing));
    setBusy(true);
    setProblem(null);
    try {
      onNext(await provider.signIn(username.trim(), password));
    } catch (error) {
      setProblem(signInFailure(error));
      setBusy(false);
    }
  }

  return (
    <>
      {reason && reasonTexts[reason] && !problem && <Notice>{reasonTexts[reason]}</Notice>}
      <form className="form form--narrow" onSubmit={submit} noValidate>
        <ErrorSummary problem={problem} />
        <TextField
          path="username"
          label={provider.usernameLabel}
          hint={provider.usernameHint}
          type={cognito ? 'email' : 'text'}
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
      {provider.passwordReset && (
        <p>
          <Link to={forgotPasswordPath}>Glömt lösenordet?</Link>
        </p>
      )}
    </>
  );
}
