import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { invalid } from '@finsam/domain';

/**
 * The SSRF guard. A webhook URL is chosen by a user, and the sender runs inside our network, so
 * a URL must never make us call ourselves, the VPC, or the instance metadata service. Names are
 * resolved and every address checked; the sender connects only to an address that passed the
 * check (see `guardedLookup`), so a name that resolves differently later (DNS rebinding) is
 * caught at delivery time as well as at registration.
 */
export type EndpointMode = 'aws' | 'local';

/** Longest endpoint URL accepted. */
export const endpoint_url_length_max = 2048;
/** Hosts the local runtime may call over plain HTTP, for a receiver on the same machine. */
export const local_hosts = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

const refused = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, incl. the metadata service 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, incl. broadcast
] as const)
  refused.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b::', 96], // NAT64: reaches IPv4 space we cannot check here
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local (ULA), incl. the metadata service fd00:ec2::254
  ['fe80::', 10], // link-local
  ['fec0::', 10], // old site-local
  ['ff00::', 8], // multicast
] as const)
  refused.addSubnet(network, prefix, 'ipv6');

/** IPv4 written inside IPv6 (`::ffff:10.0.0.1`) is judged as the IPv4 address it is. */
function embeddedIpv4(address: string): string | undefined {
  const match = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return match?.[1];
}

/** True when the address is private, loopback, link-local, unique-local, reserved or multicast. */
export function isRefusedAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const v4 = embeddedIpv4(bare);
  if (v4) return refused.check(v4, 'ipv4');
  const family = isIP(bare);
  if (family === 0) return true;
  return refused.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

const isLocalHost = (hostname: string, mode: EndpointMode) => mode === 'local' && local_hosts.has(hostname);

/** Whether an address may be connected to for this host name in this mode. */
export function addressAllowed(address: string, hostname: string, mode: EndpointMode): boolean {
  if (isLocalHost(hostname, mode)) return true;
  return !isRefusedAddress(address);
}

export type Resolver = (hostname: string) => Promise<string[]>;

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses.map((entry) => entry.address)),
    ),
  );

const urlIssue = (message: string) => invalid('Adressen kan inte användas för webhooks.', [{ field: 'url', message }]);

/**
 * Checks an endpoint URL as a user registers it: syntax, scheme, no credentials, and every
 * address the host resolves to. Returns the normalized URL; throws a 400 naming `url`.
 */
export async function checkEndpointUrl(text: string, mode: EndpointMode, resolve: Resolver = systemResolver) {
  if (text.length > endpoint_url_length_max) throw urlIssue(`Högst ${endpoint_url_length_max} tecken.`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw urlIssue('Ogiltig URL.');
  }
  const hostname = url.hostname;
  if (url.username || url.password) throw urlIssue('Användarnamn och lösenord hör inte hemma i adressen.');
  if (url.hash) throw urlIssue('Adressen får inte ha ett fragment (#).');
  if (url.protocol === 'http:') {
    if (!isLocalHost(hostname, mode)) throw urlIssue('Adressen måste börja med https://.');
  } else if (url.protocol !== 'https:') throw urlIssue('Adressen måste börja med https://.');
  if (!isLocalHost(hostname, mode)) {
    let addresses: string[];
    try {
      addresses = isIP(hostname.replace(/^\[|\]$/g, '')) ? [hostname] : await resolve(hostname);
    } catch {
      throw urlIssue(`Värden ${hostname} kunde inte slås upp i DNS.`);
    }
    if (addresses.length === 0) throw urlIssue(`Värden ${hostname} kunde inte slås upp i DNS.`);
    if (addresses.some(isRefusedAddress))
      throw urlIssue('Adressen pekar på ett privat, lokalt eller reserverat nät och får inte användas.');
  }
  return url.toString();
}

type LookupAddress = { address: string; family: number };
type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:http(s) that refuses to connect to a forbidden address. Node calls it for
 * every new connection (never for an IP literal: `checkDestination` covers those), so the
 * address checked is the address connected to. Node 20 asks for all addresses (`all: true`) to
 * race IPv4 and IPv6; every one of them must pass.
 */
export function guardedLookup(mode: EndpointMode, resolve: Resolver = systemResolver) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    resolve(hostname).then(
      (addresses) => {
        if (addresses.length === 0 || addresses.some((address) => !addressAllowed(address, hostname, mode))) {
          const error: NodeJS.ErrnoException = new Error(`address of ${hostname} refused by the SSRF guard`);
          error.code = 'EADDRREFUSED';
          callback(error, options?.all ? [] : '', 0);
          return;
        }
        if (options?.all)
          callback(
            null,
            addresses.map((address) => ({ address, family: isIP(address) })),
          );
        else callback(null, addresses[0] as string, isIP(addresses[0] as string));
      },
      (error: NodeJS.ErrnoException) => callback(error, options?.all ? [] : '', 0),
    );
  };
}

/** Before a delivery: an IP-literal host is checked here, since no lookup happens for it. */
export function checkDestination(url: URL, mode: EndpointMode): string | undefined {
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLocalHost(url.hostname, mode)))
    return 'scheme refused';
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(literal) && !addressAllowed(literal, url.hostname, mode)) return 'address refused by the SSRF guard';
  return undefined;
}
