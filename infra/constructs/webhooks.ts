import { join } from 'node:path';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { CfnTable, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Architecture, type CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnPipe } from 'aws-cdk-lib/aws-pipes';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { paths, repository_root } from '../paths.ts';
import { lambda_runtime, lambdaBundling } from './bundling.ts';

/**
 * Limits of the delivery path. An attempt may take 10 s (delivery_timeout_ms in
 * @finsam/webhooks); the handler stops starting attempts when one would not fit, so a minute
 * leaves room for a full batch at 32 attempts in parallel.
 */
const timeout_seconds = 60;
const memory_mb = 512;
/** SQS's advice: a visibility timeout of six times the function's, so retries never overlap. */
const visibility_timeout_seconds = 6 * timeout_seconds;
/** A message that fails fan-out five times is dead-lettered (a store failure, not a receiver's). */
const receive_count_max = 5;
/** Functions consuming the queue at once: bounds the load on members' receivers and the table. */
const queue_concurrency_max = 10;
/** Outbox events per SQS batch and per stream batch. */
const batch_size = 10;
/** The stream pipe retries a failing batch this often before it goes to the dead-letter queue. */
const stream_retries_max = 10;
/** Dead letters are kept as long as SQS allows, to be inspected and redriven. */
const dead_letter_retention = Duration.days(14);
/** The retry sweep: SQS cannot delay a message by more than 15 minutes, so retries come from here. */
const sweep_rate = Duration.minutes(1);
/**
 * The outbox reconciliation: events the stream path never fanned out (older than five minutes,
 * outbox_settle_ms) are found and sent. Every ten minutes keeps its reads (every subscribed
 * member's stream) small against the minute's sweep, and a lost event late by minutes, not a day.
 */
const reconcile_rate = Duration.minutes(10);
/** Must equal `reconcile_outbox_task` of @finsam/webhooks (infra imports no package; test/infra checks). */
const reconcile_outbox_task = 'reconcile-outbox';
const log_retention = RetentionDays.EIGHTEEN_MONTHS;

export interface WebhooksProps {
  table: Table;
  /** The portal's public origin (https://…), which signed document links point at. */
  publicBaseUrl: string;
}

/**
 * Webhooks to members' finance systems (issue 5): the table's stream → an EventBridge Pipe that
 * keeps only new outbox events → an SQS queue → the delivery Lambda, which fans each event out to
 * the subscriptions that want it and sends it. EventBridge Scheduler runs the same Lambda every
 * minute for retries that have come due. Every asynchronous hop has the dead-letter queue.
 */
