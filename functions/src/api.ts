import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SFNClient } from '@aws-sdk/client-sfn';
import { createApp, createCognitoIdentityProvider, createJwksVerifier } from '@finsam/api';
import { completeSatisfiedSteps } from '@finsam/cycle';
import { createStores, createTable } from '@finsam/store';
import middy from '@middy/core';
import { handle } from 'hono/aws-lambda';
import { isBinaryContentType } from './binary-responses.ts';
import { awsDocumentLinks, loadDocumentLinkKey } from './document-link-key.ts';
import { requiredEnvironment } from './environment.ts';
import { createSendTaskSuccess } from './step-functions.ts';
import { awsSecretSealer } from './webhook-secrets.ts';

/**
 * The HTTP API's Lambda: an adapter from API Gateway events to the Hono app, nothing more.
 * Everything below is module scope so it runs once per cold start and warm requests reuse the
 * DynamoDB connection pool and the cached JWKS.
 */

/**
 * The function times out after 10 s (infra/constructs/api-function.ts). Three attempts of at most
 * 2.5 s each leave room to answer, so a slow table becomes the app's problem+json response rather
 * than a timed-out invocation, which API Gateway turns into a bare 500.
 */
const dynamodb_attempts_max = 3;
const dynamodb_request_timeout_ms = 2_500;
const dynamodb_connection_timeout_ms = 1_000;
/**
 * Completing a waiting step is one short call per waiting token (a few a year per förbund). It
 * gets little time: if Step Functions is slow, the daily cycle run completes the step instead.
 */
const step_functions_attempts_max = 2;
const step_functions_request_timeout_ms = 1_000;
/**
 * An invitation is one AdminCreateUser, one AdminAddUserToGroup per role and, if a group fails,
 * one AdminDeleteUser, one after another. With two roles that is four calls of two attempts of at
 * most 1 s each, inside the function's 10 s: a slow Cognito becomes an error response, not a timeout.
 */
const cognito_attempts_max = 2;
const cognito_request_timeout_ms = 1_000;

const logger = new Logger();
// Metrics warns on every invocation that records no application metric; until routes record
// their own, that warning is noise, so its logger reports errors only.
const metrics = new Metrics({ logger: logger.createChild({ logLevel: 'ERROR' }) });

const client = new DynamoDBClient({
  maxAttempts: dynamodb_attempts_max,
  requestHandler: {
    requestTimeout: dynamodb_request_timeout_ms,
    connectionTimeout: dynamodb_connection_timeout_ms,
  },
});

// Pagination cursors are sealed under a key derived (HKDF, own label) from the document-link secret
// both functions already read, so a cursor one instance made opens in another.
const table = createTable({
  client,
  tableName: requiredEnvironment('TABLE_NAME'),
  cursorKeyMaterial: loadDocumentLinkKey,
});
const cycleDeps = { stores: createStores(table), now: () => new Date() };
const sendTaskSuccess = createSendTaskSuccess(
  new SFNClient({
    maxAttempts: step_functions_attempts_max,
    requestHandler: {
      requestTimeout: step_functions_request_timeout_ms,
      connectionTimeout: step_functions_request_timeout_ms,
    },
  }),
  logger,
);
const identityProvider = createCognitoIdentityProvider({
  client: new CognitoIdentityProviderClient({
    maxAttempts: cognito_attempts_max,
    requestHandler: {
      requestTimeout: cognito_request_timeout_ms,
      connectionTimeout: cognito_request_timeout_ms,
    },
  }),
  userPoolId: requiredEnvironment('USER_POOL_ID'),
});

/**
 * After a person's step (samråd answer, adoption, audit report, discharge) the state machines'
 * waiting tasks whose condition now holds are completed. The person's record is already written,
 * so a failure here must not fail their request: the daily cycle run completes the step.
 */
async function onHumanStep(forbundId: string, year: number) {
  try {
    await completeSatisfiedSteps(cycleDeps, sendTaskSuccess, forbundId, year);
  } catch (error) {
    logger.error('waiting steps not completed now; the daily cycle run completes them', { forbundId, year, error });
    metrics.addMetric('CycleCompletionDeferred', MetricUnit.Count, 1);
  }
}

const app = createApp({
  table,
  verifyToken: createJwksVerifier({
    jwksUrl: requiredEnvironment('JWKS_URL'),
    issuer: requiredEnvironment('TOKEN_ISSUER'),
    audience: requiredEnvironment('TOKEN_AUDIENCE'),
  }),
  logger,
  onHumanStep,
  identityProvider,
  webhooks: {
    endpointMode: 'aws',
    documentLinks: awsDocumentLinks,
    secretSealer: awsSecretSealer,
    // Read late: loading the bundle needs no environment beyond the table (test/infra/bundle).
    publicBaseUrl: () => requiredEnvironment('PUBLIC_BASE_URL'),
  },
});

export const handler = middy(handle(app, { isContentTypeBinary: isBinaryContentType }))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }));
