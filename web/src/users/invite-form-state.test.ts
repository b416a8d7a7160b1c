import { describe, expect, it } from 'vitest';
import { forbundRoles, platformRoles } from '../api/user-types.ts';
import { initialInviteState, toggleRole, toInviteRequest } from './invite-form-state.ts';

describe('toggleRole', () => {
  it('keeps the form order whatever order the boxes are ticked in, and each role once', () => {
    let roles = toggleRole(forbundRoles, [], 'member-rep', true);
    roles = toggleRole(forbundRoles, roles, 'ekonom', true);
    roles = toggleRole(forbundRoles, roles, 'ekonom', true);
    expect(roles).toEqual(['ekonom', 'member-rep']);
    expect(toggleRole(forbundRoles, roles, 'member-rep', false)).toEqual(['ekonom']);
  });

  it('offers only the roles the form lists: the platform hands out its own', () => {
    let roles = toggleRole(platformRoles, [], 'national', true);
    roles = toggleRole(platformRoles, roles, 'platform-admin', true);
    expect(roles).toEqual(['platform-admin', 'national']);
    expect(toggleRole(platformRoles, roles, 'ekonom', true)).toEqual(['platform-admin', 'national']);
  });
});

describe('toInviteRequest', () => {
  it('names every missing field by its API path', () => {
    const result = toInviteRequest(initialInviteState);
    expect('issues' in result && result.issues.map((issue) => issue.field)).toEqual(['email', 'name', 'roles']);
  });

  it('asks which member a representative acts for', () => {
    const result = toInviteRequest({ email: 'a@b.se', name: 'A', roles: ['member-rep'], memberId: '' });
    expect('issues' in result && result.issues).toEqual([
      { field: 'memberId', message: 'Medlem: välj vilken medlem representanten företräder.' },
    ]);
  });

  it('trims, lower-cases the address, and sends the member only with member-rep', () => {
    expect(
      toInviteRequest({ email: '  Anna.Ek@Exempel.SE ', name: ' Anna Ek ', roles: ['ekonom'], memberId: 'alfa' }),
    ).toEqual({ body: { email: 'anna.ek@exempel.se', name: 'Anna Ek', roles: ['ekonom'] } });
    expect(
      toInviteRequest({ email: 'rep@alfa.se', name: 'Rep', roles: ['styrelse', 'member-rep'], memberId: 'alfa' }),
    ).toEqual({ body: { email: 'rep@alfa.se', name: 'Rep', roles: ['styrelse', 'member-rep'], memberId: 'alfa' } });
  });

  it('leaves the address format to the API, which owns the rule', () => {
    expect(toInviteRequest({ email: 'inte-en-adress', name: 'X', roles: ['revisor'], memberId: '' })).toEqual({
      body: { email: 'inte-en-adress', name: 'X', roles: ['revisor'] },
    });
  });
});
