import { Aspects, Duration, type IAspect, Stack } from 'aws-cdk-lib';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmBase,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IAlarm,
  type IMetric,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnPipe } from 'aws-cdk-lib/aws-pipes';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct, type IConstruct } from 'constructs';
import { table_keys } from './table.ts';

/** One evaluation window for every alarm: short enough to act the same hour, long enough to be cheap. */
const period = Duration.minutes(5);
/** The API answers every known failure with a 4xx problem; a 5xx is a bug or an outage. */
const api_server_errors_max = 0;
/** p99 in ms, over three windows in a row: a cold start or one large report does not page anyone. */
const api_latency_p99_ms_max = 3_000;
const api_latency_periods = 3;
/** A work queue whose oldest message waits this long is not being drained (webhook fan-out stalled). */
const queue_oldest_message_age_seconds_max = 15 * 60;

export interface OperationsProps {
  /** Subscribed to the topic; the subscription waits for the recipient's confirmation. */
  alarmEmail?: string | undefined;
}

/**
 * Operations for the whole stack: one SNS topic for every alarm, the alarms themselves and a
 * dashboard. Built last in the stack: it finds the functions, tables, queues, pipes and HTTP APIs
 * built before it, so a new function or queue is watched without anyone remembering to. Alarms
 * made elsewhere (the cycle's, the webhooks') get the topic too, through an aspect that runs at
 * synth over every alarm in the stack, whenever it was made.
 */
