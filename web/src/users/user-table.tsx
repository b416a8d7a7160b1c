import type { MouseEvent } from 'react';
import type { InvitedUser } from '../api/user-types.ts';
import { TableScroll } from '../components/table-scroll.tsx';
import { formatDate, formatList } from '../format.ts';
import { nameOf, roleNames } from '../labels.ts';

/**
 * The people who may sign in: roles in Swedish, a representative's member by name, who invited and
 * when. On a phone each row stacks into a block with the column names beside the values
 * (users/users.css), so the remove button is in view without scrolling sideways.
 */
export function UserTable({
  users,
  caption,
  emptyText,
  memberName,
  onRemove,
}: {
  users: InvitedUser[];
  /** Whose users, for a screen reader: "Förbundets användare". */
  caption: string;
  emptyText: string;
  /** A member's name; without it (the platform has no members) there is no member column. */
  memberName?: (memberId: string) => string;
  /** Asks to remove a user; the button is passed so focus can go back to it if the user cancels. */
  onRemove: (user: InvitedUser, button: HTMLButtonElement) => void;
}) {
  if (users.length === 0) return <p className="empty">{emptyText}</p>;
  return (
    <TableScroll label="Användare">
      <table className="user-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">E-postadress</th>
            <th scope="col">Roller</th>
            {memberName && <th scope="col">Medlem</th>}
            <th scope="col">Inbjuden</th>
            <th scope="col">
              <span className="visually-hidden">Åtgärd</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.email}>
              <th scope="row">{user.name}</th>
              <td className="user-table__email" data-label="E-postadress">
                {user.email}
              </td>
              <td data-label="Roller">{formatList(user.roles.map((role) => nameOf(roleNames, role)))}</td>
              {memberName && <td data-label="Medlem">{user.memberId ? memberName(user.memberId) : '–'}</td>}
              <td data-label="Inbjuden">
                <span className="nowrap">{formatDate(user.invitedAt)}</span> av {user.invitedBy}
              </td>
              <td>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={(event: MouseEvent<HTMLButtonElement>) => onRemove(user, event.currentTarget)}
                >
                  Ta bort<span className="visually-hidden"> {user.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
