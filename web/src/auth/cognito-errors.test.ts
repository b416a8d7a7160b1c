import { describe, expect, it } from 'vitest';
import { type CognitoStep, signInProblem } from './cognito-errors.ts';

/** Errors shaped as the AWS SDK throws them: the exception's name, Cognito's English message, the status. */
const cognitoError = (name: string, message = 'English text from Cognito', status = 400) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

const steps: CognitoStep[] = [
  'sign-in',
  'new-password',
  'totp',
  'mfa-setup',
  'forgot-password',
  'confirm-forgot-password',
  'enrol',
  'refresh',
];

const names = [
  'NotAuthorizedException',
  'UserNotFoundException',
  'UserNotConfirmedException',
  'PasswordResetRequiredException',
  'InvalidPasswordException',
  'InvalidParameterException',
  'CodeMismatchException',
  'EnableSoftwareTokenMFAException',
  'ExpiredCodeException',
  'CodeDeliveryFailureException',
  'LimitExceededException',
  'TooManyRequestsException',
  'TooManyFailedAttemptsException',
  'ResourceNotFoundException',
  'InternalErrorException',
  'SomethingNewException',
];

describe('signInProblem', () => {
  it('never shows Cognito’s English message, at any step, for any exception', () => {
    for (const step of steps)
      for (const name of names) {
        const problem = signInProblem(cognitoError(name), step);
        expect(problem.title, `${name} at ${step}`).not.toMatch(/English|Exception/);
        expect(problem.detail ?? '', `${name} at ${step}`).not.toMatch(/English|Exception/);
        expect(problem.title.length).toBeGreaterThan(0);
      }
  });

  it('says the same for a wrong password whether Cognito or cognito-local answers', () => {
    const cognito = signInProblem(cognitoError('NotAuthorizedException', 'Incorrect username or password.'), 'sign-in');
    expect(cognito.title).toBe('Fel e-postadress eller lösenord.');
    expect(signInProblem(cognitoError('InvalidPasswordException'), 'sign-in')).toEqual(cognito);
    expect(signInProblem(cognitoError('UserNotFoundException'), 'sign-in')).toEqual(cognito);
  });

  it('explains the policy when a new password is refused', () => {
    for (const step of ['new-password', 'confirm-forgot-password'] as const) {
      const problem = signInProblem(cognitoError('InvalidPasswordException'), step);
      expect(problem.title).toBe('Lösenordet uppfyller inte kraven.');
      expect(problem.detail).toContain('minst 12 tecken');
      expect(signInProblem(cognitoError('InvalidParameterException'), step)).toEqual(problem);
    }
    expect(
      signInProblem(cognitoError('InvalidPasswordException', 'Password has previously been used'), 'new-password')
        .title,
    ).toBe('Lösenordet har använts tidigare.');
  });

  it('tells apart the cases Cognito answers with NotAuthorizedException', () => {
    const at = (message: string, step: CognitoStep = 'sign-in') =>
      signInProblem(cognitoError('NotAuthorizedException', message), step).title;
    expect(at('Temporary password has expired and must be reset by an administrator.')).toBe(
      'Det tillfälliga lösenordet har gått ut.',
    );
    expect(at('Password attempts exceeded')).toBe('För många försök.');
    expect(at('User is disabled.')).toBe('Kontot är avstängt.');
    expect(at('Invalid session for the user, session is expired.', 'new-password')).toBe(
      'Tiden för inloggningen har gått ut.',
    );
    expect(at('Refresh Token has been revoked', 'refresh')).toBe('Din inloggning har gått ut.');
  });

  it('names the code that is wrong or old by where it came from', () => {
    expect(signInProblem(cognitoError('CodeMismatchException'), 'totp').detail).toContain('appen');
    expect(signInProblem(cognitoError('CodeMismatchException'), 'confirm-forgot-password').detail).toContain(
      'e-postmeddelandet',
    );
    expect(signInProblem(cognitoError('ExpiredCodeException'), 'confirm-forgot-password').title).toBe(
      'Koden har gått ut.',
    );
    expect(signInProblem(cognitoError('EnableSoftwareTokenMFAException'), 'enrol').title).toBe('Koden stämmer inte.');
  });

  it('asks to wait after too many attempts or requests', () => {
    for (const name of ['LimitExceededException', 'TooManyRequestsException', 'TooManyFailedAttemptsException'])
      expect(signInProblem(cognitoError(name), 'forgot-password').title).toBe('För många försök.');
  });

  it('reports a network failure and a service failure apart from a refusal', () => {
    expect(signInProblem(new TypeError('Failed to fetch'), 'sign-in').title).toBe('Kunde inte nå inloggningstjänsten.');
    expect(signInProblem(Object.assign(new Error('x'), { name: 'TimeoutError' }), 'refresh').title).toBe(
      'Kunde inte nå inloggningstjänsten.',
    );
    expect(signInProblem(cognitoError('InternalErrorException', 'x', 500), 'sign-in').title).toBe(
      'Inloggningstjänsten svarar inte just nu.',
    );
    expect(signInProblem(cognitoError('BadGateway', 'x', 502), 'sign-in').title).toBe(
      'Inloggningstjänsten svarar inte just nu.',
    );
    expect(signInProblem(cognitoError('ResourceNotFoundException'), 'sign-in').title).toBe(
      'Inloggningen är felaktigt inställd.',
    );
  });
});
