import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { createFinsamApp } from '../../infra/finsam-app.ts';
import type { FinsamStackProps } from '../../infra/finsam-stack.ts';
import { repository_root } from '../../infra/paths.ts';

/** The feature flags and settings `cdk synth` would pass, so the tests build what is deployed. */
const cdkContext = JSON.parse(readFileSync(join(repository_root, 'cdk.json'), 'utf8')).context as Record<
  string,
  unknown
>;

/** A path that never exists: the stack as synthesized on a fresh clone, before `npm run build:web`. */
export const no_portal_build = join(repository_root, 'test/infra/no-portal-build');

export interface SynthOptions extends FinsamStackProps {
  context?: Record<string, unknown>;
}

/**
 * Synthesizes the real app (stack, bundled Lambda, cdk-nag plugin) into a fresh directory, so
 * test files running in parallel never share a cloud assembly. Synth throws if cdk-nag reports an
 * error; warnings do not stop it, so `nagFindings` lists everything cdk-nag still reports.
 */
export function synthesize(options: SynthOptions = {}) {
  const { context, ...stackProps } = options;
  const outdir = mkdtempSync(join(tmpdir(), 'finsam-cdk-'));
  const { app, stack } = createFinsamApp({ outdir, context: { ...cdkContext, ...context } }, stackProps);
  const template = Template.fromStack(stack);
  const nagFindings = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(app).violations;
  return { app, stack, template, outdir, nagFindings };
}
