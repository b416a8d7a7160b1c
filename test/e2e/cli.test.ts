import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launch, signal } from '../support/process.ts';

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
      expect([0, 'SIGINT']).toContain(await signal(first, 'SIGINT'));
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
      expect([0, 'SIGINT']).toContain(await signal(second, 'SIGINT'));
    }
    expect(second.output()).toContain('Klart.');
  });
});
