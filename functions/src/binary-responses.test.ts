import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { describe, expect, it } from 'vitest';
import { isBinaryContentType } from './binary-responses.ts';

describe('isBinaryContentType', () => {
  it('sends JSON and declared UTF-8 text as text', () => {
    for (const type of [
      'application/json',
      'application/problem+json',
      'application/json; charset=utf-8',
      'text/plain; charset=UTF-8',
      'text/html; charset=utf-8',
      'text/csv; charset="utf-8"',
    ]) {
      expect(isBinaryContentType(type), type).toBe(false);
    }
  });

  it('sends everything else as bytes, including text in another charset and types not known today', () => {
    for (const type of [
      'text/plain; charset=IBM437',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'text/plain',
      'application/x-something-new',
      'application/jsonl',
      'image/png',
    ]) {
      expect(isBinaryContentType(type), type).toBe(true);
    }
  });
});

/** Every byte value once, and the CP437 bytes of "Ö" (0x99) and "å" (0x86), which UTF-8 decoding turns into U+FFFD. */
const all_bytes = Uint8Array.from({ length: 256 }, (_, index) => index);

describe('through the Lambda adapter', () => {
  const app = new Hono().get('/sie', (c) => c.body(all_bytes, 200, { 'content-type': 'text/plain; charset=IBM437' }));
  const handler = handle(app, { isContentTypeBinary: isBinaryContentType });

  it('returns a CP437 body byte-exact, as API Gateway decodes it', async () => {
    const event = {
      version: '2.0',
      routeKey: '$default',
      rawPath: '/sie',
      rawQueryString: '',
      headers: { host: 'api.example' },
      isBase64Encoded: false,
      requestContext: {
        domainName: 'api.example',
        http: { method: 'GET', path: '/sie', protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
        requestId: 'request-1',
        routeKey: '$default',
        stage: '$default',
      },
    };
    // biome-ignore lint/suspicious/noExplicitAny: the adapter's event union is wider than this test needs.
    const result = (await handler(event as any, {} as any)) as { body: string; isBase64Encoded: boolean };
    expect(result.isBase64Encoded).toBe(true);
    expect([...Buffer.from(result.body, 'base64')]).toEqual([...all_bytes]);
  });
});
