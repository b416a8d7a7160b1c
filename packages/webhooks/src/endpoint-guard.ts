import { lookup as dnsLookup } from 'node:dns';
import { isIP } from 'node:net';
import { invalid } from '@finsam/domain';
import { inRefusedRange } from './refused-ranges.ts';

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

/**
 * True when the address is in a refused range (`refused-ranges.ts`): private, loopback,
 * link-local, unique-local, reserved, multicast, or an IPv6 form that carries an IPv4 address.
 * Anything that is not an IP address is refused too.
 */
export function isRefusedAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 0) return true;
  return inRefusedRange(bare, family === 4 ? 'ipv4' : 'ipv6');
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
