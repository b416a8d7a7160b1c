import { Aws, Duration, Fn, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/**
 * Bokföringslagen 7 kap. 2 § keeps räkenskapsinformation until the end of the seventh year after
 * the calendar year in which the fiscal year ended. The table itself never deletes a voucher, but
 * point-in-time recovery reaches back only 35 days: these backups make the books survive a table
 * lost or corrupted longer ago. A monthly backup from January holds that year's books, which must
 * be kept to 31 December seven years later, so monthly backups are kept seven years plus the year
 * they were taken in.
 */
const monthly_retention = Duration.days(8 * 366);
/** Daily backups bridge the months; PITR covers the same span to the second, these outlive the table. */
const daily_retention = Duration.days(35);
/**
 * Cold storage costs a fifth of warm storage; AWS Backup keeps a recovery point there at least 90
 * days. It applies to DynamoDB once the account has opted in to AWS Backup's advanced DynamoDB
 * features (an account setting, not a stack resource); without it the rule's transition is ignored.
 */
const cold_storage_after = Duration.days(90);
/** 03:00 Stockholm time, after the daily cycle run at 02:00 (cycle.ts). */
const backup_hour = '3';
const backup_zone = TimeZone.of('Europe/Stockholm');

export interface BackupProps {
  table: Table;
}

/** AWS Backup of the book-of-record table: a vault under its own KMS key, daily and monthly rules. */
export class Backup extends Construct {
  readonly vault: BackupVault;
  readonly plan: BackupPlan;

  constructor(scope: Construct, id: string, props: BackupProps) {
    super(scope, id);
    const stack = Stack.of(this);
    // Retained with the vault: the recovery points can only be read with it.
    const key = new Key(this, 'VaultKey', {
      description: `Encrypts the backups of ${stack.stackName}`,
      enableKeyRotation: true,
    });
    // The vault is retained (its recovery points are the 7-year record; AWS refuses to delete a
    // vault that holds any), so its name must not come back on the next deployment after a
    // destroy or a failed first create: the stack id's last segment is new for every stack.
    const stackIdSuffix = Fn.select(4, Fn.split('-', Fn.select(2, Fn.split('/', Aws.STACK_ID))));
    this.vault = new BackupVault(this, 'Vault', {
      backupVaultName: `${stack.stackName}-books-${stackIdSuffix}`,
      encryptionKey: key,
    });

    this.plan = new BackupPlan(this, 'Plan', {
      // Backup plan names are unique in an account and region; the stage keeps copies apart.
      backupPlanName: `${stack.stackName}-rakenskapsinformation`,
      backupVault: this.vault,
      backupPlanRules: [
        new BackupPlanRule({
          ruleName: 'Daily',
          scheduleExpression: Schedule.cron({ minute: '0', hour: backup_hour }),
          scheduleExpressionTimezone: backup_zone,
          deleteAfter: daily_retention,
        }),
        new BackupPlanRule({
          ruleName: 'Monthly',
          scheduleExpression: Schedule.cron({ minute: '0', hour: backup_hour, day: '1' }),
          scheduleExpressionTimezone: backup_zone,
          moveToColdStorageAfter: cold_storage_after,
          deleteAfter: monthly_retention,
        }),
      ],
    });
    const selection = this.plan.addSelection('Table', { resources: [BackupResource.fromDynamoDbTable(props.table)] });
    Validations.of(selection).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason:
        "AWS Backup's own service-role policy: AWS keeps it in step with what backing up each resource type needs " +
        '(DynamoDB with and without advanced features), which a hand-written policy would silently fall behind.',
    });

    const jobs = (metricName: string) =>
      new Metric({
        namespace: 'AWS/Backup',
        metricName,
        dimensionsMap: { BackupVaultName: this.vault.backupVaultName },
        period: Duration.hours(1),
        statistic: 'Sum',
      });
    new Alarm(this, 'JobsFailed', {
      alarmDescription: 'A backup of the book-of-record table failed or expired unstarted; see AWS Backup > Jobs',
      metric: new MathExpression({
        expression: 'failed + expired + aborted',
        usingMetrics: {
          failed: jobs('NumberOfBackupJobsFailed'),
          expired: jobs('NumberOfBackupJobsExpired'),
          aborted: jobs('NumberOfBackupJobsAborted'),
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
