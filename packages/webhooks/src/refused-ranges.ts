import { BlockList } from 'node:net';

/**
 * Every network the SSRF guard refuses, in one table: a webhook is never sent to an address in
 * one of these. They are the special-purpose ranges of IANA's IPv4 and IPv6 registries that are
 * not globally reachable, plus every IPv6 range that carries or reaches an IPv4 address (the
 * transition ranges), since such an address would let a URL reach an IPv4 network this table
 * refuses by a way round it. Each entry has a test in `refused-ranges.test.ts` with an address
 * inside and one just outside.
 */
export interface RefusedRange {
  network: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
  why: string;
}

const v4 = (network: string, prefix: number, why: string): RefusedRange => ({ network, prefix, family: 'ipv4', why });
const v6 = (network: string, prefix: number, why: string): RefusedRange => ({ network, prefix, family: 'ipv6', why });

export const refused_ranges: readonly RefusedRange[] = [
  v4('0.0.0.0', 8, '"this network"'),
  v4('10.0.0.0', 8, 'private'),
  v4('100.64.0.0', 10, 'carrier-grade NAT'),
  v4('127.0.0.0', 8, 'loopback'),
  v4('169.254.0.0', 16, 'link-local, incl. the metadata service 169.254.169.254'),
  v4('172.16.0.0', 12, 'private'),
  v4('192.0.0.0', 24, 'IETF protocol assignments'),
  v4('192.0.2.0', 24, 'documentation'),
  v4('192.88.99.0', 24, '6to4 relay anycast (deprecated, RFC 7526)'),
  v4('192.168.0.0', 16, 'private'),
  v4('198.18.0.0', 15, 'benchmarking'),
  v4('198.51.100.0', 24, 'documentation'),
  v4('203.0.113.0', 24, 'documentation'),
  v4('224.0.0.0', 4, 'multicast'),
  v4('240.0.0.0', 4, 'reserved, incl. broadcast 255.255.255.255'),

  v6('::', 96, 'IPv4-compatible (deprecated), incl. the unspecified :: and loopback ::1'),
  v6('::ffff:0:0', 96, 'IPv4-mapped: the host stack connects to the IPv4 address inside'),
  // The well-known NAT64 prefix is refused whole, also when the IPv4 address inside is public.
  // Our senders have no DNS64 (Lambda outside a VPC, the local runtime on a workstation), so such
  // an address comes only from a URL or DNS record someone chose; and where a NAT64 does exist,
  // the translator, not this guard, decides what is reached. Judging the embedded address would
  // rest on every translator keeping RFC 6052's rule against non-global IPv4 behind this prefix.
  v6('64:ff9b::', 96, 'NAT64, well-known prefix (RFC 6052)'),
  v6('64:ff9b:1::', 48, 'NAT64, local-use prefix (RFC 8215): translated inside a network'),
  v6('100::', 64, 'discard-only'),
  v6('2001::', 32, 'Teredo: tunnels to an IPv4 address'),
  v6('2001:2::', 48, 'benchmarking'),
  v6('2001:10::', 28, 'ORCHID (deprecated)'),
  v6('2001:20::', 28, 'ORCHIDv2'),
  v6('2001:db8::', 32, 'documentation'),
  v6('2002::', 16, '6to4: tunnels to the IPv4 address inside'),
  v6('3fff::', 20, 'documentation (RFC 9637)'),
  v6('5f00::', 16, 'SRv6 segment identifiers (RFC 9602)'),
  v6('fc00::', 7, 'unique local (ULA), incl. the metadata service fd00:ec2::254'),
  v6('fe80::', 10, 'link-local'),
  v6('fec0::', 10, 'site-local (deprecated)'),
  v6('ff00::', 8, 'multicast'),
];

/**
 * One BlockList per family. Node checks an IPv4 address against an IPv6 rule as its mapped form
 * (`::ffff:a.b.c.d`), so a single list holding `::ffff:0:0/96` would refuse every IPv4 address.
 */
const lists = { ipv4: new BlockList(), ipv6: new BlockList() };
for (const range of refused_ranges) lists[range.family].addSubnet(range.network, range.prefix, range.family);

/** Whether an address of the given family lies in a refused range. */
export const inRefusedRange = (address: string, family: 'ipv4' | 'ipv6') => lists[family].check(address, family);
