import { describe, expect, it } from 'vitest';
import { PortalConfigError, parsePortalConfig } from './portal-config.ts';

describe('parsePortalConfig', () => {
  it('reads the file the stack writes as a Cognito sign-in', () => {
    expect(
      parsePortalConfig({ region: 'eu-north-1', userPoolId: 'eu-north-1_abc', userPoolClientId: 'client123' }),
    ).toEqual({ signIn: 'cognito', region: 'eu-north-1', userPoolId: 'eu-north-1_abc', userPoolClientId: 'client123' });
  });

  it('keeps an endpoint for cognito-local, without a trailing slash', () => {
    expect(
      parsePortalConfig({
        region: 'eu-north-1',
        userPoolId: 'local_1',
        userPoolClientId: 'c',
        endpoint: 'http://127.0.0.1:9229/',
      }),
    ).toMatchObject({ endpoint: 'http://127.0.0.1:9229' });
  });

  it('reads the local runtime file as the local issuer', () => {
    expect(parsePortalConfig({ signIn: 'local' })).toEqual({ signIn: 'local' });
  });

  it.each([
    ['no object', null],
    ['a list', []],
    ['neither pool nor local', {}],
    ['an unknown sign-in', { signIn: 'saml' }],
    ['a pool without a client', { region: 'eu-north-1', userPoolId: 'p' }],
    ['a pool without a region', { userPoolId: 'p', userPoolClientId: 'c' }],
    ['an empty pool id', { region: 'eu-north-1', userPoolId: ' ', userPoolClientId: 'c' }],
    ['a pool id that is not text', { region: 'eu-north-1', userPoolId: 5, userPoolClientId: 'c' }],
    ['an endpoint that is no URL', { region: 'r', userPoolId: 'p', userPoolClientId: 'c', endpoint: 'nej' }],
    ['an endpoint that is not http', { region: 'r', userPoolId: 'p', userPoolClientId: 'c', endpoint: 'javascript:x' }],
  ])('refuses %s', (_, value) => {
    expect(() => parsePortalConfig(value)).toThrow(PortalConfigError);
  });
});
