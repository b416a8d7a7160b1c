import { docs_start_path } from '@finsam/api';
import { Aws, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { Auth } from './auth.ts';

/**
 * Paths anyone may call, as served by @finsam/api: the OpenAPI document and its page at the root,
 * the health check under the API prefix. Everything else needs a valid Cognito ID token.
 */
export const public_paths = ['/openapi.json', '/docs', docs_start_path, '/api/health'] as const;

/**
 * Documents behind the signed links in members' events (@finsam/webhooks document-links): their
 * finance systems call them without a token, so API Gateway must not ask for one. Exactly this
 * path and method; the app verifies the link's signature before it reads anything.
 */
export const signed_document_path = '/api/forbund/{forbundId}/documents/{documentId}';

/**
 * A whole country of förbund makes a few requests per second at month end; these bounds leave
 * ample room for that and cap what a runaway client or a flood can cost.
 */
const throttle_rate_limit_per_second = 50;
const throttle_burst_limit = 100;
/** Access logs answer "who called what, when"; a fiscal year plus the closing months. */
const access_log_retention = RetentionDays.EIGHTEEN_MONTHS;

export interface ApiProps {
  handler: IFunction;
  auth: Auth;
}

/** The HTTP API in front of the API Lambda: JWT authorizer on Cognito, throttling, access logs. */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    // No default stage from HttpApi: its props take neither throttling nor access logging.
    // Named after the stack, so each stage's API is told apart in the console.
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `${Stack.of(this).stackName}-api`,
      createDefaultStage: false,
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: access_log_retention });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: throttle_rate_limit_per_second, burstLimit: throttle_burst_limit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            method: '$context.httpMethod',
            route: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            subject: '$context.authorizer.claims.sub',
            authorizerError: '$context.authorizer.error',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    // The authorizer rejects requests without a valid token before they cost a Lambda
    // invocation; the function still verifies the token itself (same code path as locally).
    const authorizer = new HttpJwtAuthorizer('CognitoAuthorizer', props.auth.issuerUrl, {
      jwtAudience: [props.auth.client.userPoolClientId],
    });
    const integration = new HttpLambdaIntegration('ApiIntegration', props.handler);

    this.httpApi.addRoutes({ path: '/{proxy+}', methods: [HttpMethod.ANY], integration, authorizer });
    for (const path of public_paths) {
      const [route] = this.httpApi.addRoutes({ path, methods: [HttpMethod.GET], integration });
      Validations.of(route!).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: `${path} is public by design (API documentation or health check) and reads no tenant data.`,
      });
    }
    // More specific than /{proxy+}, so API Gateway picks this route for it and no other path.
    const [signedDocuments] = this.httpApi.addRoutes({
      path: signed_document_path,
      methods: [HttpMethod.GET],
      integration,
    });
    Validations.of(signedDocuments!).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Members’ finance systems open the documents of their events without a user token: each request is ' +
        'authorized in the app by the link’s HMAC signature over förbund, member, document and expiry, checked ' +
        'before anything is read, and then by that member’s right to the document.',
    });
  }

  /** The API's host name, for CloudFront to use it as an origin. */
  get domainName(): string {
    return `${this.httpApi.apiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`;
  }
}
