import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { generateSecret, isSecret, signature, signedHeaders } from './signing.ts';

/** The receiver's side is the `standardwebhooks` library itself: what it accepts is the spec. */
const body = JSON.stringify({ id: 'settlement:2027-03:alfa', type: 'settlement.issued', data: { amount: '1250.00' } });

describe('Standard Webhooks signing', () => {
  it('makes secrets the library accepts', () => {
    const secret = generateSecret();
    expect(isSecret(secret)).toBe(true);
    expect(() => new Webhook(secret)).not.toThrow();
    expect(generateSecret()).not.toBe(secret);
  });

  it('signs exactly as the reference library does', () => {
    const secret = generateSecret();
    const at = new Date('2027-03-05T10:00:00.750Z');
    const reference = new Webhook(secret).sign('msg_1', at, body);
    expect(signature(secret, 'msg_1', Math.floor(at.getTime() / 1000), body)).toBe(reference);
  });

  it('is verified by the library, and a tampered body, a wrong secret or an old timestamp is not', () => {
    const secret = generateSecret();
    const receiver = new Webhook(secret);
    const headers = signedHeaders([secret], 'msg_2', new Date(), body);
    expect(receiver.verify(body, { ...headers })).toMatchObject({ type: 'settlement.issued' });
    expect(() => receiver.verify(body.replace('1250.00', '9250.00'), { ...headers })).toThrow();
    expect(() => new Webhook(generateSecret()).verify(body, { ...headers })).toThrow();
    const old = signedHeaders([secret], 'msg_3', new Date(Date.now() - 6 * 60_000), body);
    expect(() => receiver.verify(body, { ...old })).toThrow(/too old/);
  });

  it('signs with both secrets during a rotation, so either one verifies', () => {
    const current = generateSecret();
    const previous = generateSecret();
    const headers = signedHeaders([current, previous], 'msg_4', new Date(), body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(current).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(previous).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(generateSecret()).verify(body, { ...headers })).toThrow();
  });

  it('refuses to sign without a secret or with something that is not one', () => {
    expect(() => signedHeaders([], 'msg_5', new Date(), body)).toThrow();
    expect(() => signature('not-a-secret', 'msg_5', 1, body)).toThrow();
  });
});
