import { FinsamError } from '@finsam/domain';
import { describe, expect, it } from 'vitest';
import { checkEndpointUrl, guardedLookup, isRefusedAddress, type Resolver } from './endpoint-guard.ts';

/** A fixed DNS, so the tests say what a name resolves to instead of asking the network. */
const dns: Record<string, string[]> = {
  'hooks.ekonomi.example': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'internal.example': ['10.1.2.3'],
  'mixed.example': ['93.184.215.14', '192.168.1.10'],
  'metadata.example': ['169.254.169.254'],
  'ula.example': ['fd00:ec2::254'],
  'mapped.example': ['::ffff:127.0.0.1'],
  'sixtofour.example': ['2002:a00:1::1'],
  'nat64.example': ['64:ff9b::5db8:d70e'],
  localhost: ['127.0.0.1', '::1'],
};
const resolve: Resolver = async (host) => {
  const found = dns[host];
  if (!found) throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return found;
};

async function fieldOfRefusal(url: string, mode: 'aws' | 'local' = 'aws') {
  try {
    await checkEndpointUrl(url, mode, resolve);
  } catch (error) {
    if (error instanceof FinsamError && error.kind === 'invalid') return error.issues.map((issue) => issue.field);
    throw error;
  }
  return undefined;
}

describe('addresses', () => {
  it.each([
    '10.0.0.1',
    '172.16.5.4',
    '192.168.0.1',
    '127.0.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd00:ec2::254',
    'fc00::1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '::ffff:93.184.215.14',
    'not-an-address',
  ])('refuses %s', (address) => expect(isRefusedAddress(address)).toBe(true));

  it.each(['93.184.215.14', '8.8.8.8', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'])(
    'allows the public address %s',
    (address) => expect(isRefusedAddress(address)).toBe(false),
  );
});

describe('endpoint URLs in AWS mode', () => {
  it('accepts an https URL that resolves to public addresses only', async () => {
    await expect(checkEndpointUrl('https://hooks.ekonomi.example/finsam', 'aws', resolve)).resolves.toBe(
      'https://hooks.ekonomi.example/finsam',
    );
  });

  it.each([
    ['private', 'https://internal.example/hook'],
    ['one private address among public ones', 'https://mixed.example/hook'],
    ['link-local (metadata)', 'https://metadata.example/latest'],
    ['unique-local IPv6', 'https://ula.example/hook'],
    ['IPv4-mapped loopback', 'https://mapped.example/hook'],
    ['loopback literal', 'https://127.0.0.1/hook'],
    ['metadata literal', 'https://169.254.169.254/latest/meta-data'],
    ['IPv6 loopback literal', 'https://[::1]/hook'],
    ['IPv4-mapped public literal', 'https://[::ffff:93.184.215.14]/hook'],
    ['IPv4-compatible literal', 'https://[::10.0.0.1]/hook'],
    ['local-use NAT64 literal', 'https://[64:ff9b:1::a00:1]/hook'],
    ['6to4 literal', 'https://[2002:a00:1::1]/hook'],
    ['a name resolving to 6to4', 'https://sixtofour.example/hook'],
    ['a name resolving to NAT64', 'https://nat64.example/hook'],
    ['localhost', 'https://localhost/hook'],
    ['plain http', 'http://hooks.ekonomi.example/hook'],
    ['another scheme', 'ftp://hooks.ekonomi.example/hook'],
    ['credentials in the URL', 'https://user:secret@hooks.ekonomi.example/hook'],
    ['a fragment', 'https://hooks.ekonomi.example/hook#x'],
    ['no URL at all', 'inte en adress'],
    ['a name that does not resolve', 'https://nowhere.example/hook'],
    ['an overlong URL', `https://hooks.ekonomi.example/${'a'.repeat(2100)}`],
  ])('refuses %s with a 400 naming url', async (_, url) => {
    expect(await fieldOfRefusal(url)).toEqual(['url']);
  });
});

describe('endpoint URLs in local mode', () => {
  it('allows plain http to localhost, 127.0.0.1 and ::1 only', async () => {
    for (const url of ['http://localhost:4000/hook', 'http://127.0.0.1:4000/hook', 'http://[::1]:4000/hook'])
      expect(await fieldOfRefusal(url, 'local'), url).toBeUndefined();
    expect(await fieldOfRefusal('http://internal.example/hook', 'local')).toEqual(['url']);
    expect(await fieldOfRefusal('https://internal.example/hook', 'local')).toEqual(['url']);
    expect(await fieldOfRefusal('http://10.0.0.1/hook', 'local')).toEqual(['url']);
  });
});

describe('the connection-time lookup', () => {
  const lookup = (host: string, mode: 'aws' | 'local', all: boolean) =>
    new Promise<unknown>((done) =>
      guardedLookup(mode, resolve)(host, { all }, (error, address) => done(error ?? address)),
    );

  it('refuses a name that now resolves to a private address (DNS rebinding)', async () => {
    expect(await lookup('internal.example', 'aws', true)).toMatchObject({ code: 'EADDRREFUSED' });
    expect(await lookup('mixed.example', 'aws', false)).toMatchObject({ code: 'EADDRREFUSED' });
    expect(await lookup('sixtofour.example', 'aws', true)).toMatchObject({ code: 'EADDRREFUSED' });
    expect(await lookup('nat64.example', 'local', true)).toMatchObject({ code: 'EADDRREFUSED' });
  });

  it('hands over the checked addresses in the form Node asks for', async () => {
    expect(await lookup('hooks.ekonomi.example', 'aws', true)).toEqual([
      { address: '93.184.215.14', family: 4 },
      { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
    ]);
    expect(await lookup('hooks.ekonomi.example', 'aws', false)).toBe('93.184.215.14');
    expect(await lookup('localhost', 'local', false)).toBe('127.0.0.1');
    expect(await lookup('localhost', 'aws', false)).toMatchObject({ code: 'EADDRREFUSED' });
  });
});
