import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy in front of a runtime that is killed and started again: the client keeps one
 * address while the runtime behind it changes port, and every request passes a hook that may
 * decide to kill the runtime while that request is in flight. A request that meets a dead
 * runtime is answered 502, as a load balancer would.
 */
export interface KillProxy {
  readonly url: string;
  /** Where requests go; undefined while the runtime is down. */
  target: string | undefined;
  /** Requests forwarded since the proxy started. */
  readonly forwarded: number;
  /** Requests forwarded and not yet answered. */
  readonly inFlight: number;
  /** The latest instant the virtual clock was set to with a 200 answer (PUT /api/local/clock). */
  readonly clock: Date | undefined;
  close(): Promise<void>;
}

export interface KillProxyHooks {
  /** Called as each request is forwarded (after the body is read). */
  onRequest(request: { method: string; path: string }): void;
}

const readBody = (request: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });

export async function startKillProxy(hooks: KillProxyHooks): Promise<KillProxy> {
  let forwarded = 0;
  let inFlight = 0;
  let clock: Date | undefined;
  const proxy: KillProxy = {
    url: '',
    target: undefined,
    get forwarded() {
      return forwarded;
    },
    get inFlight() {
      return inFlight;
    },
    get clock() {
      return clock;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer(async (incoming, outgoing) => {
    const body = await readBody(incoming);
    const target = proxy.target;
    const path = incoming.url ?? '/';
    const method = incoming.method ?? 'GET';
    if (target === undefined) {
      outgoing.writeHead(502, { 'content-type': 'text/plain' }).end('runtime down');
      return;
    }
    forwarded++;
    inFlight++;
    outgoing.on('close', () => inFlight--);
    hooks.onRequest({ method, path });
    const headers = { ...incoming.headers, host: new URL(target).host };
    const upstream = httpRequest(`${target}${path}`, { method, headers, agent: false }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        if (method === 'PUT' && path === '/api/local/clock' && answer.statusCode === 200) {
          const set = new Date((JSON.parse(body.toString()) as { now: string }).now);
          if (clock === undefined || set > clock) clock = set;
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(chunks));
      });
      answer.on('error', () => outgoing.writeHead(502).end('runtime died mid-answer'));
    });
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' }).end('runtime died');
    });
    upstream.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  (proxy as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
