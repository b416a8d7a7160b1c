import type { Logger } from '@aws-lambda-powertools/logger';
import type { Principal } from '@finsam/domain';
import type { Stores } from '@finsam/store';

/** What every request handler can reach, set by the middleware in app.ts. */
export interface AppEnv {
  Variables: {
    principal: Principal;
    logger: Logger;
    correlationId: string;
    stores: Stores;
    now: () => Date;
  };
}
