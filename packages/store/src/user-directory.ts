import { FinsamError, notFound, type Principal, type Role } from '@finsam/domain';
import { decode, encode, userItem } from './codecs.ts';
import { keys } from './keys.ts';
import type { Table } from './table.ts';

export interface LocalUser {
  username: string;
  name: string;
  passwordHash: string;
  roles: Role[];
  forbundId?: string | undefined;
  memberId?: string | undefined;
}

/**
 * Users of the embedded local issuer. In AWS the Cognito user pool holds users; this directory
 * exists so the local runtime can sign the same kind of token for the same roles.
 */
export class UserDirectory {
  constructor(private readonly table: Table) {}

  async find(username: string): Promise<LocalUser | undefined> {
    const item = await this.table.get(keys.user(username), keys.userSort);
    if (!item) return undefined;
    const { PK: _pk, SK: _sk, kind: _kind, createdAt: _at, ...user } = decode(userItem, item);
    return user;
  }

  async add(user: LocalUser, at: Date): Promise<void> {
    await this.table.putNew(
      encode(userItem, {
        PK: keys.user(user.username),
        SK: keys.userSort,
        kind: 'user',
        ...user,
        createdAt: at.toISOString(),
      }),
      `Användaren ${user.username} finns redan.`,
    );
  }

  /** Removes a login; one that is already gone is no error (removal is retried after partial failure). */
  async remove(username: string): Promise<void> {
    if (await this.find(username))
      await this.table.deleteExisting(keys.user(username), keys.userSort, 'Användaren finns inte.').catch((error) => {
        if (!(error instanceof FinsamError && error.kind === 'not-found')) throw error;
      });
  }

  async principalOf(username: string): Promise<Principal> {
    const user = await this.find(username);
    if (!user) throw notFound('Användaren finns inte.');
    return principalOf(user);
  }
}

export function principalOf(user: LocalUser): Principal {
  return {
    subject: user.username,
    name: user.name,
    roles: user.roles,
    ...(user.forbundId ? { forbundId: user.forbundId } : {}),
    ...(user.memberId ? { memberId: user.memberId } : {}),
  };
}
