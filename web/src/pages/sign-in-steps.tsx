import { type FormEvent, useState } from 'react';
import { password_policy_text, passwordPolicyIssues } from '../auth/password-policy.ts';
import { signInFailure } from '../auth/sign-in-failure.ts';
import type { SignInStep } from '../auth/sign-in-provider.ts';
import { readTotpCode } from '../auth/totp-uri.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { TextField } from '../components/fields.tsx';
import { TotpKey } from '../components/totp-key.tsx';
import { type FormProblem, localProblem } from '../form-errors.ts';

type Challenge = Exclude<SignInStep, { kind: 'signed-in' }>;

/** The step of a sign-in after the password: new password, TOTP code or TOTP enrolment. */
export function SignInChallenge({ step, onNext }: { step: Challenge; onNext: (next: SignInStep) => void }) {
  if (step.kind === 'new-password') return <NewPasswordStep step={step} onNext={onNext} />;
  return <TotpStep step={step} onNext={onNext} />;
}

function useSubmit(onNext: (next: SignInStep) => void) {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(check: () => FormProblem | null, send: () => Promise<SignInStep>) {
    if (busy) return;
    const invalid = check();
    if (invalid) return setProblem(invalid);
    setBusy(true);
    setProblem(null);
    try {
      onNext(await send());
    } catch (error) {
      setProblem(signInFailure(error));
      setBusy(false);
    }
  }
  return { problem, busy, run };
}

function NewPasswordStep({
  step,
  onNext,
}: {
  step: Extract<Challenge, { kind: 'new-password' }>;
  onNext: (next: SignInStep) => void;
}) {
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const { problem, busy, run } = useSubmit(onNext);

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(
      () => newPasswordProblem(password, repeated),
      () => step.submit(password),
    );
  }

  return (
    <form className="form form--narrow" onSubmit={submit} noValidate>
      <ErrorSummary problem={problem} />
      <p>Du loggar in för första gången med ett tillfälligt lösenord. Välj nu ett eget lösenord.</p>
      <NewPasswordFields
        password={password}
        repeated={repeated}
        onPassword={setPassword}
        onRepeated={setRepeated}
        problem={problem}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Spara lösenordet och logga in
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Sparar…' : ''}
        </p>
      </div>
    </form>
  );
}

/** The policy is checked here first so that the person learns every missing rule at once. */
export function newPasswordProblem(password: string, repeated: string): FormProblem | null {
  const issues = [
    ...passwordPolicyIssues(password).map((message) => ({ field: 'newPassword', message })),
    ...(password === repeated ? [] : [{ field: 'repeatedPassword', message: 'Lösenorden är inte lika.' }]),
  ];
  return issues.length > 0 ? localProblem(issues) : null;
}

export function NewPasswordFields(props: {
  password: string;
  repeated: string;
  onPassword: (value: string) => void;
  onRepeated: (value: string) => void;
  problem: FormProblem | null;
}) {
  return (
    <>
      <TextField
        path="newPassword"
        label="Nytt lösenord"
        hint={password_policy_text}
        type="password"
        autoComplete="new-password"
        value={props.password}
        onChange={props.onPassword}
        problem={props.problem}
      />
      <TextField
        path="repeatedPassword"
        label="Upprepa det nya lösenordet"
        type="password"
        autoComplete="new-password"
        value={props.repeated}
        onChange={props.onRepeated}
        problem={props.problem}
      />
    </>
  );
}

function TotpStep({
  step,
  onNext,
}: {
  step: Extract<Challenge, { kind: 'totp' | 'mfa-setup' }>;
  onNext: (next: SignInStep) => void;
}) {
  const [code, setCode] = useState('');
  const { problem, busy, run } = useSubmit(onNext);

  function submit(event: FormEvent) {
    event.preventDefault();
    const typed = readTotpCode(code);
    void run(
      () => (typed ? null : localProblem([{ field: 'totpCode', message: 'Ange de sex siffrorna som appen visar.' }])),
      () => step.submit(typed as string),
    );
  }

  return (
    <form className="form form--narrow" onSubmit={submit} noValidate>
      <ErrorSummary problem={problem} />
      {step.kind === 'mfa-setup' ? (
        <>
          <p>Tvåstegsverifiering krävs för ditt konto. Koppla en autentiseringsapp innan du loggar in.</p>
          <TotpKey secret={step.secret} account={step.account} />
        </>
      ) : (
        <p>Ditt konto har tvåstegsverifiering. Ange koden från din autentiseringsapp.</p>
      )}
      <TextField
        path="totpCode"
        label="Kod från appen"
        hint="Sex siffror. Koden byts var 30:e sekund."
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        onChange={setCode}
        problem={problem}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {step.kind === 'mfa-setup' ? 'Koppla appen och logga in' : 'Logga in'}
        </button>
        <p role="status" className="status-inline">
          {busy ? 'Kontrollerar koden…' : ''}
        </p>
      </div>
    </form>
  );
}
