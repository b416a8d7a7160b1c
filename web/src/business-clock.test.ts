import { afterEach, describe, expect, it } from 'vitest';
import { PortalConfigError, parsePortalConfig } from './auth/portal-config.ts';
import { businessNow, setBusinessTime } from './business-clock.ts';
import { todayIso } from './format.ts';

describe('the business clock of the portal', () => {
  afterEach(() => setBusinessTime(undefined));

  it('follows the runtime’s virtual time from the moment it was reported', () => {
    setBusinessTime('2028-03-10T09:00:00Z', Date.now());
    const drift = Math.abs(businessNow().getTime() - Date.parse('2028-03-10T09:00:00Z'));
    expect(drift).toBeLessThan(1_000);
    expect(todayIso()).toBe('2028-03-10');
  });

  it('is the browser’s clock when no time is reported (AWS)', () => {
    setBusinessTime(undefined);
    expect(Math.abs(businessNow().getTime() - Date.now())).toBeLessThan(1_000);
  });

  it('reads the business time from config.json, and refuses one that is not a time', () => {
    expect(parsePortalConfig({ signIn: 'local', businessTime: '2027-01-15T08:00:00.000Z' })).toEqual({
      signIn: 'local',
      businessTime: '2027-01-15T08:00:00.000Z',
    });
    expect(parsePortalConfig({ signIn: 'local' })).toEqual({ signIn: 'local' });
    expect(() => parsePortalConfig({ signIn: 'local', businessTime: 'i morgon' })).toThrow(PortalConfigError);
  });
});
