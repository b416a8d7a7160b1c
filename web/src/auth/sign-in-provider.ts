import type { Session } from '../api/session.ts';

/**
 * The one sign-in interface of the portal. The login page, the session code and the API client
 * use only this; `local` (the runtime's issuer) and `cognito` (the user pool in AWS) implement it.
 * A sign-in is a chain of steps: each answer gives the next step until the session is reached.
 */
export type SignInStep =
  | { kind: 'signed-in'; session: Session }
  /** An invited user's first sign-in with the temporary password. */
  | { kind: 'new-password'; submit: (password: string) => Promise<SignInStep> }
  /** The user has TOTP MFA: the code from the authenticator app. */
  | { kind: 'totp'; submit: (code: string) => Promise<SignInStep> }
  /** The pool requires MFA and the user has none yet: enrol before the first session. */
  | { kind: 'mfa-setup'; secret: string; account: string; submit: (code: string) => Promise<SignInStep> };

export interface PasswordReset {
  /** Sends a code to the address (if it has an account; the answer does not say). */
  start: (email: string) => Promise<void>;
  confirm: (email: string, code: string, password: string) => Promise<void>;
}

export interface MfaEnrolment {
  /** Whether the signed-in user has TOTP turned on. */
  status: (session: Session) => Promise<{ enabled: boolean }>;
  /** A new secret for the authenticator app; it is not in use until `verify` succeeds. */
  begin: (session: Session) => Promise<{ secret: string }>;
  verify: (session: Session, code: string) => Promise<void>;
  disable: (session: Session) => Promise<void>;
}

export interface SignInProvider {
  kind: 'local' | 'cognito';
  /** The label of the first field: a local username, or the e-mail address Cognito signs in with. */
  usernameLabel: string;
  usernameHint: string;
  signIn: (username: string, password: string) => Promise<SignInStep>;
  /** A new session from the refresh token, or null when the session cannot be renewed. */
  refresh: (session: Session) => Promise<Session | null>;
  /** Ends the session where it was issued (revokes the refresh token); never throws. */
  revoke: (session: Session) => Promise<void>;
  passwordReset?: PasswordReset;
  mfa?: MfaEnrolment;
}
