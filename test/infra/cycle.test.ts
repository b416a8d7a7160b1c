import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { closingDefinition, humanSteps, planningDefinition, task_function_placeholder } from '@finsam/cycle';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { no_portal_build, synthesize } from './synth.ts';

/**
 * The annual cycle in the template: two Standard state machines from packages/cycle's ASL, the
 * task function they invoke, the daily function EventBridge Scheduler runs at 04:30 Stockholm
 * time, its dead-letter queue, and who may do what to whom. (That the grants close no circle,
 * function → policy → state machine → function, is checked by Template.fromStack itself, which
 * refuses a template with a dependency cycle.)
 */
let template: Template;
let outdir: string;
/** CloudFormation JSON, untyped as `Template.toJSON()` gives it. */
type Json = ReturnType<Template['toJSON']>;
let resources: Record<string, { Type: string; Properties: Json; DependsOn?: string[] }>;

beforeAll(() => {
  ({ template, outdir } = synthesize({ portalBuildPath: no_portal_build }));
  resources = template.toJSON().Resources;
});

const logicalIdOf = (type: string, match: (properties: Json) => boolean) => {
  const found = Object.entries(resources).filter(([, r]) => r.Type === type && match(r.Properties ?? {}));
  expect(found, type).toHaveLength(1);
  return found[0]![0];
};
const functionOf = (service: string) =>
  logicalIdOf('AWS::Lambda::Function', (p) => p.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === service);
const taskFunctionId = () => functionOf('finsam-cycle-task');
const dailyFunctionId = () => functionOf('finsam-cycle-daily');
const apiFunctionId = () => functionOf('finsam-api');
const stateMachineIds = () =>
  Object.entries(resources)
    .filter(([, r]) => r.Type === 'AWS::StepFunctions::StateMachine')
    .map(([id]) => id);
/** The state machine deployed from this definition (its Comment names it). */
const stateMachineOf = (definition: { Comment: string }) =>
  logicalIdOf('AWS::StepFunctions::StateMachine', (p) => JSON.parse(p.DefinitionString).Comment === definition.Comment);
/** A definition's states, typed loosely enough to read what the template must carry. */
const statesOf = (definition: { States: object }) =>
  Object.values(definition.States) as { Type: string; Resource: string; Parameters: Json }[];
