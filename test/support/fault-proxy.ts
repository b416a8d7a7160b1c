import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A fault-injecting HTTP proxy between an AWS SDK client and dynalite, for the failures that only
 * a real network has: a request that never arrives, and (the one that matters) a write that
 * commits while its response is lost, so the SDK really sends it again.
 *
 * - `drop-before`: the request is not forwarded; the connection is dropped.
 * - `drop-after`: dynalite commits the request, then the connection is dropped.
 * - `delay-after`: dynalite commits the request, and the response is held past the client's
 *   requestTimeout (`delay_ms`), so the client gives up and retries.
 *
 * `onFault` runs after the fault and before any later request is let through (requests that
 * arrive meanwhile wait), so a test can change the world between an attempt and its retry (take
 * a period lock, say) without racing the SDK's back-off.
 */
export type Fault = 'drop-before' | 'drop-after' | 'delay-after';

export interface ProxiedRequest {
  /** The DynamoDB operation, e.g. "PutItem", from X-Amz-Target. */
  operation: string;
  /** The request body as sent (DynamoDB JSON). */
  body: Record<string, any>;
  /** The SDK's attempt number and its maximum, from the amz-sdk-request header. */
  attempt: number;
  maxAttempts: number;
}

export interface FaultProxyOptions {
  /** Where requests go, e.g. dynalite's http://127.0.0.1:port. */
  upstream: string;
  /** The fault for a request, or undefined to pass it through. */
  decide: (request: ProxiedRequest) => Fault | undefined;
  /** How long `delay-after` holds a response; longer than the client's requestTimeout. */
  delay_ms: number;
  onFault?: (request: ProxiedRequest, fault: Fault) => Promise<void> | void;
}

export interface FaultRecord {
  operation: string;
  fault: Fault;
  attempt: number;
}

export interface FaultProxy {
  endpoint: string;
  /** Every fault injected so far, in order. */
  faults: FaultRecord[];
  close(): Promise<void>;
}

const readBody = (message: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => resolve(Buffer.concat(chunks)));
    message.on('error', reject);
  });

function describeRequest(message: IncomingMessage, body: Buffer): ProxiedRequest {
  const target = String(message.headers['x-amz-target'] ?? '');
  const sdkRequest = String(message.headers['amz-sdk-request'] ?? '');
  const attempt = Number(/attempt=(\d+)/.exec(sdkRequest)?.[1] ?? 1);
  const maxAttempts = Number(/max=(\d+)/.exec(sdkRequest)?.[1] ?? 1);
  const text = body.toString('utf8');
  return { operation: target.split('.').pop() ?? '', body: text ? JSON.parse(text) : {}, attempt, maxAttempts };
}

interface Upstream {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function forward(upstream: URL, message: IncomingMessage, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        path: message.url,
        method: message.method,
        headers: { ...message.headers, host: upstream.host },
      },
      async (response) => {
        try {
          resolve({ status: response.statusCode ?? 500, headers: response.headers, body: await readBody(response) });
        } catch (error) {
          reject(error);
        }
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const upstream = new URL(options.upstream);
  const faults: FaultRecord[] = [];
  const sockets = new Set<Socket>();
  // While a fault's hook runs, later requests wait here: the world changes between the attempts.
  let gate: Promise<void> = Promise.resolve();

  const reply = (response: ServerResponse, answer: Upstream) => {
    if (response.destroyed) return;
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  };

  const server = createServer(async (message, response) => {
    try {
      const body = await readBody(message);
      await gate;
      const request = describeRequest(message, body);
      const fault = options.decide(request);
      if (!fault) return reply(response, await forward(upstream, message, body));
      faults.push({ operation: request.operation, fault, attempt: request.attempt });
      let release = () => {};
      const hook = new Promise<void>((resolve) => {
        release = resolve;
      });
      const before = gate;
      gate = Promise.all([before, hook]).then(() => undefined);
      let committed: Upstream | undefined;
      try {
        committed = fault === 'drop-before' ? undefined : await forward(upstream, message, body);
        await options.onFault?.(request, fault);
      } finally {
        release();
      }
      if (committed && fault === 'delay-after') {
        // The client has given up by now; what it would have read goes to a closed socket.
        await new Promise((resolve) => setTimeout(resolve, options.delay_ms));
        return reply(response, committed);
      }
      message.socket.destroy();
    } catch {
      response.destroy();
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
