/** The issuer name an authenticator app shows next to the code. */
export const totp_issuer = 'Finsam Cloud';

/**
 * The otpauth:// address authenticator apps read (Google's "Key Uri Format"): SHA-1, six digits,
 * 30 seconds, as Cognito's TOTP uses.
 */
export function otpauthUri(secret: string, account: string): string {
  const label = `${encodeURIComponent(totp_issuer)}:${encodeURIComponent(account)}`;
  const query = new URLSearchParams({ secret, issuer: totp_issuer, algorithm: 'SHA1', digits: '6', period: '30' });
  return `otpauth://totp/${label}?${query.toString().replace(/\+/g, '%20')}`;
}

/** The key in groups of four, so that a person can type it without losing their place. */
export function groupedSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}

/** A TOTP code as typed: spaces removed; six digits or it is not one. */
export function readTotpCode(text: string): string | null {
  const code = text.replace(/\s+/g, '');
  return /^\d{6}$/.test(code) ? code : null;
}
