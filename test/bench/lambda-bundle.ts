/**
 * The API Lambda bundle (issue 2): its size (raw, gzip) as CDK's esbuild step produces it, and
 * its cold import time in a fresh Node process, the way Lambda loads it. Prints; asserts nothing.
 * Run: npx tsx test/bench/lambda-bundle.ts [cold-starts=10]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { no_portal_build, synthesize } from '../infra/synth.ts';
import { percentile } from './stats.ts';

const coldStarts = Number(process.argv[2] ?? 10);
const { template, outdir } = synthesize({ portalBuildPath: no_portal_build });
const functions = template.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs22.x' } });

const rows = [];
for (const [logicalId, resource] of Object.entries(functions)) {
  const assetHash = String(resource.Properties.Code.S3Key).replace(/\.zip$/, '');
  const bundle = join(outdir, `asset.${assetHash}`, 'index.mjs');
  const bytes = readFileSync(bundle);
  const importMs: number[] = [];
  for (let run = 0; run < coldStarts; run++) {
    const output = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        'const t = performance.now(); await import(process.argv[1]); console.log(performance.now() - t);',
        bundle,
      ],
      {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          AWS_REGION: 'eu-north-1',
          TABLE_NAME: 'finsam',
          JWKS_URL: 'https://issuer.invalid/.well-known/jwks.json',
          TOKEN_ISSUER: 'https://issuer.invalid',
          TOKEN_AUDIENCE: 'portal-client',
          POWERTOOLS_SERVICE_NAME: 'finsam-api',
          POWERTOOLS_METRICS_NAMESPACE: 'Finsam',
          PLANNING_STATE_MACHINE_ARN: 'arn:aws:states:eu-north-1:123456789012:stateMachine:planning',
          CLOSING_STATE_MACHINE_ARN: 'arn:aws:states:eu-north-1:123456789012:stateMachine:closing',
        },
      },
    );
    importMs.push(Number(output.trim().split('\n').at(-1)));
  }
  importMs.sort((a, b) => a - b);
  rows.push({
    function: logicalId.replace(/[0-9A-F]{8}$/, ''),
    bundleKiB: Math.round(bytes.length / 1024),
    gzipKiB: Math.round(gzipSync(bytes).length / 1024),
    coldImportP50Ms: Number(percentile(importMs, 0.5).toFixed(1)),
    coldImportMaxMs: Number((importMs.at(-1) as number).toFixed(1)),
  });
}
console.table(rows);