const getAttArn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
const roleOf = (resourceId: string) => {
  const properties = resources[resourceId]!.Properties;
  return (properties.Role ?? properties.RoleArn)['Fn::GetAtt'][0] as string;
};
/** Every statement of every policy attached to the role. */
const statementsOf = (roleId: string) =>
  Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy')
    .filter((r) => r.Properties.Roles.some((role: { Ref?: string }) => role.Ref === roleId))
    .flatMap((r) => r.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
const grants = (roleId: string, action: string) =>
  statementsOf(roleId).filter((statement) => [statement.Action].flat().includes(action));
const resourcesOf = (statements: { Resource: unknown }[]) => statements.flatMap((s) => [s.Resource].flat());

describe('state machines', () => {
  it('are two, both Standard (a year outlives an Express execution by far)', () => {
    expect(stateMachineIds()).toHaveLength(2);
    for (const id of stateMachineIds()) expect(resources[id]!.Properties.StateMachineType).toBe('STANDARD');
  });

  it('are the very definitions of packages/cycle, the task function substituted for the placeholder', () => {
    for (const definition of [planningDefinition(), closingDefinition()]) {
      const properties = resources[stateMachineOf(definition)]!.Properties;
      expect(JSON.parse(properties.DefinitionString)).toEqual(definition);
      expect(properties.DefinitionSubstitutions).toEqual({ CycleTaskFunctionArn: getAttArn(taskFunctionId()) });
      const tasks = statesOf(definition).filter((state) => state.Type === 'Task');
      expect(tasks.every((state) => state.Parameters.FunctionName === task_function_placeholder)).toBe(true);
    }
  });

  it('wait for people with .waitForTaskToken, one state per human step', () => {
    const waiting = [planningDefinition(), closingDefinition()].flatMap((definition) =>
      statesOf(definition)
        .filter((state) => state.Resource === 'arn:aws:states:::lambda:invoke.waitForTaskToken')
        .map((state) => state.Parameters.Payload.step),
    );
    expect(waiting.sort()).toEqual([...humanSteps].sort());
    for (const id of stateMachineIds())
      expect(resources[id]!.Properties.DefinitionString).toContain('lambda:invoke.waitForTaskToken');
  });

  it('log every transition but no execution data (it carries task tokens), with a retention, and trace with X-Ray', () => {
    for (const id of stateMachineIds()) {
      const properties = resources[id]!.Properties;
      expect(properties.TracingConfiguration).toEqual({ Enabled: true });
      expect(properties.LoggingConfiguration).toMatchObject({ Level: 'ALL', IncludeExecutionData: false });
      const logGroupId = properties.LoggingConfiguration.Destinations[0].CloudWatchLogsLogGroup.LogGroupArn[
        'Fn::GetAtt'
      ][0] as string;
      // The name is joined with the stack's id (unique per deployment), so compare its text.
      expect(JSON.stringify(resources[logGroupId]!.Properties.LogGroupName)).toContain('"/aws/vendedlogs/states/');
      expect(resources[logGroupId]!.Properties.RetentionInDays).toBe(545);
    }
  });
});

describe('a cycle that cannot stall', () => {
  /** The deployed definitions' states, as the template carries them. */
  const deployedStates = () =>
    stateMachineIds().map(
      (id) => JSON.parse(resources[id]!.Properties.DefinitionString).States as Record<string, Record<string, any>>,
    );

  it('gives every .waitForTaskToken state a timeout and a Catch that leads to the escalation', () => {
    let waits = 0;
    for (const states of deployedStates())
      for (const state of Object.values(states).filter((s) => String(s.Resource).endsWith('.waitForTaskToken'))) {
        waits += 1;
        expect(state.TimeoutSecondsPath ?? state.TimeoutSeconds).toBeDefined();
        const catches = state.Catch as { ErrorEquals: string[]; Next: string }[];
        expect(catches.flatMap((c) => c.ErrorEquals)).toEqual(['States.Timeout', 'States.ALL']);
        for (const { Next } of catches) expect(states[Next]).toMatchObject({ Type: 'Pass', Next: 'Escalate' });
      }
    expect(waits).toBe(humanSteps.length);
  });

  it('catches every other task too, and ends an escalation as succeeded, never failed', () => {
    for (const states of deployedStates()) {
      for (const [name, state] of Object.entries(states))
        if (state.Type === 'Task' && name !== 'Escalate') expect(state.Catch, name).toBeDefined();
      expect(states.Escalate).toMatchObject({ Type: 'Task', Next: 'Escalated' });
      expect(states.Escalated).toEqual({ Type: 'Succeed' });
      expect(Object.values(states).some((state) => state.Type === 'Fail')).toBe(false);
    }
  });

  it('alarms on escalations the task function counts', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Finsam',
      MetricName: 'CycleStepEscalated',
      Dimensions: [{ Name: 'service', Value: 'finsam-cycle-task' }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });
});

describe('permissions', () => {
  it('let each state machine invoke the task function and no other Lambda', () => {
    for (const id of stateMachineIds()) {
      const lambdaStatements = statementsOf(roleOf(id)).filter((s) =>
        [s.Action].flat().some((action) => action.startsWith('lambda:')),
      );
      expect(lambdaStatements).toEqual([
        { Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: getAttArn(taskFunctionId()) },
      ]);
      // Everything else the role may do is log delivery and X-Ray, which take no resource.
      const rest = statementsOf(roleOf(id)).filter((s) => !lambdaStatements.includes(s));
      expect(rest.flatMap((s) => [s.Action].flat()).every((a) => /^(logs|xray):/.test(a))).toBe(true);
    }
  });

  it('let the task, daily and API functions complete waiting steps of the two machines, and nobody else', () => {
    const machines = stateMachineIds()
      .map((id) => ({ Ref: id }))
      .sort((a, b) => a.Ref.localeCompare(b.Ref));
    const sorted = (values: unknown[]) =>
      [...values].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const holders = Object.entries(resources)
      .filter(([, r]) => r.Type === 'AWS::IAM::Role')
      .filter(([id]) => grants(id, 'states:SendTaskSuccess').length > 0)
      .map(([id]) => id);
    expect(holders.sort()).toEqual([taskFunctionId(), dailyFunctionId(), apiFunctionId()].map(roleOf).sort());
    for (const role of holders) expect(sorted(resourcesOf(grants(role, 'states:SendTaskSuccess')))).toEqual(machines);
  });

  it('let only the daily function start executions, of the two machines', () => {
    const starters = Object.entries(resources)
      .filter(([, r]) => r.Type === 'AWS::IAM::Role')
      .filter(([id]) => grants(id, 'states:StartExecution').length > 0)
      .map(([id]) => id);
    expect(starters).toEqual([roleOf(dailyFunctionId())]);
    expect(resourcesOf(grants(starters[0]!, 'states:StartExecution'))).toEqual(
      expect.arrayContaining(stateMachineIds().map((id) => ({ Ref: id }))),
    );
  });

  it('give the cycle functions the table, and the daily function the state machine ARNs', () => {
    for (const id of [taskFunctionId(), dailyFunctionId()]) {
      expect(resources[id]!.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
      expect(resources[id]!.Properties.Environment.Variables.TABLE_NAME).toEqual({
        Ref: expect.stringMatching(/^DataTable/),
      });
      expect(grants(roleOf(id), 'dynamodb:PutItem')).toHaveLength(1);
    }
    const variables = resources[dailyFunctionId()]!.Properties.Environment.Variables;
    expect(variables.PLANNING_STATE_MACHINE_ARN).toEqual({ Ref: stateMachineOf(planningDefinition()) });
    expect(variables.CLOSING_STATE_MACHINE_ARN).toEqual({ Ref: stateMachineOf(closingDefinition()) });
  });
});

describe('daily schedule', () => {
  const dailyDeadLetterQueue = () =>
    resources[dailyFunctionId()]!.Properties.DeadLetterConfig.TargetArn['Fn::GetAtt'][0] as string;

  it('runs the daily function at 04:30 Stockholm time (once on both DST days), retrying and dead-lettering', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 4 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Stockholm',
      State: 'ENABLED',
      Target: Match.objectLike({
        Arn: getAttArn(dailyFunctionId()),
        RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 4 * 60 * 60 },
        DeadLetterConfig: { Arn: getAttArn(dailyDeadLetterQueue()) },
      }),
    });
  });

  it('retries a failed asynchronous run twice, then dead-letters it', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: dailyFunctionId() },
      MaximumRetryAttempts: 2,
    });
  });

  it('dead-letters into an encrypted, TLS-only queue that keeps messages 14 days and alarms', () => {
    const queue = dailyDeadLetterQueue();
    expect(resources[queue]!.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 60 * 60,
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queue }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }],
      Threshold: 0,
    });
  });

  it('alarms when an execution fails, so it is redriven', () => {
    for (const id of stateMachineIds())
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Metrics: Match.arrayWith([
          Match.objectLike({
            MetricStat: Match.objectLike({
              Metric: Match.objectLike({
                MetricName: 'ExecutionsFailed',
                Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: id } }],
              }),
            }),
          }),
        ]),
      });
  });
});

