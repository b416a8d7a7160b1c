import { request as httpRequest } from 'node:http';
import type { Runtime } from '@finsam/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, startTestRuntime } from '../support/runtime.ts';

/**
 * The headers of what the local runtime serves, the same values CloudFront adds in AWS
 * (test/infra/stack.test.ts checks the distribution's policies), and links that never follow a
 * forged Host header.
 */
let runtime: Runtime;

beforeAll(async () => {
  runtime = await startTestRuntime();
});
afterAll(() => runtime?.stop());

const headersOf = async (path: string, init: RequestInit = {}) => (await fetch(`${runtime.url}${path}`, init)).headers;

function directives(policy: string | null) {
  return new Map(
    (policy ?? '').split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );
}

describe('security headers', () => {
  it('on API answers: no store, no sniffing, no framing, a policy that loads nothing', async () => {
    const token = await login(runtime, 'ekonom');
    for (const [path, init] of [
      ['/api/forbund/exempeldalen', { headers: { authorization: `Bearer ${token}` } }],
      ['/api/forbund/exempeldalen', {}],
      ['/api/nothing-here', {}],
      ['/openapi.json', {}],
    ] as const) {
      const headers = await headersOf(path, init);
      expect(headers.get('cache-control'), path).toBe('no-store');
      expect(headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(headers.get('x-frame-options'), path).toBe('DENY');
      const policy = directives(headers.get('content-security-policy'));
      expect(policy.get('default-src'), path).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors'), path).toEqual(["'none'"]);
    }
  });

  it('on the portal and the docs page: scripts from this origin only, never framed', async () => {
    for (const path of ['/', '/forbund/exempeldalen', '/docs', '/docs-assets/swagger-ui.css', '/config.json']) {
      const headers = await headersOf(path);
      const policy = directives(headers.get('content-security-policy'));
      expect(policy.get('script-src'), path).toEqual(["'self'"]);
      expect(policy.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(headers.get('content-security-policy'), path).not.toContain('unsafe');
      expect(headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    // The docs page starts Swagger UI from a file of its own: it has no inline script.
    const docs = await (await fetch(`${runtime.url}/docs`)).text();
    expect(docs).not.toMatch(/<script>(?!<\/script>)/);
    expect((await fetch(`${runtime.url}/docs/start.js`)).status).toBe(200);
  });
});

/** A raw request, so the Host header is what the test says (fetch would set its own). */
function withHost(path: string, host: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const url = new URL(runtime.url);
    const request = httpRequest(
      { host: url.hostname, port: url.port, path, method: 'GET', headers: { ...headers, host } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
    request.end();
  });
}

describe('a forged Host header', () => {
  it('never changes the links the API returns, with or without a token', async () => {
    const token = await login(runtime, 'medlem');
    const eventsPath = '/api/forbund/exempeldalen/members/alfa/events?limit=20';
    const honest = await call(runtime, 'GET', eventsPath, { token });
    expect(honest.status).toBe(200);
    const forged = await withHost(eventsPath, 'evil.example', { authorization: `Bearer ${token}` });
    expect(forged.status).toBe(200);
    expect(forged.body).not.toContain('evil.example');
    const links = [...forged.body.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1]!);
    for (const link of links) expect(link.startsWith(runtime.url), link).toBe(true);
    for (const path of ['/api/forbund/exempeldalen', '/docs', '/openapi.json', '/api/nothing-here']) {
      const reply = await withHost(path, 'evil.example');
      expect(reply.body, path).not.toContain('evil.example');
    }
  });
});
