import type { FieldIssue } from '../errors.ts';
import { Decimal } from '../money.ts';
import type { CharterSettings, Member } from './schema.ts';

/**
 * What a förbundsordning must satisfy beyond the shape of its fields: the law's member
 * composition (§ 3) and a contribution key that names exactly the right members and sums to the
 * whole. Returns every problem at once so the user can fix them in one go.
 */
export function charterIssues(members: readonly Member[], settings: CharterSettings): FieldIssue[] {
  return [...compositionIssues(members), ...keyIssues(members, settings), ...referenceIssues(members, settings)];
}

export function compositionIssues(members: readonly Member[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const count = (predicate: (member: Member) => boolean) => members.filter(predicate).length;
  if (count((m) => m.type === 'fk') !== 1)
    issues.push({ field: 'members', message: 'Förbundet ska ha Försäkringskassan som medlem, en gång.' });
  if (count((m) => m.type === 'af') !== 1)
    issues.push({ field: 'members', message: 'Förbundet ska ha Arbetsförmedlingen som medlem, en gång.' });
  const regions = count((m) => m.type === 'region');
  const kommunerOutsideRegion = count((m) => m.type === 'kommun' && m.outsideRegion);
  if (regions === 0 && kommunerOutsideRegion === 0)
    issues.push({
      field: 'members',
      message: 'Förbundet ska ha minst en region, eller en kommun som inte ingår i någon region.',
    });
  if (count((m) => m.type === 'kommun') === 0)
    issues.push({ field: 'members', message: 'Förbundet ska ha minst en kommun som medlem.' });

  const seenIds = new Map<string, number>();
  const seenNumbers = new Map<string, number>();
  members.forEach((member, index) => {
    if (seenIds.has(member.id))
      issues.push({ field: `members.${index}.id`, message: `Medlems-id ${member.id} förekommer två gånger.` });
    seenIds.set(member.id, index);
    const number = member.organisationsnummer.replace('-', '');
    if (seenNumbers.has(number))
      issues.push({
        field: `members.${index}.organisationsnummer`,
        message: 'Samma organisationsnummer förekommer två gånger.',
      });
    seenNumbers.set(number, index);
    if (member.outsideRegion && member.type !== 'kommun')
      issues.push({ field: `members.${index}.outsideRegion`, message: 'Bara en kommun kan stå utanför region.' });
  });
  return issues;
}

function keyIssues(members: readonly Member[], settings: CharterSettings): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const key = settings.contributionKey;
  const kommuner = members.filter((m) => m.type === 'kommun');
  const regions = members.filter((m) => m.type === 'region');

  if (key.model === 'finsam') {
    if (key.kommunKey.method === 'population') {
      members.forEach((member, index) => {
        if (member.type === 'kommun' && !member.population)
          issues.push({
            field: `members.${index}.population`,
            message: 'Fördelning efter folkmängd kräver folkmängd och referensdatum för varje kommun.',
          });
      });
    }
    if (key.kommunKey.method === 'explicit')
      issues.push(
        ...percentageIssues('settings.contributionKey.kommunKey.percentages', key.kommunKey.percentages, kommuner),
      );
    if (key.regionKey.method === 'explicit')
      issues.push(
        ...percentageIssues('settings.contributionKey.regionKey.percentages', key.regionKey.percentages, regions),
      );
  }

  if (key.model === 'own-amounts') {
    const field = 'settings.contributionKey.ownAmounts';
    const amounts = key.ownAmounts ?? {};
    for (const member of members)
      if (amounts[member.id] === undefined) issues.push({ field, message: `Eget belopp saknas för ${member.name}.` });
    for (const id of Object.keys(amounts))
      if (!members.some((m) => m.id === id)) issues.push({ field, message: `Okänd medlem ${id}.` });
    for (const [id, amount] of Object.entries(amounts))
      if (amount.startsWith('-')) issues.push({ field: `${field}.${id}`, message: 'Beloppet får inte vara negativt.' });
    const total = Object.values(amounts).reduce((sum, amount) => sum.plus(amount), new Decimal(0));
    if (Object.keys(amounts).length > 0 && total.isZero())
      issues.push({ field, message: 'Medlemmarnas belopp summerar till noll.' });
  }
  return issues;
}

function percentageIssues(field: string, percentages: Record<string, string> | undefined, owners: readonly Member[]) {
  const issues: FieldIssue[] = [];
  const given = percentages ?? {};
  for (const member of owners)
    if (given[member.id] === undefined) issues.push({ field, message: `Andel saknas för ${member.name}.` });
  for (const id of Object.keys(given))
    if (!owners.some((m) => m.id === id))
      issues.push({ field: `${field}.${id}`, message: `${id} är inte en medlem som fördelningen gäller.` });
  const total = Object.values(given).reduce((sum, share) => sum.plus(share), new Decimal(0));
  if (!total.eq(100))
    issues.push({ field, message: `Andelarna ska summera till 100 procent, de summerar till ${total.toString()}.` });
  return issues;
}

function referenceIssues(members: readonly Member[], settings: CharterSettings): FieldIssue[] {
  const known = new Set(members.map((m) => m.id));
  const issues: FieldIssue[] = [];
  for (const id of Object.keys(settings.funding.perMember))
    if (!known.has(id)) issues.push({ field: `settings.funding.perMember.${id}`, message: `Okänd medlem ${id}.` });
  settings.funding.settleAtYearEndOnly.forEach((id, index) => {
    if (!known.has(id))
      issues.push({ field: `settings.funding.settleAtYearEndOnly.${index}`, message: `Okänd medlem ${id}.` });
  });
  return issues;
}
