import { describe, expect, it } from 'vitest';
import { envelopeSealer, localKeyProvider } from './secret-sealer.ts';
import { generateSecret } from './signing.ts';

const masterKey = new Uint8Array(32).fill(11);
const sealer = envelopeSealer(localKeyProvider(async () => masterKey));
const owner = { forbundId: 'exempeldalen', memberId: 'alfa', subscriptionId: '01JAAAAAAAAAAAAAAAAAAAAAAA' };

describe('the envelope sealer', () => {
  it('opens what it sealed, and the sealed form holds none of the secret', async () => {
    const secret = generateSecret();
    const sealed = await sealer.seal(secret, owner);
    expect(await sealer.open(sealed, owner)).toBe(secret);
    const stored = JSON.stringify(sealed);
    const raw = Buffer.from(secret.slice('whsec_'.length), 'base64');
    for (const form of [secret, secret.slice(6), raw.toString('hex'), raw.toString('base64url')])
      expect(stored).not.toContain(form);
  });

  it('gives every secret its own data key and nonce', async () => {
    const secret = generateSecret();
    const [first, second] = [await sealer.seal(secret, owner), await sealer.seal(secret, owner)];
    expect(first.encryptedKey).not.toBe(second.encryptedKey);
    expect(first.ciphertext).not.toBe(second.ciphertext);
  });

  it('refuses a sealed secret moved to another subscription, member or förbund, or changed', async () => {
    const sealed = await sealer.seal(generateSecret(), owner);
    for (const other of [
      { ...owner, subscriptionId: '01JBBBBBBBBBBBBBBBBBBBBBBB' },
      { ...owner, memberId: 'beta' },
      { ...owner, forbundId: 'andra' },
    ])
      await expect(sealer.open(sealed, other)).rejects.toThrow();
    const flipped = Buffer.from(sealed.ciphertext, 'base64');
    flipped[0] = (flipped[0] as number) ^ 1;
    await expect(sealer.open({ ...sealed, ciphertext: flipped.toString('base64') }, owner)).rejects.toThrow();
  });

  it('opens nothing under another master key, and refuses a key of the wrong length', async () => {
    const sealed = await sealer.seal(generateSecret(), owner);
    const stranger = envelopeSealer(localKeyProvider(async () => new Uint8Array(32).fill(12)));
    await expect(stranger.open(sealed, owner)).rejects.toThrow();
    const short = envelopeSealer(localKeyProvider(async () => new Uint8Array(16)));
    await expect(short.seal(generateSecret(), owner)).rejects.toThrow(/32 bytes/);
  });
});
