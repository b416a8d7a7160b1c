import { randomInt } from 'node:crypto';
import type { IdentityProvider } from '@finsam/api';
import { conflict } from '@finsam/domain';
import type { Stores } from '@finsam/store';
import { hashPassword } from './passwords.ts';

/** No look-alikes (0/O, 1/l/I), so a password read aloud or copied by hand survives. */
const password_alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const password_length = 16;

/**
 * The local runtime's logins: the embedded user directory. There is no mail here, so the
 * temporary password comes back in the response, for the inviting administrator to pass on.
 */
export function localIdentityProvider(stores: Stores, now: () => Date): IdentityProvider {
  return {
    async invite(identity) {
      if (await stores.users.find(identity.email))
        throw conflict(`Det finns redan en användare med e-postadressen ${identity.email}.`);
      const temporaryPassword = temporaryPasswordOf(password_length);
      await stores.users.add(
        {
          username: identity.email,
          name: identity.name,
          roles: identity.roles,
          forbundId: identity.forbundId,
          memberId: identity.memberId,
          passwordHash: await hashPassword(temporaryPassword),
        },
        now(),
      );
      return { delivery: 'response', temporaryPassword };
    },
    remove: (email) => stores.users.remove(email),
  };
}

function temporaryPasswordOf(length: number): string {
  return Array.from({ length }, () => password_alphabet[randomInt(password_alphabet.length)]).join('');
}
