import { join } from 'node:path';
import { closingDefinition, planningDefinition } from '@finsam/cycle';
import { Aws, Duration, Fn, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { CfnTable, Table } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { paths, repository_root } from '../paths.ts';
import { lambda_runtime, lambdaBundling } from './bundling.ts';

/** A task may build a year's bokslut or likvidavräkning; retried by the definition if it fails. */
const task_timeout = Duration.minutes(2);
/** The daily run works through every förbund in turn and stops starting one a minute before this. */
const daily_timeout = Duration.minutes(15);
/** More memory buys proportionally more CPU for the money rules (decimal.js, zod). */
const memory_mb = 1024;
/** A whole daily run that failed (the register unreadable) is tried again twice, then dead-lettered. */
const daily_async_retries = 2;
/** Scheduler retries an invocation Lambda refused (throttling), within the night. */
const schedule_retries = 5;
const schedule_event_age_max = Duration.hours(4);
/** Dead letters are kept as long as SQS allows, to be inspected and redriven. */
const dead_letter_retention = Duration.days(14);
/** A fiscal year plus the closing months, as for the API. */
const log_retention = RetentionDays.EIGHTEEN_MONTHS;
/** What the daily function's Powertools metrics are dimensioned by (POWERTOOLS_SERVICE_NAME). */
const daily_service_name = 'finsam-cycle-daily';
/** The same for the task function, whose escalations are alarmed. */
const task_service_name = 'finsam-cycle-task';

export interface CycleProps {
  table: Table;
}

/**
 * The annual cycle in AWS (DESIGN.md, "The annual cycle as state machines"): the planning and
 * closing state machines deployed from the same ASL the local runtime runs, the task function
 * their Task states invoke, and the daily run that EventBridge Scheduler starts at 04:30 Stockholm
 * time. The API completes waiting human steps (grantCompleteSteps); the daily run does too, for
 * steps whose condition is a date and for completions the API could not make.
 */
export class Cycle extends Construct {
  readonly taskFunction: NodejsFunction;
  readonly dailyFunction: NodejsFunction;
  readonly planning: StateMachine;
  readonly closing: StateMachine;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: CycleProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      retentionPeriod: dead_letter_retention,
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is the dead-letter queue of the daily cycle run (its schedule and its asynchronous invocation); ' +
        'a dead-letter queue of its own would only move the same messages one step further.',
    });

    const task = this.cycleFunction('Task', 'functions/src/cycle-task.ts', {
      table: props.table,
      serviceName: task_service_name,
      timeout: task_timeout,
    });
    this.taskFunction = task.function;
    this.planning = this.stateMachine('Planning', planningDefinition());
    this.closing = this.stateMachine('Closing', closingDefinition());

    const daily = this.cycleFunction('Daily', 'functions/src/cycle-daily.ts', {
      table: props.table,
      serviceName: daily_service_name,
      timeout: daily_timeout,
      environment: {
        PLANNING_STATE_MACHINE_ARN: this.planning.stateMachineArn,
        CLOSING_STATE_MACHINE_ARN: this.closing.stateMachineArn,
      },
      // Invoked asynchronously by the schedule: a failed run is retried, then dead-lettered.
      retryAttempts: daily_async_retries,
      deadLetterQueue: this.deadLetterQueue,
    });
    this.dailyFunction = daily.function;
    this.planning.grantStartExecution(this.dailyFunction);
    this.closing.grantStartExecution(this.dailyFunction);

    // Why a separate policy and not the roles' default ones: a Lambda function waits for its
    // role's default policy, and the state machines need the task function's ARN, so granting
    // the task role on the state machines there would close a circle (function → policy →
    // state machine → function). This policy is attached beside it and nothing waits for it
    // except the schedule below.
    const completeSteps = new Policy(this, 'CompleteStepsPolicy', {
      roles: [task.role, daily.role],
      statements: [this.completeStepsStatement()],
    });

    this.schedule(this.dailyFunction).node.addDependency(completeSteps);
    this.alarms();
  }

  /**
   * The API completes waiting steps when a person acts. SendTaskSuccess takes only a token; IAM
   * checks it against the state machine whose task the token belongs to.
   */
  grantCompleteSteps(grantee: IGrantable) {
    grantee.grantPrincipal.addToPrincipalPolicy(this.completeStepsStatement());
  }

  private completeStepsStatement() {
    return new PolicyStatement({
      actions: ['states:SendTaskSuccess'],
      resources: [this.planning.stateMachineArn, this.closing.stateMachineArn],
    });
  }

  private cycleFunction(
    id: string,
    entry: string,
    options: {
      table: Table;
      serviceName: string;
      timeout: Duration;
      environment?: Record<string, string>;
      retryAttempts?: number;
      deadLetterQueue?: Queue;
    },
  ) {
    const logGroup = new LogGroup(this, `${id}Logs`, { retention: log_retention });
    // An own role with write access to its own log group only, as for the API function.
    const role = new Role(this, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    const cycleFunction = new NodejsFunction(this, `${id}Function`, {
      entry: join(repository_root, entry),
      handler: 'handler',
      depsLockFilePath: paths.lockFile,
      runtime: lambda_runtime,
      architecture: Architecture.ARM_64,
      memorySize: memory_mb,
      timeout: options.timeout,
      role,
      logGroup,
      retryAttempts: options.retryAttempts,
      deadLetterQueue: options.deadLetterQueue,
      environment: {
        TABLE_NAME: options.table.tableName,
        ...options.environment,
        POWERTOOLS_SERVICE_NAME: options.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: 'Finsam',
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
      bundling: lambdaBundling(),
    });
    // Why no `dynamodb:LeadingKeys` condition: one function acts for every förbund in turn (the
    // förbund is in the payload, or comes from the register), so a partition condition would
    // have to allow every tenant. Each call is scoped in the store instead: the cycle's
    // principal reaches only the förbund it acts for (cyclePrincipal in @finsam/cycle).
    options.table.grantReadWriteData(cycleFunction);
    const tableLogicalId = Stack.of(this).resolve((options.table.node.defaultChild as CfnTable).logicalId);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${tableLogicalId}.Arn>/index/*]`,
      reason:
        "The table grant covers the table's own indexes: the cycle reads the förbund register and publishes national " +
        'aggregates on GSI1; the wildcard cannot reach any other table.',
    });
    return { function: cycleFunction, role };
  }

  private stateMachine(id: 'Planning' | 'Closing', definition: object) {
    // The /aws/vendedlogs/ prefix keeps Step Functions' log delivery out of the account's
    // CloudWatch Logs resource policy, whose size limit is otherwise reached by a few log groups.
    // The group is retained (the default) and so outlives a destroy or a failed first create; the
    // stack id's last segment, new for every stack, keeps the next deployment from colliding.
    const stackIdSuffix = Fn.select(4, Fn.split('-', Fn.select(2, Fn.split('/', Aws.STACK_ID))));
    const logGroup = new LogGroup(this, `${id}Logs`, {
      logGroupName: `/aws/vendedlogs/states/${Stack.of(this).stackName}-cycle-${id.toLowerCase()}-${stackIdSuffix}`,
      retention: log_retention,
    });
    const stateMachine = new StateMachine(this, id, {
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromString(JSON.stringify(definition)),
      definitionSubstitutions: { CycleTaskFunctionArn: this.taskFunction.functionArn },
      // Every state transition is logged, but never its data: a waiting step's input and the
      // Lambda payload carry its task token, which completes the step for whoever holds it.
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });
    // Every Task state names the unqualified function ARN, so no version or alias wildcard.
    stateMachine.addToRolePolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.taskFunction.functionArn] }),
    );
    Validations.of(stateMachine.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Log delivery (logs:CreateLogDelivery and its kin) and X-Ray (xray:PutTraceSegments and its kin) take no ' +
        'resource ARN; the only resource-scoped action, lambda:InvokeFunction, names the task function alone.',
    });
    return stateMachine;
  }

  private schedule(dailyFunction: NodejsFunction) {
    // An own role, not the stack-wide one Scheduler targets share, so its grant is reasoned here.
    const role = new Role(this, 'SchedulerRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    const functionLogicalId = Stack.of(this).resolve((dailyFunction.node.defaultChild as CfnFunction).logicalId);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${functionLogicalId}.Arn>:*]`,
      reason:
        'lambda:InvokeFunction on the daily cycle function and its versions (the :* suffix); the wildcard cannot ' +
        'reach any other function.',
    });
    return new Schedule(this, 'DailySchedule', {
      description: "The annual cycle's daily run for every förbund",
      // 04:30 Stockholm time, after the day's work is in: a time that happens exactly once on
      // both DST days, so no day's run depends on how Scheduler treats a missing or repeated
      // hour. Clocks go from 02:00 to 03:00 on the last Sunday in March (02:00–02:59 never
      // happens) and from 03:00 back to 02:00 on the last Sunday in October (02:00–02:59
      // happens twice); 04:30 is clear of both and still hours before anyone starts work.
      // Europe/Stockholm is a tz link (to Europe/Berlin since tzdata 2022b), so CDK has no
      // constant for it.
      schedule: ScheduleExpression.cron({ minute: '30', hour: '4', timeZone: TimeZone.of('Europe/Stockholm') }),
      target: new LambdaInvoke(dailyFunction, {
        role,
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: schedule_retries,
        maxEventAge: schedule_event_age_max,
      }),
    });
  }

  private alarms() {
    new Alarm(this, 'DeadLettersWaiting', {
      alarmDescription: 'A daily cycle run failed repeatedly and waits in the dead-letter queue',
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    // Executions escalate rather than fail, so a failed one means the escalation itself failed
    // every retry. It is not started again (its name is taken); it is redriven by hand, which is
    // safe because every task is idempotent.
    for (const [id, stateMachine] of [
      ['Planning', this.planning],
      ['Closing', this.closing],
    ] as const)
      new Alarm(this, `${id}ExecutionsFailed`, {
        alarmDescription: `A ${id.toLowerCase()} execution failed or timed out; redrive it once the cause is fixed`,
        metric: new MathExpression({
          expression: 'failed + timedOut',
          usingMetrics: { failed: stateMachine.metricFailed(), timedOut: stateMachine.metricTimedOut() },
          period: Duration.minutes(5),
        }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    // An execution escalated (a wait past its deadline, a task that failed every retry): the
    // förbund has a task on its list, and operations are told here. A continuation into a new
    // execution at the end of an execution's year is counted apart and not alarmed.
    new Alarm(this, 'CycleStepsEscalated', {
      alarmDescription:
        'An annual-cycle step waited past its deadline or failed every retry; the execution escalated and the ' +
        'daily run resumes it',
      metric: new Metric({
        namespace: 'Finsam',
        metricName: 'CycleStepEscalated',
        dimensionsMap: { service: task_service_name },
        statistic: 'Sum',
        period: Duration.hours(1),
      }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const dailyMetric = (metricName: string) =>
      new Metric({ namespace: 'Finsam', metricName, dimensionsMap: { service: daily_service_name }, statistic: 'Sum' });
    new Alarm(this, 'DailyForbundLeftBehind', {
      alarmDescription: 'The daily cycle run failed for a förbund, or did not reach every förbund',
      metric: new MathExpression({
        expression: 'failed + notReached + truncated',
        usingMetrics: {
          failed: dailyMetric('CycleForbundFailed'),
          notReached: dailyMetric('CycleForbundNotReached'),
          truncated: dailyMetric('CycleRegisterTruncated'),
        },
        period: Duration.hours(1),
      }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
