import { request } from 'node:http';
import type { Runtime } from '@finsam/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuntime } from '../support/runtime.ts';

/**
 * The local issuer's limits on password guessing: per user name and per client address, with a
 * wait that doubles. The limiter runs on the session clock, which the test moves instead of
 * sleeping. Clients on other loopback addresses (127.0.0.2, …) stand for other machines.
 */
let runtime: Runtime;

beforeAll(async () => {
  runtime = await startTestRuntime();
});
afterAll(async () => {
  await runtime?.stop();
});

interface SignIn {
  status: number;
  retryAfter: string | undefined;
  contentType: string | undefined;
  body: Record<string, unknown>;
  ms: number;
}

/** POST /api/auth/login from a given local address. */
function signIn(from: string, username: string, password: string): Promise<SignIn> {
  const { port } = new URL(runtime.url);
  const body = JSON.stringify({ username, password });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        localAddress: from,
        method: 'POST',
        path: '/api/auth/login',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: response.headers['retry-after'],
            contentType: response.headers['content-type'],
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
            ms: performance.now() - started,
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

describe('sign-in limits', () => {
  it('after 50 wrong passwords the right one is refused with 429 until the wait is over', async () => {
    const replies: SignIn[] = [];
    for (let index = 0; index < 50; index++) replies.push(await signIn('127.0.0.1', 'ekonom', `fel-${index}`));
    expect(replies.slice(0, 5).map((reply) => reply.status)).toEqual([401, 401, 401, 401, 401]);
    for (const reply of replies.slice(5)) {
      expect(reply.status).toBe(429);
      expect(reply.retryAfter).toBe('1');
    }

    const refused = await signIn('127.0.0.1', 'ekonom', 'demo');
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe('1');
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      status: 429,
      title: 'För många begäranden',
      detail: 'För många misslyckade inloggningar. Försök igen om 1 sekund.',
    });
    // The user's lock holds from any address.
    expect((await signIn('127.0.0.2', 'ekonom', 'demo')).status).toBe(429);
    // Another user from the same address is not locked: the address has 5 failures, it may have 20.
    expect((await signIn('127.0.0.1', 'styrelse', 'demo')).status).toBe(200);

    runtime.sessionClock.advance(Number(refused.retryAfter) * 1000);
    expect((await signIn('127.0.0.1', 'ekonom', 'demo')).status).toBe(200);
    // The success cleared the user's count: one mistake now is just a mistake.
    expect((await signIn('127.0.0.1', 'ekonom', 'fel')).status).toBe(401);
    expect((await signIn('127.0.0.1', 'ekonom', 'demo')).status).toBe(200);
  });

  it('doubles the wait with each failure after one', async () => {
    for (let index = 0; index < 5; index++) expect((await signIn('127.0.0.2', 'revisor', 'fel')).status).toBe(401);
    expect((await signIn('127.0.0.2', 'revisor', 'demo')).retryAfter).toBe('1');
    runtime.sessionClock.advance(1000);
    expect((await signIn('127.0.0.2', 'revisor', 'fel')).status).toBe(401);
    const second = await signIn('127.0.0.2', 'revisor', 'demo');
    expect(second.retryAfter).toBe('2');
    expect(second.body.detail).toBe('För många misslyckade inloggningar. Försök igen om 2 sekunder.');
    runtime.sessionClock.advance(2000);
    expect((await signIn('127.0.0.2', 'revisor', 'demo')).status).toBe(200);
  });

  it('answers an unknown user exactly as a wrong password, in comparable time', async () => {
    const wrong: SignIn[] = [];
    const unknown: SignIn[] = [];
    for (let index = 0; index < 3; index++) {
      wrong.push(await signIn('127.0.0.3', 'medlem', 'fel'));
      unknown.push(await signIn('127.0.0.3', `okand-${index}@exempel.se`, 'fel'));
    }
    for (const [a, b] of wrong.map((reply, index) => [reply, unknown[index] as SignIn] as const)) {
      expect(b.status).toBe(401);
      expect(b.status).toBe(a.status);
      expect(b.contentType).toBe(a.contentType);
      expect(b.body).toEqual(a.body);
    }
    expect(wrong[0]?.body.detail).toBe('Fel användarnamn eller lösenord.');
    // Both compute one scrypt hash; without the dummy hash an unknown user answered at once.
    expect(median(unknown.map((reply) => reply.ms))).toBeGreaterThan(median(wrong.map((reply) => reply.ms)) / 3);
  });

  it('stops an address that guesses many users, and only that address', async () => {
    for (let index = 0; index < 20; index++)
      expect((await signIn('127.0.0.4', `gissning-${index}`, 'fel')).status).toBe(401);
    const refused = await signIn('127.0.0.4', 'forbundsadmin', 'demo');
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe('1');
    expect((await signIn('127.0.0.1', 'forbundsadmin', 'demo')).status).toBe(200);
  });

  it('gives a burst of concurrent guesses no more tries than a sequence', async () => {
    const burst = await Promise.all(Array.from({ length: 30 }, () => signIn('127.0.0.5', 'admin', 'fel')));
    const statuses = burst.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(25);
  });
});
