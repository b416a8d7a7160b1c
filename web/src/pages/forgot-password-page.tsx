import { type FormEvent, useState } from 'react';
import { signInProvider } from '../auth/active-provider.ts';
import { signInFailure } from '../auth/sign-in-failure.ts';
import { readTotpCode } from '../auth/totp-uri.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { TextField } from '../components/fields.tsx';
import { Page } from '../components/page.tsx';
import { Notice } from '../components/status.tsx';
import { type FormProblem, localProblem } from '../form-errors.ts';
import { Link, navigate } from '../router.tsx';
import { NewPasswordFields, newPasswordProblem } from './sign-in-steps.tsx';

export const forgotPasswordPath = '/glomt-losenord';

/** Forgotten password: a code by e-mail, then the code and a new password (Cognito only). */
export function ForgotPasswordPage() {
  const reset = signInProvider().passwordReset;
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);

  return (
    <Page title="Glömt lösenordet">
      {!reset ? (
        <p>
          I den lokala körmiljön byter en administratör lösenordet åt dig. <Link to="/logga-in">Till inloggningen</Link>
        </p>
      ) : sent ? (
        <ConfirmForm email={email} confirm={reset.confirm} onResend={() => setSent(false)} />
      ) : (
        <RequestForm email={email} onEmail={setEmail} start={reset.start} onSent={() => setSent(true)} />
      )}
    </Page>
  );
}

function RequestForm(props: {
  email: string;
  onEmail: (email: string) => void;
  start: (email: string) => Promise<void>;
  onSent: () => void;
}) {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!props.email.trim()) return setProblem(localProblem([{ field: 'email', message: 'Ange din e-postadress.' }]));
    setBusy(true);
    setProblem(null);
    try {
      await props.start(props.email.trim());
      props.onSent();
    } catch (error) {
      setProblem(signInFailure(error));
      setBusy(false);
    }
  }

  return (
    <form className="form form--narrow" onSubmit={submit} noValidate>
      <ErrorSummary problem={problem} />
      <p>
        Ange den e-postadress du loggar in med, så skickar vi en kod som du använder för att välja ett nytt lösenord.
      </p>
      <TextField
        path="email"
        label="E-postadress"
        type="email"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={props.email}
        onChange={props.onEmail}
        problem={problem}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Skicka kod
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Skickar…' : ''}
        </p>
      </div>
      <p>
        <Link to="/logga-in">Tillbaka till inloggningen</Link>
      </p>
    </form>
  );
}

function ConfirmForm(props: {
  email: string;
  confirm: (email: string, code: string, password: string) => Promise<void>;
  onResend: () => void;
}) {
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const typed = readTotpCode(code);
    const passwordProblem = newPasswordProblem(password, repeated);
    const issues = [
      ...(typed ? [] : [{ field: 'code', message: 'Ange de sex siffrorna i koden från e-postmeddelandet.' }]),
      ...(passwordProblem?.issues ?? []),
    ];
    if (issues.length > 0) return setProblem(localProblem(issues));
    setBusy(true);
    setProblem(null);
    try {
      await props.confirm(props.email, typed as string, password);
      navigate('/logga-in', { replace: true, state: { reason: 'password-changed' } });
    } catch (error) {
      setProblem(signInFailure(error));
      setBusy(false);
    }
  }

  return (
    <form className="form form--narrow" onSubmit={submit} noValidate>
      {!problem && (
        <Notice>Om det finns ett konto för {props.email} har en kod skickats dit. Den gäller i en timme.</Notice>
      )}
      <ErrorSummary problem={problem} />
      <TextField
        path="code"
        label="Kod från e-postmeddelandet"
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        onChange={setCode}
        problem={problem}
      />
      <NewPasswordFields
        password={password}
        repeated={repeated}
        onPassword={setPassword}
        onRepeated={setRepeated}
        problem={problem}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Spara det nya lösenordet
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Sparar…' : ''}
        </p>
      </div>
      <p>
        <button type="button" className="button button--secondary" onClick={props.onResend}>
          Skicka en ny kod
        </button>
      </p>
    </form>
  );
}
