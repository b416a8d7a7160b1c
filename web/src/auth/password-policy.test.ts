import { describe, expect, it } from 'vitest';
import { passwordPolicyIssues } from './password-policy.ts';
import { groupedSecret, otpauthUri, readTotpCode } from './totp-uri.ts';

describe('passwordPolicyIssues', () => {
  it('accepts a password that meets every rule, Swedish letters included', () => {
    expect(passwordPolicyIssues('Mitt-första-lösen-2')).toEqual([]);
    expect(passwordPolicyIssues('ÅÄÖåäö 12345')).toEqual([]);
  });

  it('names every rule that is not met, at once', () => {
    expect(passwordPolicyIssues('kort')).toEqual([
      'Lösenordet måste ha minst 12 tecken.',
      'Lösenordet måste innehålla en stor bokstav.',
      'Lösenordet måste innehålla en siffra.',
      'Lösenordet måste innehålla ett specialtecken, till exempel ! ? # eller %.',
    ]);
    expect(passwordPolicyIssues('ABCDEFGHIJK1!')).toEqual(['Lösenordet måste innehålla en liten bokstav.']);
  });

  it('counts characters, not UTF-16 units, at the boundary of 12', () => {
    expect(passwordPolicyIssues('Aa1!aaaaaaa')).toContain('Lösenordet måste ha minst 12 tecken.');
    expect(passwordPolicyIssues('Aa1!aaaaaaaa')).toEqual([]);
  });
});

describe('the authenticator key', () => {
  it('is offered as an otpauth:// address with the account and the issuer', () => {
    expect(otpauthUri('JBSWY3DPEHPK3PXP', 'elin@exempel.se')).toBe(
      'otpauth://totp/Finsam%20Cloud:elin%40exempel.se?secret=JBSWY3DPEHPK3PXP&issuer=Finsam%20Cloud&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('is shown in groups of four', () => {
    expect(groupedSecret('JBSWY3DPEHPK3PXPAB')).toBe('JBSW Y3DP EHPK 3PXP AB');
  });

  it('reads a typed code of six digits, spaces allowed', () => {
    expect(readTotpCode(' 123 456 ')).toBe('123456');
    expect(readTotpCode('12345')).toBeNull();
    expect(readTotpCode('12345a')).toBeNull();
  });
});
