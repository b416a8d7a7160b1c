import type { DischargeResolution, LikvidWaiting } from '../api/cycle-types.ts';
import { Facts } from '../components/facts.tsx';
import { formatDate } from '../format.ts';
import { likvidWaitingReasonNames, nameOf } from '../labels.ts';

/**
 * The likvid-waits rule as the board reads it: the members whose ansvarsfrihet still holds the
 * likvidavräkning after ansvarsfrihet, each with why.
 */
export function LikvidWaitingNotice({ waiting }: { waiting: LikvidWaiting[] }) {
  if (waiting.length === 0) return null;
  return (
    <div className="notice notice--warning">
      <p className="notice__title">Likvidavräkningen väntar på ansvarsfrihet</p>
      <ul>
        {waiting.map((member) => (
          <li key={member.memberId}>
            {member.name}: {nameOf(likvidWaitingReasonNames, member.reason)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The resolutions the board has recorded for the year, with the decision each rests on. A
 * description list per member, since the account of what was done is free text of any length.
 */
export function DischargeResolutionList({
  resolutions,
  memberNames,
}: {
  resolutions: DischargeResolution[];
  memberNames: ReadonlyMap<string, string>;
}) {
  if (resolutions.length === 0) return null;
  return (
    <>
      <h3>Lösta vägringar av ansvarsfrihet</h3>
      {resolutions.map((resolution) => (
        <div key={resolution.memberId}>
          <h4>{memberNames.get(resolution.memberId) ?? 'Okänd medlem'}</h4>
          <Facts
            rows={[
              ['Beslutsdatum', resolution.decidedOn],
              ['Beslutsreferens', resolution.decisionReference],
              ['Hur vägran löstes', resolution.text],
              ['Registrerad', formatDate(resolution.recordedAt)],
            ]}
          />
        </div>
      ))}
    </>
  );
}