export class Webhooks extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly function: NodejsFunction;
  /** The HMAC key of signed document links; the API function needs read access too. */
  readonly documentLinkKey: Secret;
  /** Envelope key of members' signing secrets; the API seals them, both functions open them. */
  readonly secretKey: Key;
  private readonly publicBaseUrl: string;

  constructor(scope: Construct, id: string, props: WebhooksProps) {
    super(scope, id);
    this.publicBaseUrl = props.publicBaseUrl;
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      retentionPeriod: dead_letter_retention,
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is the dead-letter queue of the webhook path (pipe, queue, schedule and function); a dead-letter ' +
        'queue of its own would only move the same messages one step further.',
    });
    this.queue = new Queue(this, 'Events', {
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      visibilityTimeout: Duration.seconds(visibility_timeout_seconds),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: receive_count_max },
    });

    this.documentLinkKey = new Secret(this, 'DocumentLinkKey', {
      description: 'HMAC key of the signed, expiring document links in webhooks and the pull API',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(this.documentLinkKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating this key invalidates every document link already sent (they live for a week), and the Lambdas read ' +
        'it once per cold start; it is rotated by hand with a new deployment when needed, not on a timer.',
    });

    this.secretKey = new Key(this, 'SecretKey', {
      description: 'Envelope key of members’ webhook signing secrets (data keys per secret, AES-256-GCM)',
      enableKeyRotation: true,
      // The table is retained (its deletion protection and RETAIN policy); so is the key without
      // which its sealed secrets could never be opened again. It has no alias, so nothing named
      // stands in the way of a new stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.function = this.deliveryFunction(props);
    this.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: batch_size,
        reportBatchItemFailures: true,
        maxConcurrency: queue_concurrency_max,
      }),
    );
    this.streamPipe(props.table);
    // An own role, not the stack-wide one Scheduler targets share, so its grant is reasoned here.
    const schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
    });
    const functionLogicalId = Stack.of(this).resolve((this.function.node.defaultChild as CfnFunction).logicalId);
    Validations.of(schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${functionLogicalId}.Arn>:*]`,
      reason:
        'lambda:InvokeFunction on the delivery function and its versions (the :* suffix); the wildcard cannot reach ' +
        'any other function.',
    });
    new Schedule(this, 'RetrySweep', {
      description: 'Sends webhook deliveries whose retry time has come',
      schedule: ScheduleExpression.rate(sweep_rate),
      target: new LambdaInvoke(this.function, {
        role: schedulerRole,
        deadLetterQueue: this.deadLetterQueue,
        // A missed sweep is made good by the next one a minute later; retrying it only piles up.
        retryAttempts: 0,
        maxEventAge: Duration.minutes(1),
      }),
    });
    new Schedule(this, 'OutboxReconciliation', {
      description: 'Finds outbox events the stream never fanned out, and sends them',
      schedule: ScheduleExpression.rate(reconcile_rate),
      target: new LambdaInvoke(this.function, {
        role: schedulerRole,
        input: ScheduleTargetInput.fromObject({ task: reconcile_outbox_task }),
        deadLetterQueue: this.deadLetterQueue,
        // The next run covers the same events again (the relay's cursor has not moved).
        retryAttempts: 0,
        maxEventAge: Duration.minutes(10),
      }),
    });

    new Alarm(this, 'DeadLettersWaiting', {
      alarmDescription: 'Webhook messages failed repeatedly and wait in the dead-letter queue',
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }

  /**
   * The API function signs document links in the pull API with the same key, pointing at the
   * same public origin as the webhooks, and checks them on the public document route.
   */
  grantDocumentLinks(apiFunction: NodejsFunction) {
    this.documentLinkKey.grantRead(apiFunction);
    apiFunction.addEnvironment('DOCUMENT_LINK_KEY_SECRET_ARN', this.documentLinkKey.secretArn);
    apiFunction.addEnvironment('PUBLIC_BASE_URL', this.publicBaseUrl);
  }

  /**
   * Sealing and opening signing secrets: the API function seals them when a subscription is
   * created or rotated and opens them for the ping; the delivery function opens them to sign.
   */
  grantSecrets(fn: NodejsFunction) {
    this.secretKey.grant(fn, 'kms:GenerateDataKey', 'kms:Decrypt');
    fn.addEnvironment('WEBHOOK_SECRET_KEY_ARN', this.secretKey.keyArn);
  }

  private deliveryFunction(props: WebhooksProps): NodejsFunction {
    const logGroup = new LogGroup(this, 'Logs', { retention: log_retention });
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    const deliveryFunction = new NodejsFunction(this, 'Function', {
      entry: join(repository_root, 'functions/src/webhook-delivery.ts'),
      handler: 'handler',
      depsLockFilePath: paths.lockFile,
      runtime: lambda_runtime,
      architecture: Architecture.ARM_64,
      memorySize: memory_mb,
      timeout: Duration.seconds(timeout_seconds),
      role,
      logGroup,
      // Asynchronous invocations are the minute's sweep: a failed sweep is not retried (the next
      // one comes anyway) but dead-lettered, so it is seen.
      retryAttempts: 0,
      deadLetterQueue: this.deadLetterQueue,
      environment: {
        TABLE_NAME: props.table.tableName,
        DOCUMENT_LINK_KEY_SECRET_ARN: this.documentLinkKey.secretArn,
        PUBLIC_BASE_URL: props.publicBaseUrl,
        POWERTOOLS_SERVICE_NAME: 'finsam-webhooks',
        POWERTOOLS_METRICS_NAMESPACE: 'Finsam',
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
      bundling: lambdaBundling(),
    });
    // The function acts for every förbund that has a delivery due, so, like the API function, it
    // cannot be limited to one partition with dynamodb:LeadingKeys; it builds keys from the items.
    props.table.grantReadWriteData(deliveryFunction);
    this.documentLinkKey.grantRead(deliveryFunction);
    // Decrypt to sign; GenerateDataKey to seal the plaintext secrets of items from before sealing.
    this.grantSecrets(deliveryFunction);
    const tableLogicalId = Stack.of(this).resolve((props.table.node.defaultChild as CfnTable).logicalId);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${tableLogicalId}.Arn>/index/*]`,
      reason:
        "The table grant covers the table's own indexes: the function reads the due deliveries and members' event " +
        'streams on GSI1; the wildcard cannot reach any other table.',
    });
    return deliveryFunction;
  }

  /** Table stream → new outbox events only → the queue. No code: the filter runs in the pipe. */
  private streamPipe(table: Table) {
    if (!table.tableStreamArn) throw new Error('the webhook pipe needs the table stream');
    const role = new Role(this, 'PipeRole', { assumedBy: new ServicePrincipal('pipes.amazonaws.com') });
    table.grantStreamRead(role);
    this.queue.grantSendMessages(role);
    this.deadLetterQueue.grantSendMessages(role);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'dynamodb:ListStreams, which a pipe needs to find its shard iterators, takes no resource ARN; every other ' +
        'stream action in this policy is limited to this table’s stream.',
    });
    const pipe = new CfnPipe(this, 'StreamToQueue', {
      description: 'New outbox events (kind = event) from the table stream to the webhook queue',
      roleArn: role.roleArn,
      source: table.tableStreamArn,
      sourceParameters: {
        dynamoDbStreamParameters: {
          startingPosition: 'LATEST',
          batchSize: batch_size,
          maximumRetryAttempts: stream_retries_max,
          onPartialBatchItemFailure: 'AUTOMATIC_BISECT',
          deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
        },
        filterCriteria: {
          filters: [
            { pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { kind: { S: ['event'] } } } }) },
          ],
        },
      },
      target: this.queue.queueArn,
    });
    // The pipe checks its permissions when it is created: the role's policy must exist first.
    pipe.node.addDependency(role);
  }
}
