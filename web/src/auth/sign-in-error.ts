import type { SignInProblem } from './cognito-errors.ts';

/** A refusal already put in Swedish for the step it happened at; pages show it as it is. */
export class SignInError extends Error {
  override readonly name = 'SignInError';
  readonly problem: SignInProblem;

  constructor(problem: SignInProblem, options?: { cause?: unknown }) {
    super(problem.title, options);
    this.problem = problem;
  }
}
