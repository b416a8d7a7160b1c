import { type Principal, type Role, roleNames, roles } from '@finsam/domain';
import { z } from 'zod';
import type { AuditRepository } from './audit-repository.ts';
import { decode, encode, withoutKeys } from './codecs.ts';
import { keys, type PlatformPartition, type TenantPartition } from './keys.ts';
import { LimitedSlots } from './limited-slots.ts';
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

/**
 * A förbund has a few dozen people (staff, board, auditors, members' controllers); the limit is
 * exact (LimitedSlots), so a runaway script cannot fill a tenant's user pool.
 */
export const users_per_scope_max = 200;

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
    const items = [];
    let cursor: string | undefined;
    do {
      const page = await this.table.queryPrefix(partition, keys.invitedUserPrefix, { ...(cursor ? { cursor } : {}) });
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    // By name, as people look for one another; the keys are email addresses.
    return items
      .map((item) => withoutKeys(decode(invitedUserItem, item)))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }

  async find(principal: Principal, forbundId: UserScope, email: string): Promise<InvitedUser | undefined> {
    const item = await this.table.get(partitionOf(principal, forbundId), keys.invitedUser(email));
    return item ? withoutKeys(decode(invitedUserItem, item)) : undefined;
  }

  /**
   * Takes one of the scope's places for `email` before the login is made, or refuses when all
   * are taken; `add` then writes the person, `release` gives the place back if that fails.
   */
  async reserve(principal: Principal, forbundId: UserScope, email: string, at: Date): Promise<string> {
    return this.places(principal, forbundId).claim(
      email.toLowerCase(),
      at,
      `Det finns redan en användare med e-postadressen ${email}.`,
    );
  }

  /** Gives back the place `reserve` took (with its token) when the person could not be added. */
  async giveBack(principal: Principal, forbundId: UserScope, email: string, token: string): Promise<void> {
    await this.places(principal, forbundId).giveBack(email.toLowerCase(), token);
  }

  private places(principal: Principal, forbundId: UserScope): LimitedSlots {
    const partition = partitionOf(principal, forbundId);
    return new LimitedSlots(this.table, {
      partition,
      sortKey: keys.invitedUserLimit,
      max: users_per_scope_max,
      fullMessage: `Det går inte att bjuda in fler: högst ${users_per_scope_max} användare. Ta bort någon som inte längre behöver tillgång.`,
      exists: async (email) => (await this.table.get(partition, keys.invitedUser(email))) !== undefined,
      existing: async () => (await this.list(principal, forbundId)).map((user) => user.email.toLowerCase()),
    });
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
      summary: `Användaren ${user.name} (${user.email}) inbjuden som ${roleList(user.roles)}`,
    });
    return user;
  }

  async remove(principal: Principal, forbundId: UserScope, email: string, at: Date): Promise<void> {
    const partition = partitionOf(principal, forbundId);
    const existing = await this.table.get(partition, keys.invitedUser(email));
    const name = existing ? decode(invitedUserItem, existing).name : undefined;
    await this.table.deleteExisting(partition, keys.invitedUser(email), 'Användaren finns inte.');
    await this.places(principal, forbundId).release(email.toLowerCase());
    await this.audit.record(partition, at, {
      actor: principal.subject,
      action: 'user.removed',
      entity: keys.invitedUser(email),
      summary: `Användaren ${name ? `${name} (${email})` : email} borttagen`,
    });
  }
}

/** "ekonom och revisor": the roles in Swedish, as a sentence reads them. */
function roleList(granted: Role[]): string {
  const names = granted.map((role) => roleNames[role].toLocaleLowerCase('sv'));
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} och ${names.at(-1)}` : (names[0] ?? '');
}
