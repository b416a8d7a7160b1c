import { describe, expect, it } from 'vitest';
import { isRefusedAddress } from './endpoint-guard.ts';
import { refused_ranges } from './refused-ranges.ts';

/**
 * Per refused range: addresses inside it, and the nearest address just outside it, which the
 * guard allows, so neither the prefix nor its length is off. `outside` is null where both
 * neighbours lie in other refused ranges (or beyond the address space).
 */
const samples: Record<string, { inside: string[]; outside: string | null }> = {
  '0.0.0.0/8': { inside: ['0.0.0.0', '0.255.255.255'], outside: '1.0.0.0' },
  '10.0.0.0/8': { inside: ['10.0.0.1', '10.255.255.255'], outside: '11.0.0.0' },
  '100.64.0.0/10': { inside: ['100.64.0.1', '100.127.255.255'], outside: '100.128.0.0' },
  '127.0.0.0/8': { inside: ['127.0.0.1', '127.255.255.254'], outside: '128.0.0.0' },
  '169.254.0.0/16': { inside: ['169.254.169.254'], outside: '169.255.0.0' },
  '172.16.0.0/12': { inside: ['172.16.5.4', '172.31.255.255'], outside: '172.32.0.0' },
  '192.0.0.0/24': { inside: ['192.0.0.8'], outside: '192.0.1.0' },
  '192.0.2.0/24': { inside: ['192.0.2.1'], outside: '192.0.3.0' },
  '192.88.99.0/24': { inside: ['192.88.99.1'], outside: '192.88.100.0' },
  '192.168.0.0/16': { inside: ['192.168.0.1'], outside: '192.169.0.0' },
  '198.18.0.0/15': { inside: ['198.18.0.1', '198.19.255.255'], outside: '198.20.0.0' },
  '198.51.100.0/24': { inside: ['198.51.100.7'], outside: '198.51.101.0' },
  '203.0.113.0/24': { inside: ['203.0.113.9'], outside: '203.0.114.0' },
  '224.0.0.0/4': { inside: ['224.0.0.1', '239.255.255.255'], outside: '223.255.255.255' },
  '240.0.0.0/4': { inside: ['240.0.0.1', '255.255.255.255'], outside: null },

  // ::10.0.0.1 and ::93.184.215.14 in the deprecated IPv4-compatible form.
  '::/96': { inside: ['::', '::1', '::a00:1', '::5db8:d70e'], outside: '::1:0:0' },
  // Mapped IPv4 is refused whatever the IPv4 address: also the public 93.184.215.14.
  '::ffff:0:0/96': {
    inside: ['::ffff:127.0.0.1', '::ffff:a9fe:a9fe', '::ffff:93.184.215.14', '::ffff:5db8:d70e'],
    outside: '::1:0:0:0',
  },
  // 64:ff9b::10.0.0.1, the metadata service, and the public 93.184.215.14.
  '64:ff9b::/96': { inside: ['64:ff9b::a00:1', '64:ff9b::a9fe:a9fe', '64:ff9b::5db8:d70e'], outside: '64:ff9b::1:0:0' },
  '64:ff9b:1::/48': { inside: ['64:ff9b:1::a00:1', '64:ff9b:1:ffff:ffff:ffff:ffff:ffff'], outside: '64:ff9b:2::' },
  '100::/64': { inside: ['100::1'], outside: '100:0:0:1::' },
  '2001::/32': { inside: ['2001:0:4136:e378:8000:63bf:3fff:fdd2'], outside: '2001:1::2' },
  '2001:2::/48': { inside: ['2001:2::1'], outside: '2001:2:1::' },
  '2001:10::/28': { inside: ['2001:10::1'], outside: '2001:f:ffff:ffff:ffff:ffff:ffff:ffff' },
  '2001:20::/28': { inside: ['2001:2f::1'], outside: '2001:30::' },
  '2001:db8::/32': { inside: ['2001:db8::1'], outside: '2001:db9::' },
  // 6to4 of 10.0.0.1 and of the public 93.184.215.14.
  '2002::/16': { inside: ['2002:a00:1::1', '2002:5db8:d70e::1'], outside: '2003::1' },
  '3fff::/20': { inside: ['3fff::1', '3fff:fff::1'], outside: '3fff:1000::' },
  '5f00::/16': { inside: ['5f00::1'], outside: '5f01::' },
  'fc00::/7': { inside: ['fc00::1', 'fd00:ec2::254'], outside: 'fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff' },
  'fe80::/10': { inside: ['fe80::1', 'fe80::1%eth0'], outside: 'fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff' },
  'fec0::/10': { inside: ['fec0::1'], outside: null },
  'ff00::/8': { inside: ['ff02::1', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'], outside: null },
};

const name = (range: { network: string; prefix: number }) => `${range.network}/${range.prefix}`;

describe('the refused ranges', () => {
  it('has samples for exactly the ranges of the table', () => {
    expect(Object.keys(samples).sort()).toEqual(refused_ranges.map(name).sort());
  });

  describe.each(refused_ranges.map((range) => [name(range), range.why] as const))('%s (%s)', (range) => {
    const { inside, outside } = samples[range] ?? { inside: [], outside: null };

    it.each(inside)('refuses %s', (address) => {
      expect(isRefusedAddress(address)).toBe(true);
      expect(isRefusedAddress(`[${address}]`)).toBe(true);
    });

    if (outside !== null)
      it(`allows ${outside}, just outside`, () => {
        expect(isRefusedAddress(outside)).toBe(false);
      });
  });

  it('allows public IPv4 and IPv6 addresses', () => {
    for (const address of ['93.184.215.14', '8.8.8.8', '1.1.1.1', '2606:2800:21f:cb07:6820:80da:af6b:8b2c', '2a00::1'])
      expect(isRefusedAddress(address), address).toBe(false);
  });

  it('refuses what is not an IP address', () => {
    for (const text of ['not-an-address', '', '10.0.0', '::ffff:10.0.0.256'])
      expect(isRefusedAddress(text), text).toBe(true);
  });
});
