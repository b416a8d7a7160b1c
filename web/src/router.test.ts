import { describe, expect, it } from 'vitest';
import { matchPath } from './router.tsx';

describe('matchPath', () => {
  it('matches literal segments and decodes parameters', () => {
    expect(matchPath('/forbund', '/forbund')).toEqual({});
    expect(matchPath('/forbund/:forbundId', '/forbund/exempeldalen')).toEqual({ forbundId: 'exempeldalen' });
    expect(matchPath('/forbund/:forbundId', '/forbund/a%20b')).toEqual({ forbundId: 'a b' });
    expect(matchPath('/forbund/:forbundId/forbundsordning', '/forbund/x/forbundsordning/')).toEqual({ forbundId: 'x' });
  });

  it('does not match other shapes, empty parameters or broken escapes', () => {
    expect(matchPath('/forbund/:forbundId', '/forbund')).toBeNull();
    expect(matchPath('/forbund/:forbundId', '/forbund/x/y')).toBeNull();
    expect(matchPath('/forbund/:forbundId', '/forbund/%E0%A4%A')).toBeNull();
    expect(matchPath('/', '/forbund')).toBeNull();
  });
});
