import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { reconcile_outbox_task } from '@finsam/webhooks';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { no_portal_build, synthesize } from './synth.ts';

/** The webhook path in the template: stream → pipe → queue → delivery Lambda, a minute's sweep, DLQs. */
let template: Template;
let outdir: string;
/** CloudFormation JSON, untyped as `Template.toJSON()` gives it. */
type Json = ReturnType<Template['toJSON']>;
let resources: Record<string, { Type: string; Properties: Json }>;

beforeAll(() => {
  ({ template, outdir } = synthesize({ portalBuildPath: no_portal_build }));
  resources = template.toJSON().Resources;
});

/** The one resource of a type in the Webhooks construct (logical ids start with its id) that matches. */
const logicalIdOf = (type: string, match: (properties: Json) => boolean, construct = 'Webhooks') => {
  const found = Object.entries(resources).filter(
    ([id, r]) => id.startsWith(construct) && r.Type === type && match(r.Properties ?? {}),
  );
  expect(found, type).toHaveLength(1);
  return found[0]![0];
};
const deliveryFunctionId = () =>
  logicalIdOf('AWS::Lambda::Function', (p) => p.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'finsam-webhooks');
const deadLetterQueueId = () => logicalIdOf('AWS::SQS::Queue', (p) => !p.RedrivePolicy && p.MessageRetentionPeriod);
const eventQueueId = () => logicalIdOf('AWS::SQS::Queue', (p) => Boolean(p.RedrivePolicy));

describe('webhook queues', () => {
  it('has an encrypted event queue that dead-letters after five receives', () => {
    const queue = resources[eventQueueId()]!.Properties;
    expect(queue.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [deadLetterQueueId(), 'Arn'] },
      maxReceiveCount: 5,
    });
    expect(queue.VisibilityTimeout).toBe(360);
    expect(queue.SqsManagedSseEnabled).toBe(true);
    expect(resources[deadLetterQueueId()]!.Properties.MessageRetentionPeriod).toBe(14 * 24 * 60 * 60);
  });

  it('refuses plain-HTTP access to both queues', () => {
    for (const queue of [eventQueueId(), deadLetterQueueId()])
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queue }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
  });

  it('alarms when anything waits in the dead-letter queue', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [deadLetterQueueId(), 'QueueName'] } }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });
});

describe('table stream to queue', () => {
  it('pipes only inserted outbox events, bisecting failures and dead-lettering after retries', () => {
    const properties = resources[logicalIdOf('AWS::Pipes::Pipe', () => true)]!.Properties;
    expect(properties.Source).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^DataTable/), 'StreamArn'] });
    expect(properties.Target).toEqual({ 'Fn::GetAtt': [eventQueueId(), 'Arn'] });
    const source = properties.SourceParameters;
    expect(JSON.parse(source.FilterCriteria.Filters[0].Pattern)).toEqual({
      eventName: ['INSERT'],
      dynamodb: { NewImage: { kind: { S: ['event'] } } },
    });
    expect(source.DynamoDBStreamParameters).toMatchObject({
      StartingPosition: 'LATEST',
      MaximumRetryAttempts: 10,
      OnPartialBatchItemFailure: 'AUTOMATIC_BISECT',
      DeadLetterConfig: { Arn: { 'Fn::GetAtt': [deadLetterQueueId(), 'Arn'] } },
    });
  });
});

describe('delivery function', () => {
  it('runs Node.js 24 on arm64 with the table, the link key and the public origin', () => {
    const fn = resources[deliveryFunctionId()]!.Properties;
    expect(fn).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Timeout: 60, MemorySize: 512 });
    expect(fn.DeadLetterConfig).toEqual({ TargetArn: { 'Fn::GetAtt': [deadLetterQueueId(), 'Arn'] } });
    const variables = fn.Environment.Variables;
    expect(variables.TABLE_NAME).toEqual({ Ref: expect.stringMatching(/^DataTable/) });
    expect(variables.DOCUMENT_LINK_KEY_SECRET_ARN).toEqual({ Ref: expect.stringMatching(/DocumentLinkKey/) });
    expect(JSON.stringify(variables.PUBLIC_BASE_URL)).toContain('DomainName');
  });

  it('consumes the queue in batches, reporting failed messages one by one, with bounded concurrency', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: deliveryFunctionId() },
      EventSourceArn: { 'Fn::GetAtt': [eventQueueId(), 'Arn'] },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 10 },
    });
  });

  it('is invoked every minute by EventBridge Scheduler for due retries, with a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 minute)',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [deliveryFunctionId(), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [deadLetterQueueId(), 'Arn'] } },
      }),
    });
  });

  it('reconciles the outbox every ten minutes, naming the task the handler knows', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(10 minutes)',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [deliveryFunctionId(), 'Arn'] },
        Input: JSON.stringify({ task: reconcile_outbox_task }),
        RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 600 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [deadLetterQueueId(), 'Arn'] } },
      }),
    });
  });

  it('does not retry a failed asynchronous sweep', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: deliveryFunctionId() },
      MaximumRetryAttempts: 0,
    });
  });
});

