import type { MiddlewareHandler } from 'hono';
import {
  api_content_security_policy,
  common_security_headers,
  portalContentSecurityPolicy,
} from './security-headers.ts';

/**
 * Every answer of the API app: never stored by a browser or proxy (one person's financial data),
 * never sniffed or framed, and no referrer leaves with a signed document link. The /docs page is
 * the one HTML page the API serves; it gets the portal's policy, since it runs Swagger UI's script.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  for (const [name, value] of Object.entries(common_security_headers)) c.header(name, value);
  const isPage = (c.res.headers.get('content-type') ?? '').startsWith('text/html');
  c.header('content-security-policy', isPage ? portalContentSecurityPolicy() : api_content_security_policy);
  // A route that says more (documents: `private, no-store`) keeps its own; nothing is ever cacheable.
  if (!(c.res.headers.get('cache-control') ?? '').includes('no-store')) c.header('cache-control', 'no-store');
};
