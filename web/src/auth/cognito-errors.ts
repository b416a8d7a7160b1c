/**
 * Every Cognito refusal in plain Swedish, by the step the person was at: the same exception means
 * different things there (cognito-local answers a wrong password with InvalidPasswordException,
 * Cognito with NotAuthorizedException; at "choose a new password" InvalidPasswordException means
 * the policy). Cognito's own English message is never shown; it is only read to tell apart the
 * cases Cognito gives one exception name (an expired temporary password, too many attempts).
 */
import { password_policy_text } from './password-policy.ts';

export type CognitoStep =
  | 'sign-in'
  | 'new-password'
  | 'totp'
  | 'mfa-setup'
  | 'forgot-password'
  | 'confirm-forgot-password'
  | 'enrol'
  | 'refresh';

export interface SignInProblem {
  title: string;
  detail?: string;
}

const wrong_credentials: SignInProblem = {
  title: 'Fel e-postadress eller lösenord.',
  detail: 'Kontrollera uppgifterna och försök igen. Har du glömt lösenordet kan du välja ett nytt.',
};
const too_many: SignInProblem = {
  title: 'För många försök.',
  detail: 'Vänta en stund och försök sedan igen.',
};
const network: SignInProblem = {
  title: 'Kunde inte nå inloggningstjänsten.',
  detail: 'Kontrollera nätverksanslutningen och försök igen.',
};
const unavailable: SignInProblem = {
  title: 'Inloggningstjänsten svarar inte just nu.',
  detail: 'Försök igen om en stund.',
};
const misconfigured: SignInProblem = {
  title: 'Inloggningen är felaktigt inställd.',
  detail: 'Kontakta Finsam Clouds support.',
};
const session_over: SignInProblem = {
  title: 'Tiden för inloggningen har gått ut.',
  detail: 'Börja om och logga in igen.',
};
const signed_out: SignInProblem = {
  title: 'Din inloggning har gått ut.',
  detail: 'Logga in igen för att fortsätta.',
};
const weak_password: SignInProblem = { title: 'Lösenordet uppfyller inte kraven.', detail: password_policy_text };
const totp_mismatch: SignInProblem = {
  title: 'Koden stämmer inte.',
  detail: 'Ange den sexsiffriga kod som appen visar just nu.',
};

/** Errors that reach no server: fetch's TypeError, the SDK's timeout and abort. */
const network_error_names = new Set(['TypeError', 'NetworkError', 'TimeoutError', 'AbortError', 'RequestTimeout']);

export function cognitoErrorName(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string')
    return error.name;
  return '';
}

function cognitoMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string')
    return error.message;
  return '';
}

function httpStatus(error: unknown): number | undefined {
  const metadata = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata;
  return metadata?.httpStatusCode;
}

export function signInProblem(error: unknown, step: CognitoStep): SignInProblem {
  const name = cognitoErrorName(error);
  const message = cognitoMessage(error);
  switch (name) {
    case 'NotAuthorizedException':
      return notAuthorized(message, step);
    case 'UserNotFoundException':
      // Only when the pool reveals which addresses exist; the portal says no more than for a wrong password.
      if (step === 'forgot-password' || step === 'confirm-forgot-password')
        return {
          title: 'Det gick inte att byta lösenord för den e-postadressen.',
          detail: 'Kontrollera adressen. Har du inte fått någon inbjudan, kontakta ditt förbunds administratör.',
        };
      return step === 'sign-in' ? wrong_credentials : session_over;
    case 'UserNotConfirmedException':
      return { title: 'Kontot är inte aktiverat.', detail: 'Kontakta den som bjöd in dig.' };
    case 'PasswordResetRequiredException':
      return {
        title: 'Du behöver välja ett nytt lösenord.',
        detail: 'Välj ”Glömt lösenordet?” så skickas en kod till din e-post.',
      };
    case 'InvalidPasswordException':
      return step === 'sign-in'
        ? wrong_credentials
        : /previously|history|tidigare/i.test(message)
          ? { title: 'Lösenordet har använts tidigare.', detail: 'Välj ett lösenord som du inte har använt förut.' }
          : weak_password;
    case 'InvalidParameterException':
      // Cognito checks a new password's shortest length as a parameter constraint, before the policy.
      if (step === 'new-password' || step === 'confirm-forgot-password') return weak_password;
      if (step === 'enrol' || step === 'totp' || step === 'mfa-setup') return totp_mismatch;
      return { title: 'Uppgifterna kunde inte tas emot.', detail: 'Kontrollera dem och försök igen.' };
    case 'CodeMismatchException':
    case 'EnableSoftwareTokenMFAException':
      return step === 'confirm-forgot-password'
        ? { title: 'Koden stämmer inte.', detail: 'Kontrollera koden i e-postmeddelandet och försök igen.' }
        : totp_mismatch;
    case 'ExpiredCodeException':
      return step === 'confirm-forgot-password'
        ? { title: 'Koden har gått ut.', detail: 'Begär en ny kod och försök igen.' }
        : { title: 'Koden har redan använts eller gått ut.', detail: 'Vänta på nästa kod i appen och försök igen.' };
    case 'CodeDeliveryFailureException':
      return { title: 'Koden kunde inte skickas.', detail: 'Försök igen om en stund.' };
    case 'LimitExceededException':
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
      return too_many;
    case 'ResourceNotFoundException':
    case 'InvalidUserPoolConfigurationException':
    case 'UnsupportedOperationException':
    case 'InvalidLambdaResponseException':
    case 'UnexpectedLambdaException':
    case 'UserLambdaValidationException':
    case 'SoftwareTokenMFANotFoundException':
      return misconfigured;
    case 'InternalErrorException':
    case 'ServiceUnavailableException':
      return unavailable;
    case 'PortalConfigError':
      return misconfigured;
  }
  if (network_error_names.has(name) && httpStatus(error) === undefined) return network;
  const status = httpStatus(error);
  if (status !== undefined && status >= 500) return unavailable;
  return { title: 'Inloggningen misslyckades.', detail: 'Försök igen. Om felet består, kontakta supporten.' };
}

/** Cognito answers most refusals with NotAuthorizedException; its message tells the cases apart. */
function notAuthorized(message: string, step: CognitoStep): SignInProblem {
  if (/temporary password has expired/i.test(message))
    return {
      title: 'Det tillfälliga lösenordet har gått ut.',
      detail: 'Be den som bjöd in dig att skicka en ny inbjudan.',
    };
  if (/attempts exceeded/i.test(message)) return too_many;
  if (/disabled/i.test(message))
    return { title: 'Kontot är avstängt.', detail: 'Kontakta ditt förbunds administratör.' };
  switch (step) {
    case 'sign-in':
      return wrong_credentials;
    case 'refresh':
    case 'enrol':
      return signed_out;
    case 'forgot-password':
    case 'confirm-forgot-password':
      return {
        title: 'Lösenordet kan inte bytas här.',
        detail: 'Kontakta ditt förbunds administratör, som kan skicka en ny inbjudan.',
      };
    default:
      return session_over;
  }
}
