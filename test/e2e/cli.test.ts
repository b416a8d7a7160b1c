import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../support/runtime.ts';

/** How long a start may take on a slow machine before the test gives up (includes the web build). */
const start_wait_ms_max = 90_000;

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts a real process the way a user does and waits for the URL it prints. */
function launch(command: string, args: string[]): Promise<Started> {
  const child = spawn(command, args, {
    cwd: repositoryRoot,
    detached: true,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'SILENT' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no URL within ${start_wait_ms_max} ms:\n${text}`)),
      start_wait_ms_max,
    );
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = /körs på (http:\/\/[\d.]+:\d+)/.exec(text);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => text });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before starting:\n${text}`)));
  });
}

/**
 * Ctrl-C, as a user would press it: SIGINT to the whole process group. Resolves with the exit
 * code, or the signal's name where a wrapper (npm) re-raises the signal after its child ended.
 */
function interrupt(started: Started): Promise<number | string | null> {
  return new Promise((resolve) => {
    started.child.once('close', (code, signal) => resolve(code ?? signal));
    process.kill(-(started.child.pid as number), 'SIGINT');
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'finsam-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function loginAs(url: string, username: string) {
  const reply = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  return ((await reply.json()) as { token: string }).token;
}

describe('npm start', () => {
  it('serves the portal and /openapi.json, keeps data across a restart and stops cleanly on Ctrl-C', async () => {
    const first = await launch('npm', ['start', '--', '--data-dir', dataDir]);
    try {
      const portal = await fetch(`${first.url}/`);
      expect(portal.status).toBe(200);
      expect(await portal.text()).toContain('<html lang="sv"');
      const openapi = await fetch(`${first.url}/openapi.json`);
      expect(((await openapi.json()) as { openapi: string }).openapi).toBe('3.1.0');
      expect(first.output()).toContain('ekonom');

      const token = await loginAs(first.url, 'forbundsadmin');
      const changed = await fetch(`${first.url}/api/forbund/exempeldalen`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const {
        id: _i,
        version,
        createdAt: _c,
        createdBy: _b,
        updatedAt: _u,
        ...profile
      } = (await changed.json()) as Record<string, unknown>;
      const put = await fetch(`${first.url}/api/forbund/exempeldalen`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...profile, seat: 'Omstartsby', expectedVersion: version }),
      });
      expect(put.status).toBe(200);
    } finally {
      expect([0, 'SIGINT']).toContain(await interrupt(first));
    }
    // The runtime itself finished its shutdown (data flushed) before the process ended.
    expect(first.output()).toContain('Klart.');

    const second = await launch('npx', ['tsx', 'packages/local/src/cli.ts', 'start', '--data-dir', dataDir]);
    try {
      const token = await loginAs(second.url, 'forbundsadmin');
      const reply = await fetch(`${second.url}/api/forbund/exempeldalen`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(((await reply.json()) as { seat: string }).seat).toBe('Omstartsby');
    } finally {
      expect([0, 'SIGINT']).toContain(await interrupt(second));
    }
    expect(second.output()).toContain('Klart.');
  });
});
