import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { no_portal_build, synthesize } from './synth.ts';

/**
 * Operations as synthesized: stages side by side, one alarm topic on every alarm, the alarms the
 * issue lists, the dashboard and the seven-year backup. Generic over the template where it can
 * be, so a function, queue or alarm added later is held to the same rules.
 */
// biome-ignore lint/suspicious/noExplicitAny: the template's JSON, read by path as CloudFormation writes it
type Resources = Record<string, { Type: string; Properties?: Record<string, any>; DeletionPolicy?: string }>;

const alarm_email = 'drift@finsam.example';
let prod: ReturnType<typeof synthesize>;
let test: ReturnType<typeof synthesize>;
let template: Template;
let resources: Resources;

beforeAll(() => {
  prod = synthesize({ portalBuildPath: no_portal_build, context: { stage: 'prod', alarmEmail: alarm_email } });
  test = synthesize({ portalBuildPath: no_portal_build, context: { stage: 'test' } });
  template = prod.template;
  resources = template.toJSON().Resources;
});

const ofType = (type: string, from = resources) =>
  Object.entries(from).filter(([, resource]) => resource.Type === type);
const only = (type: string) => {
  const found = ofType(type);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const json = (value: unknown) => JSON.stringify(value);

describe('stages', () => {
  it('names the stack after the stage, dev when none is given', () => {
    expect(prod.stack.stackName).toBe('Finsam-prod');
    expect(test.stack.stackName).toBe('Finsam-test');
    expect(synthesize({ portalBuildPath: no_portal_build }).stack.stackName).toBe('Finsam-dev');
  });

  it('refuses a stage that cannot go into resource names', () => {
    expect(() => synthesize({ portalBuildPath: no_portal_build, context: { stage: 'Prod_1' } })).toThrow(
      /stage=Prod_1/,
    );
  });

  it('gives no two stages the same explicit name', () => {
    // Names scoped inside another resource (a role's inline policy, an API's authorizer, a pool's
    // group) cannot collide, nor can one built from a generated name (a Ref or GetAtt).
    const scoped_types = ['AWS::IAM::Policy', 'AWS::ApiGatewayV2::Authorizer', 'AWS::Cognito::UserPoolGroup'];
    const names = (from: Resources) =>
      Object.values(from)
        .filter((resource) => !scoped_types.includes(resource.Type))
        .flatMap((resource) =>
          Object.entries(resource.Properties ?? {})
            .filter(([key]) => /Name$/.test(key) && !/^(Attribute|Index|Metric|Stage)Name$/.test(key))
            .map(([, value]) => json(value))
            .filter((name) => !/\{"(Ref|Fn::GetAtt)":\[?"[A-Za-z0-9]+"/.test(name)),
        )
        // A backup plan's name sits one level down; plan names are unique in an account.
        .concat(
          ofType('AWS::Backup::BackupPlan', from).map(([, plan]) => json(plan.Properties!.BackupPlan.BackupPlanName)),
        );
    const other = new Set(names(test.template.toJSON().Resources));
    expect(names(resources).filter((name) => other.has(name))).toEqual([]);
  });

  it('retains no resource under a fixed name, so a redeploy after destroy or rollback cannot collide', () => {
    // Cognito group names live inside their (generated) pool; a Lambda's log group is named
    // after its generated function name. Every other retained name carries the stack's own id.
    for (const [id, resource] of Object.entries(resources)) {
      if (resource.DeletionPolicy !== 'Retain') continue;
      for (const [key, value] of Object.entries(resource.Properties ?? {})) {
        if (!/Name$/.test(key) || /^(Attribute|Index|Metric)Name$/.test(key)) continue;
        const name = json(value);
        expect(name.includes('AWS::StackId') || /"\/aws\/lambda\/",\{"Ref"/.test(name), `${id}.${key} = ${name}`).toBe(
          true,
        );
      }
    }
  });
});

describe('alarm topic', () => {
  it('leaves cdk-nag nothing to report with an alarm address set', () => {
    expect(prod.nagFindings.map((finding) => finding.ruleName)).toEqual([]);
  });

  it('is encrypted with a rotated key of its own and refuses publishing without TLS', () => {
    const [topicId, topic] = only('AWS::SNS::Topic');
    const keyId = topic.Properties!.KmsMasterKeyId['Fn::GetAtt'][0];
    expect(resources[keyId]).toMatchObject({ Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } });
    expect(json(resources[keyId]!.Properties!.KeyPolicy)).toContain('cloudwatch.amazonaws.com');
    const [, policy] = only('AWS::SNS::TopicPolicy');
    expect(policy.Properties!.Topics).toEqual([{ Ref: topicId }]);
    expect(policy.Properties!.PolicyDocument.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' } }),
      ]),
    );
  });

  it('mails the address given as context alarmEmail, and nobody when none is given', () => {
    const [topicId] = only('AWS::SNS::Topic');
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: alarm_email,
      TopicArn: { Ref: topicId },
    });
    test.template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('is the alarm and OK action of every alarm in the stack', () => {
    const [topicId] = only('AWS::SNS::Topic');
    const alarms = ofType('AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThan(10);
    for (const [id, alarm] of alarms) {
      expect(alarm.Properties!.AlarmActions, id).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties!.OKActions, id).toEqual([{ Ref: topicId }]);
    }
  });
});

/** The metric names an alarm watches, whether it has one metric or a math expression. */
const metricsOf = (alarm: Resources[string]): string[] => {
  const properties = alarm.Properties!;
  if (properties.MetricName) return [properties.MetricName];
  return (properties.Metrics ?? []).flatMap(
    (metric: { MetricStat?: { Metric: { MetricName: string } } }) => metric.MetricStat?.Metric.MetricName ?? [],
  );
};
const alarmsOn = (metricName: string, references: string) =>
  ofType('AWS::CloudWatch::Alarm').filter(
    ([, alarm]) => metricsOf(alarm).includes(metricName) && json(alarm.Properties).includes(references),
  );

describe('alarms', () => {
  it('watch the HTTP API for 5xx answers and p99 latency', () => {
    const [apiId] = only('AWS::ApiGatewayV2::Api');
    expect(alarmsOn('5xx', `{"Ref":"${apiId}"}`)).toHaveLength(1);
    const latency = alarmsOn('Latency', `{"Ref":"${apiId}"}`);
    expect(latency).toHaveLength(1);
    expect(latency[0]![1].Properties!.ExtendedStatistic).toBe('p99');
  });

  it('watch every Lambda function for errors and throttles', () => {
    const functions = ofType('AWS::Lambda::Function');
    expect(functions.length).toBeGreaterThanOrEqual(4);
    for (const [id] of functions) {
      expect(alarmsOn('Errors', `{"Ref":"${id}"}`), id).toHaveLength(1);
      expect(alarmsOn('Throttles', `{"Ref":"${id}"}`), id).toHaveLength(1);
    }
  });

  it('watch the table and its index for throttled reads and writes', () => {
    const [tableId] = only('AWS::DynamoDB::Table');
    const [alarm] = alarmsOn('WriteThrottleEvents', `{"Ref":"${tableId}"}`);
    expect(metricsOf(alarm![1]).sort()).toEqual(
      ['ReadThrottleEvents', 'ReadThrottleEvents', 'WriteThrottleEvents', 'WriteThrottleEvents'].sort(),
    );
    expect(json(alarm![1].Properties)).toContain('GlobalSecondaryIndexName');
  });

  it('watch every pipe for failed, timed-out and throttled executions', () => {
    const pipes = ofType('AWS::Pipes::Pipe');
    expect(pipes.length).toBeGreaterThan(0);
    for (const [id] of pipes) {
      const [alarm] = alarmsOn('ExecutionFailed', `{"Ref":"${id}"}`);
      expect(metricsOf(alarm![1]).sort()).toEqual(
        ['ExecutionFailed', 'ExecutionThrottled', 'ExecutionTimeout', 'TargetStageFailed'].sort(),
      );
    }
  });

  it('watch every dead-letter queue once for waiting messages, and every work queue for stalling', () => {
    // A dead-letter queue is whatever a queue, function, pipe or schedule names as one.
    const deadLetterIds = new Set(
      [...json(resources).matchAll(/"(?:deadLetterTargetArn|TargetArn|Arn)":\{"Fn::GetAtt":\["([^"]+)","Arn"\]\}/g)]
        .map((match) => match[1]!)
        .filter((id) => resources[id]?.Type === 'AWS::SQS::Queue'),
    );
    expect(deadLetterIds.size).toBeGreaterThanOrEqual(2);
    for (const [id, queue] of ofType('AWS::SQS::Queue')) {
      const reference = `{"Fn::GetAtt":["${id}","QueueName"]}`;
      if (deadLetterIds.has(id)) {
        expect(alarmsOn('ApproximateNumberOfMessagesVisible', reference), id).toHaveLength(1);
      } else {
        expect(queue.Properties!.RedrivePolicy, id).toBeDefined();
        expect(alarmsOn('ApproximateAgeOfOldestMessage', reference), id).toHaveLength(1);
      }
    }
  });

  it('watch the backup jobs of the vault', () => {
    const [vaultId] = only('AWS::Backup::BackupVault');
    expect(alarmsOn('NumberOfBackupJobsFailed', vaultId)).toHaveLength(1);
  });
});

describe('dashboard', () => {
  it('shows the API, functions, table, pipes and queues, and the state of every alarm', () => {
    const [, dashboard] = only('AWS::CloudWatch::Dashboard');
    const body = json(dashboard.Properties!.DashboardBody);
    for (const metric of ['5xx', 'Latency', 'Errors', 'Throttles', 'ReadThrottleEvents', 'ExecutionFailed']) {
      expect(body).toContain(metric);
    }
    for (const metric of ['ApproximateNumberOfMessagesVisible', 'ApproximateAgeOfOldestMessage']) {
      expect(body).toContain(metric);
    }
    for (const [id] of ofType('AWS::CloudWatch::Alarm')) expect(body, id).toContain(`"${id}","Arn"`);
  });
});

describe('backup', () => {
  const day_count_7_years = 7 * 365;

  it('backs up the table daily and monthly into a vault under a rotated key of its own', () => {
    const [tableId] = only('AWS::DynamoDB::Table');
    const [, selection] = only('AWS::Backup::BackupSelection');
    expect(selection.Properties!.BackupSelection.Resources).toEqual([{ 'Fn::GetAtt': [tableId, 'Arn'] }]);
    const [vaultId, vault] = only('AWS::Backup::BackupVault');
    expect(vault.DeletionPolicy).toBe('Retain');
    const keyId = vault.Properties!.EncryptionKeyArn['Fn::GetAtt'][0];
    expect(resources[keyId]).toMatchObject({ Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } });
    const [, plan] = only('AWS::Backup::BackupPlan');
    for (const rule of plan.Properties!.BackupPlan.BackupPlanRule) {
      expect(rule.TargetBackupVault).toEqual({ 'Fn::GetAtt': [vaultId, 'BackupVaultName'] });
    }
  });

  it('keeps a monthly backup at least seven years, in cold storage after the warm months', () => {
    const [, plan] = only('AWS::Backup::BackupPlan');
    const rules = plan.Properties!.BackupPlan.BackupPlanRule;
    const monthly = rules.find((rule: { RuleName: string }) => rule.RuleName === 'Monthly');
    expect(monthly.ScheduleExpression).toBe('cron(0 3 1 * ? *)');
    expect(monthly.Lifecycle.DeleteAfterDays).toBeGreaterThanOrEqual(day_count_7_years);
    // AWS Backup keeps a recovery point in cold storage at least 90 days.
    expect(monthly.Lifecycle.DeleteAfterDays - monthly.Lifecycle.MoveToColdStorageAfterDays).toBeGreaterThanOrEqual(90);
    const daily = rules.find((rule: { RuleName: string }) => rule.RuleName === 'Daily');
    expect(daily).toMatchObject({ ScheduleExpression: 'cron(0 3 * * ? *)', Lifecycle: { DeleteAfterDays: 35 } });
  });
});
