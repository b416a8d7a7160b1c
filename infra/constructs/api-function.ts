import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { CfnTable, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { paths } from '../paths.ts';
import type { Auth } from './auth.ts';
import { lambda_runtime, lambdaBundling } from './bundling.ts';

/** More memory buys proportionally more CPU, which shortens cold starts (JWKS, SDK, zod schemas). */
const memory_mb = 1024;
/** Requests are a few DynamoDB calls; HTTP API gives up after 30 s, the function well before. */
const timeout_seconds = 10;
/** A fiscal year plus the closing months, so an incident can be traced back to last year's close. */
const log_retention = RetentionDays.EIGHTEEN_MONTHS;

export interface ApiFunctionProps {
  table: Table;
  auth: Auth;
}

/** The HTTP API's Lambda: functions/src/api.ts bundled by the locally installed esbuild. */
export class ApiFunction extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: log_retention });
    // An own role with write access to its own log group only, instead of the managed
    // AWSLambdaBasicExecutionRole, which may write to every log group in the account.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: paths.apiHandlerEntry,
      handler: 'handler',
      depsLockFilePath: paths.lockFile,
      runtime: lambda_runtime,
      architecture: Architecture.ARM_64,
      memorySize: memory_mb,
      timeout: Duration.seconds(timeout_seconds),
      role,
      logGroup,
      environment: {
        TABLE_NAME: props.table.tableName,
        JWKS_URL: props.auth.jwksUrl,
        TOKEN_ISSUER: props.auth.issuerUrl,
        TOKEN_AUDIENCE: props.auth.client.userPoolClientId,
        USER_POOL_ID: props.auth.userPool.userPoolId,
        POWERTOOLS_SERVICE_NAME: 'finsam-api',
        POWERTOOLS_METRICS_NAMESPACE: 'Finsam',
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
      bundling: lambdaBundling({ renderers: true }),
    });

    // Why no `dynamodb:LeadingKeys` condition here: this one function serves every förbund, and
    // which förbund a request may touch is known only after its token is verified. A policy
    // limiting the role to one partition would have to name all tenants (so limit nothing) or
    // require a per-request STS session scoped by a session tag. Tenant isolation is therefore
    // enforced in the store, which builds every key from the verified token. The cycle and webhook
    // functions likewise act for every förbund in turn, so the same reasoning holds for them.
    props.table.grantReadWriteData(this.function);
    const tableLogicalId = Stack.of(this).resolve((props.table.node.defaultChild as CfnTable).logicalId);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${tableLogicalId}.Arn>/index/*]`,
      reason:
        "The table grant covers the table's own indexes, which the API queries for the national aggregates on " +
        'GSI1; the wildcard cannot reach any other table.',
    });
    // Inviting and removing logins (packages/api/src/identity/cognito-identity-provider.ts) and
    // nothing more: no listing, no attribute updates, no password resets for other people.
    props.auth.userPool.grant(
      this.function,
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminDeleteUser',
    );
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'DESIGN.md fixes the Lambda runtime at Node.js 22 (maintenance LTS until April 2027); moving to 24 is a ' +
        'deliberate upgrade with its own test run, not something a lint rule should force.',
    });
  }
}
