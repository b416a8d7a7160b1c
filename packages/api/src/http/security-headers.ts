/**
 * The security headers of everything the product serves, in one place: the API adds them to its
 * own answers (securityHeaders in app.ts), the local runtime to the portal's files, and the
 * CloudFront distribution's response-headers policy carries the same values in AWS.
 */

/**
 * The portal's Content-Security-Policy: scripts, styles and fonts from its own origin only (Vite
 * emits no inline script; React sets styles through the CSSOM, which CSP allows), images also
 * as data: URLs (Swagger UI's icons), and connections to its own origin plus the sign-in
 * service (`connectSources`: Cognito's regional endpoint in AWS, cognito-local in tests). It is
 * never framed: `frame-ancestors 'none'` stops clickjacking of the attest and payment screens.
 */
export function portalContentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...connectSources].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** An API answer is data, never a page: it may load nothing and be framed nowhere. */
export const api_content_security_policy = "default-src 'none'; frame-ancestors 'none'";

/** What every answer carries, the portal's files included. */
export const common_security_headers = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
} as const;

/** A year of HSTS, as CloudFront's managed policy sets it; only ever sent over HTTPS there. */
export const strict_transport_seconds = 31_536_000;
