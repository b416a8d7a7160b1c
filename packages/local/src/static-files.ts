import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { common_security_headers, portalContentSecurityPolicy } from '@finsam/api';

const content_types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves files from one folder, never outside it. Returns undefined when there is no such file,
 * so the caller can fall back (the portal is a single-page app: unknown paths get index.html).
 */
export async function serveFile(folder: string, requestPath: string): Promise<Response | undefined> {
  const root = resolve(folder);
  const target = resolve(join(root, normalize(decodeURIComponent(requestPath))));
  if (target !== root && !target.startsWith(root + sep)) return undefined;
  const info = await stat(target).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  const body = await readFile(target);
  const immutable = requestPath.startsWith('/assets/');
  return new Response(body, {
    headers: {
      'content-type': content_types[extname(target)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
  });
}

/**
 * The portal's files locally carry the headers CloudFront adds in AWS (infra/constructs/portal.ts):
 * the same Content-Security-Policy, from the same source in @finsam/api.
 */
export function withPortalHeaders(response: Response, connectSources: readonly string[]): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(common_security_headers)) headers.set(name, value);
  headers.set('content-security-policy', portalContentSecurityPolicy(connectSources));
  return new Response(response.body, { status: response.status, headers });
}
