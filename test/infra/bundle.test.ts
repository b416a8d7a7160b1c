import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { no_portal_build, synthesize } from './synth.ts';

let bundleDirectory: string;

beforeAll(() => {
  const { template, outdir } = synthesize({ portalBuildPath: no_portal_build });
  // Several functions run Node.js 24 (API, cycle task, cycle daily); the API is the one of its service.
  const [apiFunction, ...others] = Object.values(
    template.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: { POWERTOOLS_SERVICE_NAME: 'finsam-api' } } },
    }),
  );
  if (others.length > 0) throw new Error('more than one API function in the template');
  // The function's code is the staged asset whose hash names both the zip key and the directory.
  const assetHash = String(apiFunction!.Properties.Code.S3Key).replace(/\.zip$/, '');
  bundleDirectory = join(outdir, `asset.${assetHash}`);
});

/** Marks the handler's result among the logs the function writes. */
const result_marker = 'HANDLER_RESULT ';

/** Loads the bundle the way Lambda does (a fresh Node process, ESM) and sends it one event. */
function invokeBundle(path: string) {
  const script = `
    const { handler } = await import(process.argv[1]);
    const event = {
      version: '2.0', routeKey: 'GET ${path}', rawPath: '${path}', rawQueryString: '', isBase64Encoded: false,
      headers: { host: 'api.example' },
      requestContext: { requestId: 'request-1', stage: '$default', routeKey: 'GET ${path}', domainName: 'api.example',
        http: { method: 'GET', path: '${path}', protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' } },
    };
    const context = { functionName: 'finsam-api', awsRequestId: 'request-1', memoryLimitInMB: '1024',
      invokedFunctionArn: 'arn:aws:lambda:eu-north-1:123456789012:function:finsam-api',
      getRemainingTimeInMillis: () => 10_000 };
    process.stdout.write('\\n${result_marker}' + JSON.stringify(await handler(event, context)) + '\\n');`;
  const output = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', script, join(bundleDirectory, 'index.mjs')],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        AWS_REGION: 'eu-north-1',
        TABLE_NAME: 'finsam',
        // Never fetched: neither request below carries a token.
        JWKS_URL: 'https://issuer.invalid/.well-known/jwks.json',
        TOKEN_ISSUER: 'https://issuer.invalid',
        TOKEN_AUDIENCE: 'portal-client',
        USER_POOL_ID: 'eu-north-1_example',
        POWERTOOLS_SERVICE_NAME: 'finsam-api',
        POWERTOOLS_METRICS_NAMESPACE: 'Finsam',
      },
    },
  );
  const result = output.split('\n').find((line) => line.startsWith(result_marker));
  return JSON.parse(result!.slice(result_marker.length));
}

describe('api bundle', () => {
  it('exists as a minified ESM file, without a source map to load at every cold start', () => {
    expect(statSync(join(bundleDirectory, 'index.mjs')).size).toBeGreaterThan(0);
    expect(readdirSync(bundleDirectory).filter((name) => name.endsWith('.map'))).toEqual([]);
  });

  it('keeps the PDF and spreadsheet renderers out of index.mjs, in a file of their own', () => {
    const index = readFileSync(join(bundleDirectory, 'index.mjs'), 'utf8');
    expect(index).toContain('import("#renderers")');
    expect(index).not.toContain('PDFDocument');
    expect(index).not.toContain('ExcelJS');
    expect(statSync(join(bundleDirectory, 'renderers.mjs')).size).toBeGreaterThan(0);
  });

  it('renders a PDF and an xlsx through the lazily imported renderers', () => {
    const script = `
      const { renderPdf, renderXlsx } = await import('#renderers');
      const document = { title: 'Prov', organisation: { name: 'Samordningsförbundet Prov', organisationsnummer: '222000-0000' },
        generatedAt: '2026-12-05T10:00:00Z', sections: [{ heading: 'Rader', columns: [{ key: 'a', label: 'A', kind: 'text' }], rows: [{ a: 'Å' }] }] };
      const pdf = Buffer.from(await renderPdf(document)).subarray(0, 5).toString('latin1');
      const xlsx = Buffer.from(await renderXlsx(document)).subarray(0, 2).toString('latin1');
      process.stdout.write(pdf + ' ' + xlsx);`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: bundleDirectory,
    });
    expect(output).toBe('%PDF- PK');
  });

  it('loads as ESM and answers the public health check', () => {
    const response = invokeBundle('/api/health');
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' });
  });

  it('refuses a tenant route without a token, as problem+json', () => {
    const response = invokeBundle('/api/forbund');
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it("resolves pdfkit's standard fonts the way pdfkit does inside the bundle", () => {
    // pdfkit calls createRequire(import.meta.url)('#standard-fonts/…'); import.meta.url is renderers.mjs.
    const script = `
      import { createRequire } from 'node:module';
      const font = createRequire(process.argv[1])('#standard-fonts/Helvetica');
      process.stdout.write((font.default ?? font).name);`;
    const output = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', script, join(bundleDirectory, 'renderers.mjs')],
      {
        encoding: 'utf8',
      },
    );
    expect(output).toBe('Helvetica');
  });
});