export class Operations extends Construct {
  readonly topic: Topic;
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsProps = {}) {
    super(scope, id);
    // CloudWatch cannot publish to a topic under the AWS managed key alias/aws/sns, whose policy
    // cannot be changed; an own key lets it encrypt the alarm messages.
    const key = new Key(this, 'TopicKey', {
      description: 'Encrypts the Finsam alarm topic',
      enableKeyRotation: true,
    });
    const cloudWatch = new ServicePrincipal('cloudwatch.amazonaws.com');
    key.grant(cloudWatch, 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Alarms', { masterKey: key, enforceSSL: true });
    // The SSL-only policy replaces SNS's default one, so CloudWatch's publishing is allowed here.
    this.topic.grantPublish(cloudWatch);
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    const stack = Stack.of(this);
    const constructs = stack.node.findAll();
    const alarms: IAlarm[] = [];
    Aspects.of(stack).add(new NotifyOnEveryAlarm(new SnsAction(this.topic), alarms));

    this.dashboard = new Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.days(1),
    });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# Finsam ${stack.stackName}\nAlarms go to the SNS topic of this stack; each alarm's description says what to do.`,
        width: 24,
        height: 2,
      }),
    );

    for (const api of constructs.filter((c): c is HttpApi => c instanceof HttpApi)) this.watchApi(api);
    const functions = constructs.filter((c): c is LambdaFunction => c instanceof LambdaFunction);
    this.watchFunctions(functions);
    for (const table of constructs.filter((c): c is Table => c instanceof Table)) this.watchTable(table);
    this.watchPipes(constructs.filter((c): c is CfnPipe => c instanceof CfnPipe));
    this.watchQueues(
      constructs.filter((c): c is Queue => c instanceof Queue),
      constructs.filter((c): c is Alarm => c instanceof Alarm),
    );
    // Filled by the aspect at synth, so it lists alarms made anywhere, before or after this.
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms, width: 24, height: 6 }));
  }

  private alarm(id: string, description: string, metric: IMetric, threshold: number, evaluationPeriods = 1) {
    return new Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods,
      // No traffic is no failure: most metrics here report nothing when nothing happens.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }

  private watchApi(api: HttpApi) {
    const serverErrors = api.metricServerError({ period, statistic: 'Sum' });
    const latency = api.metricLatency({ period, statistic: 'p99' });
    this.alarm(
      'ApiServerErrors',
      'The HTTP API answered 5xx; find the request in the API access log and the function log by requestId',
      serverErrors,
      api_server_errors_max,
    );
    this.alarm(
      'ApiLatencyP99',
      `The HTTP API's p99 latency stayed above ${api_latency_p99_ms_max} ms for ${api_latency_periods} windows`,
      latency,
      api_latency_p99_ms_max,
      api_latency_periods,
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'API requests and errors',
        left: [
          api.metricCount({ period, statistic: 'Sum' }),
          api.metricClientError({ period, statistic: 'Sum' }),
          serverErrors,
        ],
        width: 12,
      }),
      new GraphWidget({
        title: 'API latency (ms)',
        left: [api.metricLatency({ period, statistic: 'p50' }), latency],
        width: 12,
      }),
    );
  }

  private watchFunctions(functions: LambdaFunction[]) {
    const errors: IMetric[] = [];
    const throttles: IMetric[] = [];
    for (const fn of functions) {
      // Ids from the function's path in the stack, so they stay put when functions are added.
      const id = fn.node.path
        .split('/')
        .slice(1)
        .join('')
        .replace(/[^A-Za-z0-9]/g, '');
      const label = fn.node.path.split('/').slice(1, -1).join('/') || fn.node.id;
      const error = fn.metricErrors({ period, statistic: 'Sum', label });
      const throttle = fn.metricThrottles({ period, statistic: 'Sum', label });
      errors.push(error);
      throttles.push(throttle);
      this.alarm(`${id}Errors`, `Lambda ${label} failed; its log group has the error`, error, 0);
      this.alarm(`${id}Throttles`, `Lambda ${label} was throttled (account concurrency or its own limit)`, throttle, 0);
    }
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Lambda errors', left: errors, width: 12 }),
      new GraphWidget({ title: 'Lambda throttles', left: throttles, width: 12 }),
    );
  }

  private watchTable(table: Table) {
    const throttleEvents = (metricName: string, index?: string) =>
      new Metric({
        namespace: 'AWS/DynamoDB',
        metricName,
        dimensionsMap: { TableName: table.tableName, ...(index ? { GlobalSecondaryIndexName: index } : {}) },
        period,
        statistic: 'Sum',
      });
    // The index's throttles are reported apart from the table's; a throttled index write also
    // throttles the table write that caused it.
    const throttles = new MathExpression({
      expression: 'tableRead + tableWrite + indexRead + indexWrite',
      usingMetrics: {
        tableRead: throttleEvents('ReadThrottleEvents'),
        tableWrite: throttleEvents('WriteThrottleEvents'),
        indexRead: throttleEvents('ReadThrottleEvents', table_keys.gsi1Index),
        indexWrite: throttleEvents('WriteThrottleEvents', table_keys.gsi1Index),
      },
      period,
      label: 'Throttle events',
    });
    this.alarm(
      'TableThrottles',
      'DynamoDB throttled reads or writes (on-demand beyond twice the previous peak, or an account limit)',
      throttles,
      0,
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'DynamoDB capacity',
        left: [
          table.metricConsumedReadCapacityUnits({ period, statistic: 'Sum' }),
          table.metricConsumedWriteCapacityUnits({ period, statistic: 'Sum' }),
        ],
        width: 12,
      }),
      new GraphWidget({ title: 'DynamoDB throttles', left: [throttles], width: 12 }),
    );
  }

  private watchPipes(pipes: CfnPipe[]) {
    const widgets: IMetric[] = [];
    for (const pipe of pipes) {
      const id = pipe.node.path
        .split('/')
        .slice(1)
        .join('')
        .replace(/[^A-Za-z0-9]/g, '');
      const pipeMetric = (metricName: string) =>
        new Metric({
          namespace: 'AWS/EventBridge/Pipes',
          metricName,
          // A pipe's Ref is its name.
          dimensionsMap: { PipeName: pipe.ref },
          period,
          statistic: 'Sum',
        });
      const failures = new MathExpression({
        expression: 'failed + timedOut + targetFailed + throttled',
        usingMetrics: {
          failed: pipeMetric('ExecutionFailed'),
          timedOut: pipeMetric('ExecutionTimeout'),
          targetFailed: pipeMetric('TargetStageFailed'),
          throttled: pipeMetric('ExecutionThrottled'),
        },
        period,
        label: `${pipe.node.path} failures`,
      });
      // A failing batch is retried from the stream; what exhausts its retries is dead-lettered
      // (alarmed with the queue). This alarm says the stream is not getting through at all.
      this.alarm(`${id}Failures`, `Pipe ${pipe.node.path} failed, timed out or was throttled`, failures, 0);
      widgets.push(failures, pipeMetric('EventCount'));
    }
    if (widgets.length > 0) this.dashboard.addWidgets(new GraphWidget({ title: 'Pipes', left: widgets, width: 12 }));
  }

  /**
   * cdk-nag's SQS3 gives every queue a dead-letter queue unless it is one, so a queue without
   * one is a dead-letter queue: anything in it is a failure a person must look at. A queue with
   * one is a work queue, which must keep draining.
   */
  private watchQueues(queues: Queue[], existingAlarms: Alarm[]) {
    const depth: IMetric[] = [];
    const age: IMetric[] = [];
    for (const queue of queues) {
      const id = queue.node.path
        .split('/')
        .slice(1)
        .join('')
        .replace(/[^A-Za-z0-9]/g, '');
      if (queue.deadLetterQueue) {
        const oldest = queue.metricApproximateAgeOfOldestMessage({ period, statistic: 'Maximum' });
        age.push(oldest);
        this.alarm(
          `${id}Stalled`,
          `Queue ${queue.node.path} is not being drained: its oldest message is over ${queue_oldest_message_age_seconds_max / 60} minutes old`,
          oldest,
          queue_oldest_message_age_seconds_max,
        );
        continue;
      }
      const visible = queue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' });
      depth.push(visible);
      // The webhooks and the cycle alarm on their own dead letters; no second alarm for those.
      const alarmed = existingAlarms.some(
        (alarm) =>
          alarm.metric instanceof Metric &&
          alarm.metric.metricName === 'ApproximateNumberOfMessagesVisible' &&
          alarm.metric.dimensions?.QueueName === queue.queueName,
      );
      if (!alarmed) {
        this.alarm(`${id}Waiting`, `Dead letters wait in ${queue.node.path}; inspect and redrive them`, visible, 0);
      }
    }
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Dead letters waiting', left: depth, width: 12 }),
      new GraphWidget({ title: 'Oldest message in work queues (s)', left: age, width: 12 }),
    );
  }
}

/** Every alarm in the stack notifies the topic when it fires and when it clears. */
class NotifyOnEveryAlarm implements IAspect {
  private readonly seen = new WeakSet<AlarmBase>();

  constructor(
    private readonly action: SnsAction,
    private readonly collected: IAlarm[],
  ) {}

  visit(node: IConstruct): void {
    if (!(node instanceof AlarmBase) || this.seen.has(node)) return;
    this.seen.add(node);
    node.addAlarmAction(this.action);
    node.addOkAction(this.action);
    this.collected.push(node);
  }
}