describe('cycle bundles', () => {
  /** Runs a script against a bundle the way Lambda loads it: a fresh Node process, ESM, no AWS. */
  const runBundle = (functionId: string, script: string) => {
    const assetHash = String(resources[functionId]!.Properties.Code.S3Key).replace(/\.zip$/, '');
    const output = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', script, join(outdir, `asset.${assetHash}`, 'index.mjs')],
      {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          AWS_REGION: 'eu-north-1',
          TABLE_NAME: 'finsam',
          PLANNING_STATE_MACHINE_ARN: 'arn:aws:states:eu-north-1:123456789012:stateMachine:planning',
          CLOSING_STATE_MACHINE_ARN: 'arn:aws:states:eu-north-1:123456789012:stateMachine:closing',
          POWERTOOLS_METRICS_NAMESPACE: 'Finsam',
        },
      },
    );
    return output.trim().split('\n').at(-1);
  };

  it('task: loads as ESM and refuses a payload the definitions never send, before touching AWS', () => {
    const script = `
      const { handler } = await import(process.argv[1]);
      const context = { functionName: 'cycle-task', awsRequestId: 'request-1', memoryLimitInMB: '1024',
        invokedFunctionArn: 'arn:aws:lambda:eu-north-1:123456789012:function:cycle-task',
        getRemainingTimeInMillis: () => 60_000 };
      try { await handler({ kind: 'task', task: 'nonsense', forbundId: 'F', year: 2027 }, context); console.log('accepted'); }
      catch (error) { console.log(error.name); }`;
    expect(runBundle(taskFunctionId(), script)).toBe('ZodError');
  });

  it('daily: loads as ESM with its settings', () => {
    // Only loaded: running it would read the table.
    const script = 'const { handler } = await import(process.argv[1]); console.log(typeof handler);';
    expect(runBundle(dailyFunctionId(), script)).toBe('function');
  });
});
