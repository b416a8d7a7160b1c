import type { FieldIssue, ForbundCreate, Member, MemberType } from '../api/types.ts';
import { todayIso } from '../format.ts';

/** Form state for "Skapa förbund", and its translation into the API's request body. */

export interface MemberRow {
  /** React key only; the member id sent to the API is derived from the name. */
  key: number;
  type: MemberType | '';
  name: string;
  organisationsnummer: string;
  outsideRegion: boolean;
}

export interface ForbundCreateState {
  name: string;
  organisationsnummer: string;
  lan: string;
  seat: string;
  formationDate: string;
  effectiveFrom: string;
  decisionReference: string;
  members: MemberRow[];
}

/** The largest förbund have about fifteen members; the API accepts at most 60. */
export const membersMax = 60;

let nextRowKey = 1;
export const newMemberRow = (type: MemberType | '' = 'kommun'): MemberRow => ({
  key: nextRowKey++,
  type,
  name: '',
  organisationsnummer: '',
  outsideRegion: false,
});

/**
 * Every förbund has FK and AF (law § 3), so they start filled in with their public
 * organisationsnummer; a region and a kommun start as empty rows to fill.
 */
export function initialCreateState(): ForbundCreateState {
  return {
    name: '',
    organisationsnummer: '',
    lan: '',
    seat: '',
    formationDate: '',
    effectiveFrom: todayIso(),
    decisionReference: '',
    members: [
      { ...newMemberRow('fk'), name: 'Försäkringskassan', organisationsnummer: '202100-5521' },
      { ...newMemberRow('af'), name: 'Arbetsförmedlingen', organisationsnummer: '202100-2114' },
      newMemberRow('region'),
      newMemberRow('kommun'),
    ],
  };
}

/** "Region Östergötland" → "region-ostergotland": the API's member ids are ASCII, 1–40 characters. */
export function memberIdFrom(name: string, fallback: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 36)
    .replace(/-+$/, '');
  return slug || fallback;
}

export function toCreateRequest(state: ForbundCreateState): { body: ForbundCreate } | { issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  if (state.lan === '') issues.push({ field: 'lan', message: 'Välj ett av Sveriges 21 län.' });
  const taken = new Set<string>();
  const members: Member[] = [];
  state.members.forEach((row, index) => {
    if (row.type === '') {
      issues.push({ field: `charter.members.${index}.type`, message: 'Välj vilken sorts medlem det är.' });
      return;
    }
    // Two members with similar names still get distinct ids.
    const base = memberIdFrom(row.name, `${row.type}-${index + 1}`);
    let id = base;
    for (let suffix = 2; taken.has(id); suffix++) id = `${base}-${suffix}`;
    taken.add(id);
    members.push({
      id,
      type: row.type,
      name: row.name.trim(),
      organisationsnummer: row.organisationsnummer.trim(),
      ...(row.type === 'kommun' && row.outsideRegion ? { outsideRegion: true } : {}),
    });
  });
  if (issues.length > 0) return { issues };
  return {
    body: {
      name: state.name.trim(),
      organisationsnummer: state.organisationsnummer.trim(),
      lan: state.lan,
      seat: state.seat.trim(),
      formationDate: state.formationDate.trim(),
      charter: {
        effectiveFrom: state.effectiveFrom.trim(),
        ...(state.decisionReference.trim() ? { decisionReference: state.decisionReference.trim() } : {}),
        members,
      },
    },
  };
}
