import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Files the stack reads at synth time, resolved from this file rather than the working directory,
 * so `cdk synth` from the root and the tests from anywhere see the same paths.
 */
export const repository_root = fileURLToPath(new URL('..', import.meta.url));

export const paths = {
  lockFile: join(repository_root, 'package-lock.json'),
  apiHandlerEntry: join(repository_root, 'functions/src/api.ts'),
  /** The portal's build output; absent on a fresh clone until `npm run build:web`. */
  portalBuild: join(repository_root, 'web/dist'),
  /**
   * Swagger UI's files, found the way @finsam/api (which depends on swagger-ui-dist) finds them;
   * the /docs page loads them from /docs-assets on the portal's domain.
   */
  swaggerUi: dirname(
    createRequire(join(repository_root, 'packages/api/package.json')).resolve('swagger-ui-dist/package.json'),
  ),
};
