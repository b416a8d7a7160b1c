import type { Member } from '../api/types.ts';
import type { FormProblem } from '../form-errors.ts';
import type { CharterFormState } from './state.ts';

/** What every part of the charter form gets: the state, a way to change it, and the last problem. */
export interface SectionProps {
  state: CharterFormState;
  set: (change: Partial<CharterFormState>) => void;
  problem: FormProblem | null;
  members: Member[];
}
