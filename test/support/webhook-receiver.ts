import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Runtime } from '@finsam/local';
import { createStores, type NewEvent, type TenantPartition } from '@finsam/store';
import { Webhook } from 'standardwebhooks';

/**
 * A member's finance system as the tests see it: a real HTTP server on 127.0.0.1 that verifies
 * every request with the `standardwebhooks` library and deduplicates on webhook-id, as the spec
 * tells receivers to. Faults are injected per request: refuse (server down), a status, a hang
 * past the sender's timeout, or a slow answer.
 */
export type Fault = { kind: 'status'; status: number } | { kind: 'hang' } | { kind: 'slow'; ms: number };

export interface ReceivedRequest {
  id: string;
  body: string;
  headers: Record<string, string>;
  verified: boolean;
  error?: string;
}

export interface Receiver {
  readonly url: string;
  /** The local port it listens on (behind `url`'s name when it answers HTTPS). */
  readonly port: number;
  /** Secrets the receiver verifies with; any one of them is enough. */
  secrets: string[];
  /** Every request, in arrival order, verified or not. */
  readonly requests: ReceivedRequest[];
  /** Verified events by webhook-id: each one once, whatever the retries. */
  readonly accepted: Map<string, unknown>;
  /**
   * How far the sender's clock is from ours (test/aws runs the functions on an emulated date):
   * the signature's timestamp is judged on the sender's clock, as a receiver in that world would.
   */
  clockOffsetMs: number;
  /** The fault for the n-th request (0-based); undefined answers 204. */
  fault: (index: number, request: ReceivedRequest) => Fault | undefined;
  /** Stops listening (connections refused) and later listens again on the same port. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

/** Runs a synchronous check with Date.now moved by `offsetMs` (standardwebhooks reads Date.now). */
function atSenderTime<T>(offsetMs: number, check: () => T): T {
  if (offsetMs === 0) return check();
  const realNow = Date.now;
  Date.now = () => realNow() + offsetMs;
  try {
    return check();
  } finally {
    Date.now = realNow;
  }
}

const headerRecord = (headers: IncomingHttpHeaders) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)]));

/** A certificate for the receiver to answer HTTPS with, and the name it is reached by. */
export interface ReceiverTls {
  hostname: string;
  key: string;
  cert: string;
}

export async function startReceiver(path = '/finsam/webhooks', tls?: ReceiverTls): Promise<Receiver> {
  const hanging = new Set<ServerResponse>();
  let port = 0;
  let server: Server;
  const receiver: Receiver = {
    url: '',
    port: 0,
    secrets: [],
    requests: [],
    accepted: new Map(),
    clockOffsetMs: 0,
    fault: () => undefined,
    down: () => close(),
    up: () => listen(),
    close: () => close(),
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = headerRecord(request.headers);
      const received: ReceivedRequest = { id: headers['webhook-id'] ?? '', body, headers, verified: false };
      let payload: unknown;
      for (const secret of receiver.secrets) {
        try {
          payload = atSenderTime(receiver.clockOffsetMs, () => new Webhook(secret).verify(body, headers));
          received.verified = true;
          break;
        } catch (error) {
          received.error = (error as Error).message;
        }
      }
      const fault = receiver.fault(receiver.requests.length, received);
      receiver.requests.push(received);
      if (fault?.kind === 'hang') return void hanging.add(response);
      const answer = () => {
        if (!received.verified) return void response.writeHead(400).end('invalid signature');
        if (fault?.kind === 'status') return void response.writeHead(fault.status).end(`fault ${fault.status}`);
        receiver.accepted.set(received.id, payload);
        response.writeHead(204).end();
      };
      if (fault?.kind === 'slow') setTimeout(answer, fault.ms);
      else answer();
    });
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = tls ? createTlsServer({ key: tls.key, cert: tls.cert }, handle) : createServer(handle);
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  const close = () =>
    new Promise<void>((resolve) => {
      for (const response of hanging) response.destroy();
      hanging.clear();
      server.close(() => resolve());
      server.closeAllConnections();
    });

  await listen();
  Object.assign(receiver, { url: tls ? `https://${tls.hostname}${path}` : `http://127.0.0.1:${port}${path}`, port });
  return receiver;
}

/** Polls until `condition` holds; the worker ticks on real time, so tests wait on real time too. */
export async function waitFor<T>(
  condition: () => Promise<T> | T,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const value = await condition();
    if (value) return value as NonNullable<T>;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const demo_partition = 'T#exempeldalen' as TenantPartition;

/** Writes events to the outbox the way the annual cycle does, at the runtime's virtual time. */
export function emit(runtime: Runtime, events: NewEvent[]) {
  return createStores(runtime.table).outbox.emit(demo_partition, 'exempeldalen', events, runtime.clock.now());
}

/**
 * A valid v1 settlement for a member and month, with its statement PDF and, as a producer bug
 * would put it there, the förbund's SIE 4 file, which no member's link may open.
 */
export function settlement(memberId: string, month: number, amount = '33333.33'): NewEvent {
  const period = `2027-${String(month).padStart(2, '0')}`;
  return {
    eventId: `settlement:${period}:${memberId}`,
    type: 'settlement.issued',
    memberId,
    payload: {
      year: 2027,
      period,
      amount,
      settlement: 'cash',
      dueDate: `2027-${String(month).padStart(2, '0')}-28`,
      memberReference: `KUND-${memberId.toUpperCase()}`,
      documents: [
        { kind: 'pdf', documentId: `statement.${period}.${memberId}.pdf`, fileName: `avrakning-${period}.pdf` },
        { kind: 'sie4', documentId: 'sie.2027.se', fileName: 'bokforing-2027.se' },
      ],
    },
  };
}

/** A valid v1 deadline notice, a second event type for filtering tests. */
export function deadlineMissed(memberId: string, index: number): NewEvent {
  return {
    eventId: `deadline:samrad:${index}:${memberId}`,
    type: 'deadline.missed',
    memberId,
    payload: { year: 2027, deadline: 'samrad', dueDate: '2026-10-15' },
  };
}
