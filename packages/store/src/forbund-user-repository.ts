import { type Invitation, type Principal, roles } from '@finsam/domain';
import { z } from 'zod';
import type { AuditRepository } from './audit-repository.ts';
import { decode, encode, withoutKeys } from './codecs.ts';
import { keys } from './keys.ts';
import type { Table } from './table.ts';
import { tenantPartition } from './tenant.ts';

const forbundUserItem = z.object({
  PK: z.string(),
  SK: z.string(),
  kind: z.literal('forbund-user'),
  /** The login: an email address for everyone invited (Cognito signs in by email); the local demo's are short names. */
  email: z.string(),
  name: z.string(),
  roles: z.array(z.enum(roles)).min(1),
  memberId: z.string().optional(),
  invitedAt: z.iso.datetime({ offset: true }),
  invitedBy: z.string(),
});
export type ForbundUser = Omit<z.infer<typeof forbundUserItem>, 'PK' | 'SK' | 'kind'>;

/** A förbund has a few dozen people; one page holds them all. */
const users_per_forbund_max = 500;

/**
 * Who a förbund has invited and with which roles. The login lives elsewhere (Cognito, or the
 * local directory); this record is what the förbund's administrator lists and what the
 * behandlingshistorik refers to.
 */
export class ForbundUserRepository {
  constructor(
    private readonly table: Table,
    private readonly audit: AuditRepository,
  ) {}

  async list(principal: Principal, forbundId: string): Promise<ForbundUser[]> {
    const partition = tenantPartition(principal, forbundId);
    const page = await this.table.queryPrefix(partition, keys.forbundUserPrefix, { limit: users_per_forbund_max });
    return page.items.map((item) => withoutKeys(decode(forbundUserItem, item)));
  }

  async find(principal: Principal, forbundId: string, email: string): Promise<ForbundUser | undefined> {
    const item = await this.table.get(tenantPartition(principal, forbundId), keys.forbundUser(email));
    return item ? withoutKeys(decode(forbundUserItem, item)) : undefined;
  }

  async add(principal: Principal, forbundId: string, invitation: Invitation, at: Date): Promise<ForbundUser> {
    const partition = tenantPartition(principal, forbundId);
    const user: ForbundUser = {
      email: invitation.email,
      name: invitation.name,
      roles: invitation.roles,
      ...(invitation.memberId ? { memberId: invitation.memberId } : {}),
      invitedAt: at.toISOString(),
      invitedBy: principal.name,
    };
    await this.table.putNew(
      encode(forbundUserItem, { PK: partition, SK: keys.forbundUser(user.email), kind: 'forbund-user', ...user }),
      `Det finns redan en användare med e-postadressen ${user.email}.`,
    );
    await this.audit.record(partition, at, {
      actor: principal.subject,
      action: 'user.invited',
      entity: keys.forbundUser(user.email),
      summary: `${user.name}: ${user.roles.join(', ')}`,
    });
    return user;
  }

  async remove(principal: Principal, forbundId: string, email: string, at: Date): Promise<void> {
    const partition = tenantPartition(principal, forbundId);
    await this.table.deleteExisting(partition, keys.forbundUser(email), 'Användaren finns inte.');
    await this.audit.record(partition, at, {
      actor: principal.subject,
      action: 'user.removed',
      entity: keys.forbundUser(email),
    });
  }
}
