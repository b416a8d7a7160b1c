import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReceiverTls } from '../../support/webhook-receiver.ts';

/**
 * A member's finance system on a public name with a certificate for it, as in AWS, where the
 * delivery function only sends to https addresses that resolve to public networks. The
 * certificate is self-signed by openssl for the name; the functions trust it through
 * NODE_EXTRA_CA_CERTS (`caFile`), which Node reads when the process starts.
 */
export function receiverCertificate(hostname: string): ReceiverTls & { caFile: string } {
  const directory = mkdtempSync(join(tmpdir(), 'finsam-receiver-'));
  const [key, cert] = [join(directory, 'key.pem'), join(directory, 'cert.pem')];
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-keyout', key, '-out', cert].concat([
      '-subj',
      `/CN=${hostname}`,
      '-addext',
      `subjectAltName=DNS:${hostname}`,
    ]),
    { stdio: 'ignore' },
  );
  return { hostname, key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8'), caFile: cert };
}
