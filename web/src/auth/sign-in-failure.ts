import { type FormProblem, problemFromError } from '../form-errors.ts';
import { SignInError } from './sign-in-error.ts';

/** What a sign-in form shows for a failure: a Cognito refusal in Swedish, or the API's problem. */
export function signInFailure(error: unknown): FormProblem {
  if (error instanceof SignInError) return { ...error.problem, issues: [] };
  const failure = problemFromError(error);
  // The local issuer's 401 is deliberately vague; say plainly what the user can do about it.
  return failure.status === 401
    ? { ...failure, title: 'Fel användarnamn eller lösenord.', detail: undefined }
    : failure;
}
