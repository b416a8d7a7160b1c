/**
 * What the portal reads from /config.json at start: which sign-in it uses. In AWS the stack writes
 * the file next to the build (infra/constructs/portal-deployment.ts: region, userPoolId,
 * userPoolClientId); the local runtime serves `{ "signIn": "local" }`. A missing or unreadable
 * file is an error, not a silent fall-back to the local issuer, which does not exist in AWS.
 */
export type PortalConfig = (
  | { signIn: 'local' }
  | {
      signIn: 'cognito';
      region: string;
      userPoolId: string;
      userPoolClientId: string;
      /** Only for tests against cognito-local; absent in AWS, where the SDK finds Cognito by region. */
      endpoint?: string;
    }
) & {
  /** The local runtime's virtual business time when it answered; AWS runs on real time and leaves it out. */
  businessTime?: string;
};

export const portal_config_path = '/config.json';

/** Settings text longer than this is not ours; a real file is well under a kilobyte. */
const config_text_length_max = 4096;

export class PortalConfigError extends Error {
  override readonly name = 'PortalConfigError';
}

export function parsePortalConfig(value: unknown): PortalConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new PortalConfigError('config.json is not an object');
  const record = value as Record<string, unknown>;
  const clock = businessTimeOf(record.businessTime);
  if (record.userPoolId !== undefined) {
    const region = requiredText(record, 'region');
    const userPoolId = requiredText(record, 'userPoolId');
    const userPoolClientId = requiredText(record, 'userPoolClientId');
    const config: PortalConfig = { signIn: 'cognito', region, userPoolId, userPoolClientId, ...clock };
    if (record.endpoint === undefined) return config;
    return { ...config, endpoint: httpUrl(record.endpoint) };
  }
  if (record.signIn === 'local') return { signIn: 'local', ...clock };
  throw new PortalConfigError('config.json names neither a user pool nor the local sign-in');
}

function businessTimeOf(value: unknown): { businessTime?: string } {
  if (value === undefined) return {};
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
    throw new PortalConfigError('config.json businessTime is not a time');
  return { businessTime: value };
}

function requiredText(record: Record<string, unknown>, name: string): string {
  const text = record[name];
  if (typeof text !== 'string' || text.trim() === '') throw new PortalConfigError(`config.json lacks ${name}`);
  return text.trim();
}

function httpUrl(value: unknown): string {
  if (typeof value !== 'string') throw new PortalConfigError('config.json endpoint is not text');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PortalConfigError('config.json endpoint is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new PortalConfigError('config.json endpoint is not http(s)');
  return value.replace(/\/+$/, '');
}

/** Fetched fresh on every start: a redeploy may point at another pool. */
export async function loadPortalConfig(): Promise<PortalConfig> {
  const response = await fetch(portal_config_path, { cache: 'no-store', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new PortalConfigError(`config.json answered ${response.status}`);
  const text = await response.text();
  if (text.length > config_text_length_max) throw new PortalConfigError('config.json is too long');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new PortalConfigError('config.json is not JSON');
  }
  return parsePortalConfig(parsed);
}
