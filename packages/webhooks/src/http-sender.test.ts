import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSender, response_snippet_chars_max } from './http-sender.ts';

/** A real server on loopback: the sender's guard, timeout and snippet are checked against it. */
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/hang') return; // never answers
    if (request.url === '/long') return void response.writeHead(500).end('x'.repeat(10_000));
    response.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('the guarded sender', () => {
  it('delivers to localhost over plain HTTP in local mode', async () => {
    const send = createSender({ mode: 'local' });
    expect(await send(`http://${base}/ok`, {}, '{}')).toMatchObject({ delivered: true, statusCode: 204 });
  });

  it('refuses loopback in AWS mode at delivery time, whether literal, by name or over plain HTTP', async () => {
    const send = createSender({ mode: 'aws' });
    const port = base.split(':')[1];
    expect((await send(`http://${base}/ok`, {}, '{}')).error).toMatch(/scheme refused/);
    expect((await send(`https://${base}/ok`, {}, '{}')).error).toMatch(/SSRF guard/);
    // A name that resolves to loopback: refused by the lookup Node calls when connecting.
    expect((await send(`https://localhost:${port}/ok`, {}, '{}')).error).toMatch(/EADDRREFUSED/);
  });

  it('gives up on a receiver that hangs, at the timeout', async () => {
    const send = createSender({ mode: 'local', timeoutMs: 300 });
    const result = await send(`http://${base}/hang`, {}, '{}');
    expect(result).toMatchObject({ delivered: false, error: 'timeout after 300 ms' });
    expect(result.latencyMs).toBeGreaterThanOrEqual(290);
  });

  it('keeps only a short snippet of a long answer', async () => {
    const result = await createSender({ mode: 'local' })(`http://${base}/long`, {}, '{}');
    expect(result).toMatchObject({ delivered: false, statusCode: 500 });
    expect(result.responseSnippet).toHaveLength(response_snippet_chars_max);
  });
});
