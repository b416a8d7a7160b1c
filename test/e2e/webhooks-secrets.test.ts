import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Runtime } from '@finsam/local';
import { generateSecret } from '@finsam/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allItems, call, login, startTestRuntime } from '../support/runtime.ts';
import { emit, type Receiver, settlement, startReceiver, waitFor } from '../support/webhook-receiver.ts';

/**
 * Members' signing secrets are envelope-encrypted (issue 11): locally under a key file in the
 * data directory, as under KMS in AWS. No byte of a secret is in the table (so none in its
 * stream or backups either), and deliveries still verify with the standardwebhooks library.
 * Items from before sealing, holding the plaintext, are still read and are sealed when used.
 */
let runtime: Runtime;
let receiver: Receiver;
const dataDir = mkdtempSync(join(tmpdir(), 'finsam-secrets-'));
const base = '/api/forbund/exempeldalen/members';

/** Every form a secret's bytes could take in an item. */
function forms(secret: string) {
  const raw = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return [
    secret,
    secret.slice('whsec_'.length),
    raw.toString('hex'),
    raw.toString('base64url'),
    raw.toString('latin1'),
  ];
}

async function tableText() {
  return JSON.stringify(await allItems(runtime));
}

beforeAll(async () => {
  runtime = await startTestRuntime({ dataDir });
  receiver = await startReceiver();
});
afterAll(async () => {
  await runtime?.stop();
  await receiver?.close();
});

describe('sealed signing secrets', () => {
  it('keeps no byte of a new or rotated secret in the table, and the key file is the owner’s alone', async () => {
    const admin = await login(runtime, 'forbundsadmin');
    const created = await call(runtime, 'POST', `${base}/alfa/webhooks`, {
      token: admin,
      body: { url: receiver.url, eventTypes: ['settlement.issued'] },
    });
    expect(created.status).toBe(201);
    const rotated = await call(runtime, 'POST', `${base}/alfa/webhooks/${created.body.id}/secret`, {
      token: admin,
      body: { overlapHours: 24, expectedVersion: created.body.version },
    });
    expect(rotated.status).toBe(200);
    const text = await tableText();
    expect(text).toContain('encryptedKey');
    for (const secret of [created.body.secret, rotated.body.secret])
      for (const form of forms(secret)) expect(text).not.toContain(form);

    const key = statSync(join(dataDir, 'webhook-secret.key'));
    expect(key.size).toBe(32);
    expect(key.mode & 0o777).toBe(0o600);

    receiver.secrets = [rotated.body.secret];
    await emit(runtime, [settlement('alfa', 1)]);
    const delivered = await waitFor(() => receiver.accepted.get('settlement:2027-01:alfa'));
    expect(delivered).toMatchObject({ memberId: 'alfa' });
    expect(receiver.requests.every((request) => request.verified)).toBe(true);
  });

  it('signs with a plaintext secret from before sealing, and seals it as it does', async () => {
    const secret = generateSecret();
    const stamp = runtime.clock.now().toISOString();
    const id = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
    // An item as the store wrote it before issue 11.
    await runtime.table.documents.send(
      new PutCommand({
        TableName: runtime.table.name,
        Item: {
          PK: 'T#exempeldalen',
          SK: `SUB#beta#${id}`,
          kind: 'webhook-subscription',
          id,
          forbundId: 'exempeldalen',
          memberId: 'beta',
          url: receiver.url,
          eventTypes: ['settlement.issued'],
          enabled: true,
          secrets: [{ value: secret, createdAt: stamp }],
          version: 1,
          createdAt: stamp,
          createdBy: 'forbundsadmin',
          updatedAt: stamp,
        },
      }),
    );
    expect(await tableText()).toContain(secret);
    receiver.secrets = [secret];
    await emit(runtime, [settlement('beta', 2)]);
    await waitFor(() => receiver.accepted.get('settlement:2027-02:beta'));
    expect(receiver.requests.find((request) => request.id === 'settlement:2027-02:beta')?.verified).toBe(true);
    await waitFor(async () => !(await tableText()).includes(secret.slice(6)), 5_000, 'the plaintext sealed');
    for (const form of forms(secret)) expect(await tableText()).not.toContain(form);
  });

  it('opens the sealed secrets again after a restart on the same data directory', async () => {
    await runtime.stop();
    runtime = await startTestRuntime({ dataDir });
    await emit(runtime, [settlement('beta', 3)]);
    await waitFor(() => receiver.accepted.get('settlement:2027-03:beta'), 20_000, 'delivery after restart');
    expect(receiver.requests.find((request) => request.id === 'settlement:2027-03:beta')?.verified).toBe(true);
  });
});
