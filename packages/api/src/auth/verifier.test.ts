import { describe, expect, it } from 'vitest';
import { principalFromClaims } from './verifier.ts';

describe('the principal from a Cognito ID token', () => {
  it('keeps the sign-in address apart from the username, which Cognito makes an id when people sign in by email', () => {
    const principal = principalFromClaims({
      sub: '7f1c2a9e-0000-4000-8000-000000000001',
      'cognito:username': '7f1c2a9e-0000-4000-8000-000000000001',
      'cognito:groups': ['forbund-admin', 'not-a-role'],
      email: 'frida@exempeldalen.se',
      name: 'Frida Förbundschef',
      'custom:forbund_id': 'exempeldalen',
    });
    expect(principal).toEqual({
      subject: '7f1c2a9e-0000-4000-8000-000000000001',
      name: 'Frida Förbundschef',
      email: 'frida@exempeldalen.se',
      roles: ['forbund-admin'],
      forbundId: 'exempeldalen',
    });
  });

  it('shows the sign-in address, not the id, when the token carries no name', () => {
    const principal = principalFromClaims({
      sub: '7f1c2a9e-0000-4000-8000-000000000002',
      'cognito:username': '7f1c2a9e-0000-4000-8000-000000000002',
      'cognito:groups': ['ekonom'],
      email: 'elin@exempeldalen.se',
    });
    expect(principal.name).toBe('elin@exempeldalen.se');
  });
});
