import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { checkDestination, type EndpointMode, guardedLookup, type Resolver, systemResolver } from './endpoint-guard.ts';

/** A receiver has this long, connect to last byte, before the attempt counts as failed. */
export const delivery_timeout_ms = 10_000;
/** How much of a response is kept in the delivery log. */
export const response_snippet_chars_max = 500;
/** Reading stops here: a receiver cannot make us buffer a large response. */
const response_bytes_max = 4096;
/** Idle connections are closed before the usual 5 s server keep-alive, so reuse rarely races a close. */
const idle_socket_ms = 4_000;
/** Open connections per receiver host; deliveries beyond it wait for a free connection. */
const sockets_per_host_max = 32;

export interface SendResult {
  delivered: boolean;
  statusCode?: number;
  latencyMs: number;
  responseSnippet?: string;
  error?: string;
}

export interface SenderOptions {
  mode: EndpointMode;
  timeoutMs?: number;
  resolve?: Resolver;
}

export type Sender = (url: string, headers: Record<string, string>, body: string) => Promise<SendResult>;

/**
 * POSTs one webhook: only to addresses the SSRF guard allows, never following redirects, within
 * a hard deadline, keeping a short snippet of the answer. Never throws: every failure becomes a
 * result, so the caller always logs the attempt.
 */
export function createSender(options: SenderOptions): Sender {
  const timeoutMs = options.timeoutMs ?? delivery_timeout_ms;
  const lookup = guardedLookup(options.mode, options.resolve ?? systemResolver);
  const agentOptions = { keepAlive: true, timeout: idle_socket_ms, maxSockets: sockets_per_host_max, lookup };
  const agents = { http: new HttpAgent(agentOptions), https: new HttpsAgent(agentOptions) };

  const once = (url: URL, headers: Record<string, string>, body: string, fresh: boolean) =>
    new Promise<SendResult & { reusedSocket?: boolean; code?: string }>((resolve) => {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      const refused = checkDestination(url, options.mode);
      if (refused) return resolve({ delivered: false, latencyMs: 0, error: refused });
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const agent = fresh ? false : url.protocol === 'https:' ? agents.https : agents.http;
      let settled = false;
      const finish = (result: SendResult & { reusedSocket?: boolean; code?: string }) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve(result);
      };
      const request = send(url, {
        method: 'POST',
        agent,
        ...(fresh ? { lookup } : {}),
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Finsam-Cloud-Webhooks/1',
        },
      });
      const deadline = setTimeout(() => {
        request.destroy();
        finish({ delivered: false, latencyMs: elapsed(), error: `timeout after ${timeoutMs} ms` });
      }, timeoutMs);
      request.on('response', (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        const done = () => {
          const statusCode = response.statusCode ?? 0;
          const snippet = Buffer.concat(chunks).toString('utf8').slice(0, response_snippet_chars_max);
          finish({
            delivered: statusCode >= 200 && statusCode < 300,
            statusCode,
            latencyMs: elapsed(),
            ...(snippet ? { responseSnippet: snippet } : {}),
          });
        };
        response.on('data', (chunk: Buffer) => {
          if (bytes >= response_bytes_max) return;
          chunks.push(chunk.subarray(0, response_bytes_max - bytes));
          bytes += chunk.length;
          if (bytes >= response_bytes_max) {
            done();
            response.destroy();
          }
        });
        response.on('end', done);
        response.on('error', done);
      });
      request.on('error', (error: NodeJS.ErrnoException) =>
        finish({
          delivered: false,
          latencyMs: elapsed(),
          error: error.code ? `${error.code}: ${error.message}` : error.message,
          reusedSocket: request.reusedSocket,
          ...(error.code ? { code: error.code } : {}),
        }),
      );
      request.end(body);
    });

  return async (text, headers, body) => {
    const url = new URL(text);
    const first = await once(url, headers, body, false);
    // A kept-alive connection the receiver closed while idle fails at once; Node's documentation
    // recommends one retry on a fresh connection for exactly this case.
    const result =
      !first.delivered && first.reusedSocket && first.code === 'ECONNRESET'
        ? await once(url, headers, body, true)
        : first;
    const { reusedSocket: _reused, code: _code, ...plain } = result;
    return plain;
  };
}
