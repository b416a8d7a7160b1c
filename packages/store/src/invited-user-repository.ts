import { type Principal, type Role, roles } from '@finsam/domain';
import { z } from 'zod';
import type { AuditRepository } from './audit-repository.ts';
import { decode, encode, withoutKeys } from './codecs.ts';
import { keys, type PlatformPartition, type TenantPartition } from './keys.ts';
import type { Table } from './table.ts';
import { platformPartition, tenantPartition } from './tenant.ts';

const invitedUserItem = z.object({
  PK: z.string(),
  SK: z.string(),
  kind: z.literal('invited-user'),
  /** The login: an email address for everyone invited (Cognito signs in by email); the local demo's are short names. */
  email: z.string(),
  name: z.string(),
  roles: z.array(z.enum(roles)).min(1),
  memberId: z.string().optional(),
  invitedAt: z.iso.datetime({ offset: true }),
  invitedBy: z.string(),
});
export type InvitedUser = Omit<z.infer<typeof invitedUserItem>, 'PK' | 'SK' | 'kind'>;

/** Whom to record, as validated by the caller (domain/invitation.ts). */
export interface Invitee {
  email: string;
  name: string;
  roles: Role[];
  memberId?: string | undefined;
}

/** A förbund has a few dozen people; one page holds them all. */
const users_per_scope_max = 500;

/** Whose people: one förbund's, or (null) the platform's own administrators and Nationella rådet. */
export type UserScope = string | null;

const partitionOf = (principal: Principal, forbundId: UserScope): TenantPartition | PlatformPartition =>
  forbundId === null ? platformPartition(principal) : tenantPartition(principal, forbundId);

/**
 * Who has been invited, and with which roles. The login lives elsewhere (Cognito, or the local
 * directory); this record is what an administrator lists and what the behandlingshistorik
 * refers to.
 */
export class InvitedUserRepository {
  constructor(
    private readonly table: Table,
    private readonly audit: AuditRepository,
  ) {}

  async list(principal: Principal, forbundId: UserScope): Promise<InvitedUser[]> {
    const partition = partitionOf(principal, forbundId);
    const page = await this.table.queryPrefix(partition, keys.invitedUserPrefix, { limit: users_per_scope_max });
    // By name, as people look for one another; the keys are email addresses.
    return page.items
      .map((item) => withoutKeys(decode(invitedUserItem, item)))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }

  async find(principal: Principal, forbundId: UserScope, email: string): Promise<InvitedUser | undefined> {
    const item = await this.table.get(partitionOf(principal, forbundId), keys.invitedUser(email));
    return item ? withoutKeys(decode(invitedUserItem, item)) : undefined;
  }

  async add(principal: Principal, forbundId: UserScope, invitation: Invitee, at: Date): Promise<InvitedUser> {
    const partition = partitionOf(principal, forbundId);
    const user: InvitedUser = {
      email: invitation.email,
      name: invitation.name,
      roles: invitation.roles,
      ...(invitation.memberId ? { memberId: invitation.memberId } : {}),
      invitedAt: at.toISOString(),
      invitedBy: principal.name,
    };
    await this.table.putNew(
      encode(invitedUserItem, { PK: partition, SK: keys.invitedUser(user.email), kind: 'invited-user', ...user }),
      `Det finns redan en användare med e-postadressen ${user.email}.`,
    );
    await this.audit.record(partition, at, {
      actor: principal.subject,
      action: 'user.invited',
      entity: keys.invitedUser(user.email),
      summary: `${user.name}: ${user.roles.join(', ')}`,
    });
    return user;
  }

  async remove(principal: Principal, forbundId: UserScope, email: string, at: Date): Promise<void> {
    const partition = partitionOf(principal, forbundId);
    await this.table.deleteExisting(partition, keys.invitedUser(email), 'Användaren finns inte.');
    await this.audit.record(partition, at, {
      actor: principal.subject,
      action: 'user.removed',
      entity: keys.invitedUser(email),
    });
  }
}
