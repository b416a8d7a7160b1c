import type { ClosingYear, DischargeResolution } from '../api/cycle-types.ts';
import { DischargeResolutionForm } from './discharge-resolution-form.tsx';
import { LikvidStatements } from './likvid-statements.tsx';
import { DischargeResolutionList, LikvidWaitingNotice } from './likvid-waiting.tsx';

/** Refused members whose refusal has no resolution yet: the board's to resolve. */
export const unresolvedRefusals = (closing: ClosingYear) =>
  closing.likvidWaitingFor.filter((member) => member.reason === 'refused');

/**
 * The year's likvidavräkning on the board's page: what still holds it (ansvarsfrihet not decided,
 * or refused without a recorded resolution), the form that records a resolution, the resolutions
 * recorded, and each issued statement with its PDF.
 */
export function LikvidSection({
  forbundId,
  closing,
  memberNames,
  today,
  resolves,
  onResolved,
}: {
  forbundId: string;
  closing: ClosingYear;
  memberNames: ReadonlyMap<string, string>;
  today: string;
  /** Whether the user may record a resolution (styrelse, ekonom, förbund's administrator). */
  resolves: boolean;
  onResolved: (resolution: DischargeResolution, memberName: string) => void;
}) {
  const { year } = closing;
  const refused = unresolvedRefusals(closing);
  // Before the årsredovisning is adopted nobody can decide yet; the list would only name everyone.
  const decisionsDue = closing.annualReport !== null || closing.discharges.length > 0;
  return (
    <>
      {decisionsDue && <LikvidWaitingNotice waiting={closing.likvidWaitingFor} />}
      {resolves && refused.length > 0 && (
        <DischargeResolutionForm
          // A new set of refusals is a new form: the member chosen before may be resolved now.
          key={refused.map((member) => member.memberId).join(' ')}
          forbundId={forbundId}
          year={year}
          refused={refused}
          today={today}
          onResolved={onResolved}
        />
      )}
      <DischargeResolutionList resolutions={closing.dischargeResolutions} memberNames={memberNames} />
      <LikvidStatements forbundId={forbundId} year={year} likvid={closing.likvidavrakning} memberNames={memberNames} />
    </>
  );
}
