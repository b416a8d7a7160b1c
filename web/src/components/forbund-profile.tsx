import type { Forbund } from '../api/types.ts';
import { formatDate } from '../format.ts';

export function ForbundProfile({ forbund }: { forbund: Forbund }) {
  return (
    <dl className="facts">
      <div>
        <dt>Organisationsnummer</dt>
        <dd>{forbund.organisationsnummer}</dd>
      </div>
      <div>
        <dt>Län</dt>
        <dd>{forbund.lan}</dd>
      </div>
      <div>
        <dt>Säte</dt>
        <dd>{forbund.seat}</dd>
      </div>
      <div>
        <dt>Bildat</dt>
        <dd>{formatDate(forbund.formationDate)}</dd>
      </div>
    </dl>
  );
}