describe('document link key', () => {
  it('is a generated secret that both the delivery and the API function may read', () => {
    const secretId = logicalIdOf('AWS::SecretsManager::Secret', () => true);
    const readers = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .filter((r) =>
        r.Properties.PolicyDocument.Statement.some(
          (statement: { Action: string | string[]; Resource: unknown }) =>
            [statement.Action].flat().includes('secretsmanager:GetSecretValue') &&
            JSON.stringify(statement.Resource) === JSON.stringify({ Ref: secretId }),
        ),
      );
    expect(readers).toHaveLength(2);
    const apiFunction = logicalIdOf(
      'AWS::Lambda::Function',
      (p) => p.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'finsam-api',
      'ApiFunction',
    );
    expect(resources[apiFunction]!.Properties.Environment.Variables.DOCUMENT_LINK_KEY_SECRET_ARN).toEqual({
      Ref: secretId,
    });
  });
});

describe('signing secret key', () => {
  it('is a retained KMS key with rotation, that the API and the delivery function may seal and open with', () => {
    const keyId = logicalIdOf('AWS::KMS::Key', () => true);
    expect(resources[keyId]!.Properties.EnableKeyRotation).toBe(true);
    expect((template.toJSON().Resources[keyId] as { DeletionPolicy: string }).DeletionPolicy).toBe('Retain');
    const keyArn = { 'Fn::GetAtt': [keyId, 'Arn'] };
    const grantees = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .filter((r) =>
        r.Properties.PolicyDocument.Statement.some(
          (statement: { Action: string | string[]; Resource: unknown }) =>
            JSON.stringify([statement.Action].flat().sort()) ===
              JSON.stringify(['kms:Decrypt', 'kms:GenerateDataKey']) &&
            JSON.stringify(statement.Resource) === JSON.stringify(keyArn),
        ),
      );
    expect(grantees).toHaveLength(2);
    const apiFunction = logicalIdOf(
      'AWS::Lambda::Function',
      (p) => p.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'finsam-api',
      'ApiFunction',
    );
    for (const fn of [apiFunction, deliveryFunctionId()])
      expect(resources[fn]!.Properties.Environment.Variables.WEBHOOK_SECRET_KEY_ARN).toEqual(keyArn);
  });
});

describe('signed document links', () => {
  const routes = () =>
    Object.values(resources)
      .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
      .map((r) => r.Properties as { RouteKey: string; AuthorizationType?: string });

  it('reach the API without its authorizer on exactly the document path, everything else under /api still needs a token', () => {
    const open = routes().filter((route) => (route.AuthorizationType ?? 'NONE') === 'NONE');
    const documentRoutes = open.filter((route) => route.RouteKey.includes('/documents/'));
    expect(documentRoutes.map((route) => route.RouteKey)).toEqual([
      'GET /api/forbund/{forbundId}/documents/{documentId}',
    ]);
    expect(open.filter((route) => route.RouteKey.includes('{proxy+}'))).toEqual([]);
    expect(routes().find((route) => route.RouteKey === 'ANY /{proxy+}')?.AuthorizationType).toBe('JWT');
  });

  it('are forwarded by CloudFront to the API with their query, and never cached', () => {
    const distribution = resources[logicalIdOf('AWS::CloudFront::Distribution', () => true, 'Portal')]!.Properties;
    const behavior = distribution.DistributionConfig.CacheBehaviors.find(
      (candidate: { PathPattern: string }) => candidate.PathPattern === '/api/*',
    );
    expect(behavior.TargetOriginId).not.toBe(distribution.DistributionConfig.DefaultCacheBehavior.TargetOriginId);
    // AWS managed policies: CachingDisabled, and AllViewerExceptHostHeader (forwards every query string).
    expect(behavior.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(behavior.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
    expect(behavior.AllowedMethods).toContain('GET');
  });

  it('point at the portal in the API function as in the delivery function', () => {
    const apiFunction = logicalIdOf(
      'AWS::Lambda::Function',
      (p) => p.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'finsam-api',
      'ApiFunction',
    );
    const apiUrl = resources[apiFunction]!.Properties.Environment.Variables.PUBLIC_BASE_URL;
    expect(JSON.stringify(apiUrl)).toContain('DomainName');
    expect(apiUrl).toEqual(resources[deliveryFunctionId()]!.Properties.Environment.Variables.PUBLIC_BASE_URL);
  });
});

describe('delivery bundle', () => {
  it('loads as ESM without AWS access: the link key and the origin are read on first use', () => {
    const assetHash = String(resources[deliveryFunctionId()]!.Properties.Code.S3Key).replace(/\.zip$/, '');
    const output = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        'const { handler } = await import(process.argv[1]); console.log(typeof handler);',
        join(outdir, `asset.${assetHash}`, 'index.mjs'),
      ],
      { encoding: 'utf8', env: { PATH: process.env.PATH, AWS_REGION: 'eu-north-1', TABLE_NAME: 'finsam' } },
    );
    expect(output.trim().split('\n').at(-1)).toBe('function');
  });
});
