import {
  AssociateSoftwareTokenCommand,
  type AuthenticationResultType,
  ChallengeNameType,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  GetUserCommand,
  InitiateAuthCommand,
  type InitiateAuthCommandOutput,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { ApiError } from '../api/client.ts';
import { getMeAs } from '../api/endpoints.ts';
import type { Session } from '../api/session.ts';
import { type CognitoStep, signInProblem } from './cognito-errors.ts';
import type { PortalConfig } from './portal-config.ts';
import { SignInError } from './sign-in-error.ts';
import type { SignInProvider, SignInStep } from './sign-in-provider.ts';
import { readTokenClaims, tokenTiming } from './token-refresh.ts';
import { totp_issuer } from './totp-uri.ts';

type CognitoConfig = Extract<PortalConfig, { signIn: 'cognito' }>;

/** One retry of a call that failed in transit; a person is waiting, so no long back-off. */
const sdk_attempts_max = 2;

/**
 * Sign-in against the Cognito user pool with the AWS SDK's own client, USER_PASSWORD_AUTH over
 * TLS (the flow cognito-local implements, so the browser tests run the same code). The API is
 * called with the ID token: it checks `aud` against the portal's client id.
 */
export function createCognitoSignInProvider(config: CognitoConfig): SignInProvider {
  const client = new CognitoIdentityProviderClient({
    region: config.region,
    maxAttempts: sdk_attempts_max,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
  });
  const clientId = config.userPoolClientId;

  async function call<T>(step: CognitoStep, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw new SignInError(signInProblem(error, step), { cause: error });
    }
  }

  async function sessionFrom(result: AuthenticationResultType, refreshToken?: string): Promise<Session> {
    const token = result.IdToken;
    const accessToken = result.AccessToken;
    if (!token || !accessToken) throw new SignInError(signInProblem(new Error('no tokens'), 'sign-in'));
    const timing = tokenTiming(token, Date.now());
    // The principal comes from the API, as after a local login: roles as the API reads them.
    const principal = await getMeAs(token).catch((error: unknown) => {
      // Cognito let the person in, but the API does not know them (no role, no förbund).
      if (error instanceof ApiError && error.status === 401)
        throw new SignInError({
          title: 'Ditt konto saknar behörighet i Finsam Cloud.',
          detail: error.problem.detail ?? 'Kontakta ditt förbunds administratör.',
        });
      throw error;
    });
    const refresh = result.RefreshToken ?? refreshToken;
    return {
      token,
      expiresAt: new Date(readTokenClaims(token).exp * 1000).toISOString(),
      principal,
      renewal: { accessToken, ...(refresh ? { refreshToken: refresh } : {}), ...timing },
    };
  }

  async function respond(
    step: CognitoStep,
    challenge: ChallengeNameType,
    responses: Record<string, string>,
    session: string | undefined,
    username: string,
  ): Promise<SignInStep> {
    const answer = await call(step, () =>
      client.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: challenge,
          ChallengeResponses: { USERNAME: username, ...responses },
          Session: session,
        }),
      ),
    );
    return next(answer, username);
  }

  async function next(answer: InitiateAuthCommandOutput, email: string): Promise<SignInStep> {
    if (answer.AuthenticationResult)
      return { kind: 'signed-in', session: await sessionFrom(answer.AuthenticationResult) };
    // Challenges are answered with the user's own name in the pool, which Cognito hands back.
    const username = answer.ChallengeParameters?.USER_ID_FOR_SRP ?? email;
    const session = answer.Session;
    switch (answer.ChallengeName) {
      case ChallengeNameType.NEW_PASSWORD_REQUIRED:
        return {
          kind: 'new-password',
          submit: (password) =>
            respond(
              'new-password',
              ChallengeNameType.NEW_PASSWORD_REQUIRED,
              { NEW_PASSWORD: password },
              session,
              username,
            ),
        };
      case ChallengeNameType.SOFTWARE_TOKEN_MFA:
        return {
          kind: 'totp',
          submit: (code) =>
            respond('totp', ChallengeNameType.SOFTWARE_TOKEN_MFA, { SOFTWARE_TOKEN_MFA_CODE: code }, session, username),
        };
      case ChallengeNameType.SELECT_MFA_TYPE:
        // The pool offers TOTP only (no SMS), so there is nothing for the person to choose.
        return respond('totp', ChallengeNameType.SELECT_MFA_TYPE, { ANSWER: 'SOFTWARE_TOKEN_MFA' }, session, username);
      case ChallengeNameType.MFA_SETUP:
        return mfaSetup(session, username, email);
      default:
        throw new SignInError({
          title: 'Inloggningen kräver ett steg som portalen inte stöder.',
          detail: 'Kontakta Finsam Clouds support.',
        });
    }
  }

  /** A pool that requires MFA: enrol with the sign-in's session, then finish the sign-in. */
  async function mfaSetup(session: string | undefined, username: string, email: string): Promise<SignInStep> {
    const associated = await call('mfa-setup', () =>
      client.send(new AssociateSoftwareTokenCommand({ Session: session })),
    );
    return {
      kind: 'mfa-setup',
      secret: associated.SecretCode ?? '',
      account: email,
      submit: async (code) => {
        const verified = await call('mfa-setup', () =>
          client.send(
            new VerifySoftwareTokenCommand({
              Session: associated.Session,
              UserCode: code,
              FriendlyDeviceName: totp_issuer,
            }),
          ),
        );
        if (verified.Status !== 'SUCCESS')
          throw new SignInError(signInProblem({ name: 'CodeMismatchException' }, 'mfa-setup'));
        return respond('mfa-setup', ChallengeNameType.MFA_SETUP, {}, verified.Session, username);
      },
    };
  }

  function accessTokenOf(session: Session): string {
    const accessToken = session.renewal?.accessToken;
    if (!accessToken) throw new SignInError(signInProblem({ name: 'NotAuthorizedException' }, 'enrol'));
    return accessToken;
  }

  return {
    kind: 'cognito',
    usernameLabel: 'E-postadress',
    usernameHint: 'Den adress som din inbjudan skickades till.',
    async signIn(email, password) {
      const answer = await call('sign-in', () =>
        client.send(
          new InitiateAuthCommand({
            ClientId: clientId,
            AuthFlow: 'USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: email, PASSWORD: password },
          }),
        ),
      );
      return next(answer, email);
    },
    async refresh(session) {
      const refreshToken = session.renewal?.refreshToken;
      if (!refreshToken) return null;
      try {
        const answer = await client.send(
          new InitiateAuthCommand({
            ClientId: clientId,
            AuthFlow: 'REFRESH_TOKEN_AUTH',
            AuthParameters: { REFRESH_TOKEN: refreshToken },
          }),
        );
        if (!answer.AuthenticationResult) return null;
        const renewed = await sessionFrom(answer.AuthenticationResult, refreshToken);
        // Keep the principal as the person knows it; the roles are re-read from /me in sessionFrom.
        return renewed;
      } catch {
        // Refused (revoked, expired) or unreachable: the caller signs the person out as expired.
        return null;
      }
    },
    async revoke(session) {
      const refreshToken = session.renewal?.refreshToken;
      if (!refreshToken) return;
      try {
        await client.send(new RevokeTokenCommand({ ClientId: clientId, Token: refreshToken }));
      } catch {
        // Signing out must never fail for the person; an unrevoked token still ends with its validity.
      }
    },
    passwordReset: {
      async start(email) {
        await call('forgot-password', () =>
          client.send(new ForgotPasswordCommand({ ClientId: clientId, Username: email })),
        );
      },
      async confirm(email, code, password) {
        await call('confirm-forgot-password', () =>
          client.send(
            new ConfirmForgotPasswordCommand({
              ClientId: clientId,
              Username: email,
              ConfirmationCode: code,
              Password: password,
            }),
          ),
        );
      },
    },
    mfa: {
      async status(session) {
        const user = await call('enrol', () =>
          client.send(new GetUserCommand({ AccessToken: accessTokenOf(session) })),
        );
        return { enabled: (user.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA') };
      },
      async begin(session) {
        const associated = await call('enrol', () =>
          client.send(new AssociateSoftwareTokenCommand({ AccessToken: accessTokenOf(session) })),
        );
        return { secret: associated.SecretCode ?? '' };
      },
      async verify(session, code) {
        const AccessToken = accessTokenOf(session);
        const verified = await call('enrol', () =>
          client.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: code, FriendlyDeviceName: totp_issuer })),
        );
        if (verified.Status !== 'SUCCESS')
          throw new SignInError(signInProblem({ name: 'CodeMismatchException' }, 'enrol'));
        await call('enrol', () =>
          client.send(
            new SetUserMFAPreferenceCommand({
              AccessToken,
              SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
            }),
          ),
        );
      },
      async disable(session) {
        await call('enrol', () =>
          client.send(
            new SetUserMFAPreferenceCommand({
              AccessToken: accessTokenOf(session),
              SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
            }),
          ),
        );
      },
    },
  };
}
