import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createApp, createJwksVerifier } from '@finsam/api';
import { createTable } from '@finsam/store';
import middy from '@middy/core';
import { handle } from 'hono/aws-lambda';
import { requiredEnvironment } from './environment.ts';

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

const app = createApp({
  table: createTable({ client, tableName: requiredEnvironment('TABLE_NAME') }),
  verifyToken: createJwksVerifier({
    jwksUrl: requiredEnvironment('JWKS_URL'),
    issuer: requiredEnvironment('TOKEN_ISSUER'),
    audience: requiredEnvironment('TOKEN_AUDIENCE'),
  }),
  logger,
});

export const handler = middy(handle(app))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }));
