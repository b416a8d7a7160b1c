import { type CharterDocument, type ForbundProfile, notFound, type Principal } from '@finsam/domain';
import { ulid } from 'ulidx';
import type { AuditRepository } from './audit-repository.ts';
import { charterItem, decode, encode, forbundItem, withoutKeys } from './codecs.ts';
import { keys, type TenantPartition } from './keys.ts';
import type { Table } from './table.ts';
import { tenantPartition } from './tenant.ts';

export type Forbund = ReturnType<typeof toForbund>;
const toForbund = (item: Record<string, unknown>) => withoutKeys(decode(forbundItem, item));

export class ForbundRepository {
  constructor(
    private readonly table: Table,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Creates a förbund with its first förbundsordning. DynamoDB Local has no transactions, so the
   * order of writes carries the atomicity: the charter first, the förbund profile last. The
   * profile is the commit marker — until it exists nothing of the förbund is readable — so a
   * crash between the two leaves an invisible charter and never a half-made förbund.
   */
  async create(
    principal: Principal,
    profile: ForbundProfile,
    charter: CharterDocument,
    at: Date,
    id: string = ulid(at.getTime()),
  ): Promise<Forbund> {
    const partition = `T#${id}` as TenantPartition;
    const stamp = at.toISOString();
    await this.table.putNew(
      encode(charterItem, {
        PK: partition,
        SK: keys.charter(1),
        kind: 'charter',
        forbundId: id,
        version: 1,
        ...charter,
        createdAt: stamp,
        createdBy: principal.subject,
      }),
      'Förbundsordningen finns redan.',
    );
    const item = encode(forbundItem, {
      PK: partition,
      SK: keys.forbundProfile(),
      GSI1PK: keys.forbundRegister,
      GSI1SK: `${profile.name.toLocaleLowerCase('sv')}#${id}`,
      kind: 'forbund',
      id,
      ...profile,
      version: 1,
      createdAt: stamp,
      createdBy: principal.subject,
      updatedAt: stamp,
    });
    await this.table.putNew(item, 'Förbundet finns redan.');
    await this.audit.record(partition, at, {
      actor: principal.subject,
      action: 'forbund.created',
      entity: keys.forbundProfile(),
      versionAfter: 1,
      summary: `Förbund skapat: ${profile.name}`,
    });
    return toForbund(item);
  }

  async get(principal: Principal, forbundId: string): Promise<Forbund> {
    const item = await this.table.get(tenantPartition(principal, forbundId), keys.forbundProfile());
    if (!item) throw notFound('Förbundet finns inte.');
    return toForbund(item);
  }

  /** Platform administrators see the register of all förbund; everybody else only their own. */
  async list(principal: Principal, options: { limit?: number; cursor?: string }) {
    if (principal.roles.includes('platform-admin')) {
      const page = await this.table.queryIndex(keys.forbundRegister, options);
      return { ...page, items: page.items.map(toForbund) };
    }
    if (!principal.forbundId || principal.roles.includes('national')) return { items: [] };
    return { items: [await this.get(principal, principal.forbundId)] };
  }

  /** Optimistic locking: the write succeeds only if nobody changed the profile since `expectedVersion`. */
  async updateProfile(
    principal: Principal,
    forbundId: string,
    profile: ForbundProfile,
    expectedVersion: number,
    at: Date,
  ): Promise<Forbund> {
    const partition = tenantPartition(principal, forbundId);
    const before = await this.get(principal, forbundId);
    const next = expectedVersion + 1;
    const attributes = await this.table.update(
      {
        Key: { PK: partition, SK: keys.forbundProfile() },
        UpdateExpression:
          'SET #name = :name, organisationsnummer = :org, lan = :lan, seat = :seat, formationDate = :formed, GSI1SK = :gsi, version = :next, updatedAt = :at',
        ConditionExpression: 'attribute_exists(PK) AND version = :expected',
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: {
          ':name': profile.name,
          ':org': profile.organisationsnummer,
          ':lan': profile.lan,
          ':seat': profile.seat,
          ':formed': profile.formationDate,
          ':gsi': `${profile.name.toLocaleLowerCase('sv')}#${forbundId}`,
          ':next': next,
          ':at': at.toISOString(),
          ':expected': expectedVersion,
        },
      },
      'Förbundets uppgifter har ändrats av någon annan. Läs in dem igen och gör om ändringen.',
    );
    await this.audit.record(partition, at, {
      actor: principal.subject,
      action: 'forbund.updated',
      entity: keys.forbundProfile(),
      versionBefore: expectedVersion,
      versionAfter: next,
      summary: profileChanges(before, profile),
    });
    return toForbund(attributes ?? {});
  }
}

/** The profile's fields in Swedish, in the order the portal's form shows them. */
const profileFieldNames: Record<keyof ForbundProfile, string> = {
  name: 'namn',
  organisationsnummer: 'organisationsnummer',
  lan: 'län',
  seat: 'säte',
  formationDate: 'bildningsdatum',
};

/** "Förbundets uppgifter ändrade: säte (Nyköping)", naming each changed field and its new value. */
function profileChanges(before: ForbundProfile, after: ForbundProfile): string {
  const changed = (Object.keys(profileFieldNames) as (keyof ForbundProfile)[])
    .filter((field) => before[field] !== after[field])
    .map((field) => `${profileFieldNames[field]} (${after[field]})`);
  return changed.length === 0
    ? 'Förbundets uppgifter sparade utan ändring'
    : `Förbundets uppgifter ändrade: ${changed.join(', ')}`.slice(0, 500);
}
