import { type FormEvent, useEffect, useState } from 'react';
import { useSession } from '../api/session.ts';
import { signInProvider } from '../auth/active-provider.ts';
import { signInFailure } from '../auth/sign-in-failure.ts';
import { readTotpCode } from '../auth/totp-uri.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { TextField } from '../components/fields.tsx';
import { Page } from '../components/page.tsx';
import { Notice } from '../components/status.tsx';
import { TotpKey } from '../components/totp-key.tsx';
import { type FormProblem, localProblem } from '../form-errors.ts';

export const mfaPath = '/tvastegsverifiering';

type State =
  | { kind: 'loading' }
  | { kind: 'failed'; problem: FormProblem }
  | { kind: 'off' }
  | { kind: 'on'; justEnabled: boolean }
  | { kind: 'enrolling'; secret: string };

/** The signed-in user's own TOTP: turn it on with an authenticator app, or off again. */
export function MfaPage() {
  const mfa = signInProvider().mfa;
  const session = useSession();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: read once per visit; a renewed token changes nothing here.
  useEffect(() => {
    if (!mfa || !session) return;
    mfa.status(session).then(
      ({ enabled }) => setState(enabled ? { kind: 'on', justEnabled: false } : { kind: 'off' }),
      (error: unknown) => setState({ kind: 'failed', problem: signInFailure(error) }),
    );
  }, []);

  if (!mfa || !session)
    return (
      <Page title="Tvåstegsverifiering">
        <p>Tvåstegsverifiering finns bara när portalen loggar in via Finsam Clouds inloggningstjänst.</p>
      </Page>
    );

  async function act(work: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(signInFailure(error));
    }
    setBusy(false);
  }

  function verify(event: FormEvent) {
    event.preventDefault();
    const typed = readTotpCode(code);
    if (!typed)
      return setProblem(localProblem([{ field: 'totpCode', message: 'Ange de sex siffrorna som appen visar.' }]));
    void act(async () => {
      await mfa?.verify(session as NonNullable<typeof session>, typed);
      setCode('');
      setState({ kind: 'on', justEnabled: true });
    });
  }

  return (
    <Page title="Tvåstegsverifiering">
      <p>
        Med tvåstegsverifiering behöver du både ditt lösenord och en kod från en autentiseringsapp i telefonen för att
        logga in. Det skyddar förbundets ekonomi även om någon får tag på ditt lösenord.
      </p>
      {state.kind === 'loading' && <p className="status">Hämtar inställningen…</p>}
      {state.kind === 'failed' && <ErrorSummary problem={state.problem} />}
      {state.kind === 'on' && (
        <>
          {state.justEnabled && (
            <Notice focus>Tvåstegsverifiering är påslagen. Nästa gång du loggar in frågar vi efter en kod.</Notice>
          )}
          <p>Tvåstegsverifiering är påslagen för ditt konto.</p>
          <ErrorSummary problem={problem} />
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                await mfa.disable(session);
                setState({ kind: 'off' });
              })
            }
          >
            Stäng av tvåstegsverifiering
          </button>
        </>
      )}
      {state.kind === 'off' && (
        <>
          <p>Tvåstegsverifiering är avstängd för ditt konto.</p>
          <ErrorSummary problem={problem} />
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                const { secret } = await mfa.begin(session);
                setState({ kind: 'enrolling', secret });
              })
            }
          >
            Slå på tvåstegsverifiering
          </button>
        </>
      )}
      {state.kind === 'enrolling' && (
        <form className="form form--narrow" onSubmit={verify} noValidate>
          <ErrorSummary problem={problem} />
          <TotpKey secret={state.secret} account={session.principal.email ?? session.principal.name} />
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
              Bekräfta och slå på
            </button>
            <p role="status" className="status-inline">
              {busy ? 'Kontrollerar koden…' : ''}
            </p>
          </div>
        </form>
      )}
    </Page>
  );
}
