import { existsSync } from 'node:fs';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api, public_paths } from './constructs/api.ts';
import { ApiFunction } from './constructs/api-function.ts';
import { Auth } from './constructs/auth.ts';
import { Backup } from './constructs/backup.ts';
import { Cycle } from './constructs/cycle.ts';
import type { InvitationSender } from './constructs/invitation.ts';
import { Operations } from './constructs/operations.ts';
import { Portal, type PortalDomain } from './constructs/portal.ts';
import { PortalDeployment } from './constructs/portal-deployment.ts';
import { Table } from './constructs/table.ts';
import { Webhooks } from './constructs/webhooks.ts';
import { paths } from './paths.ts';

export interface FinsamStackProps extends StackProps {
  /** The portal build to deploy; defaults to web/dist. Tests point it at a fixture. */
  portalBuildPath?: string;
  domain?: PortalDomain;
  /** Subscribed to the alarm topic (context alarmEmail). */
  alarmEmail?: string | undefined;
  /** SES as the sender of invitations (context invitationFrom); Cognito's own mail without it. */
  invitationSender?: InvitationSender | undefined;
}

/**
 * Finsam Cloud in one stack. Environment-agnostic on purpose: it synthesizes offline with no
 * account, no credentials and no lookups; region and account are resolved at deploy time.
 */
export class FinsamStack extends Stack {
  constructor(scope: Construct, id: string, props: FinsamStackProps = {}) {
    super(scope, id, props);
    const table = new Table(this, 'Data');
    const auth = new Auth(this, 'Auth', { invitationSender: props.invitationSender });
    const apiFunction = new ApiFunction(this, 'ApiFunction', { table: table.table, auth });
    // The API completes the state machines' waiting steps when a person acts.
    new Cycle(this, 'Cycle', { table: table.table }).grantCompleteSteps(apiFunction.function);
    const api = new Api(this, 'Api', { handler: apiFunction.function, auth });
    const portal = new Portal(this, 'Portal', {
      apiDomainName: api.domainName,
      // /api/* covers /api/health; the other public paths live at the root.
      apiPathPatterns: ['/api/*', ...public_paths.filter((path) => !path.startsWith('/api/'))],
      domain: props.domain,
    });
    auth.invitePeopleTo(portal.url);

    // The portal is built by `npm run build:web`. A fresh clone has no web/dist yet, and synth
    // must still work there (tests, CI before the web build), so the upload is then left out;
    // Swagger UI's files are deployed either way.
    const portalBuildPath = props.portalBuildPath ?? paths.portalBuild;
    new PortalDeployment(this, 'PortalDeployment', {
      portal,
      portalBuildPath: existsSync(portalBuildPath) ? portalBuildPath : undefined,
      swaggerUiPath: paths.swaggerUi,
      runtimeConfig: {
        region: this.region,
        userPoolId: auth.userPool.userPoolId,
        userPoolClientId: auth.client.userPoolClientId,
      },
    });

    // Members' finance systems: outbox relay, signed delivery with retries, dead letters (issue 5).
    const webhooks = new Webhooks(this, 'Webhooks', { table: table.table, publicBaseUrl: portal.url });
    webhooks.grantDocumentLinks(apiFunction.function);
    webhooks.grantSecrets(apiFunction.function);

    // Räkenskapsinformation for seven years, beyond point-in-time recovery's 35 days.
    new Backup(this, 'Backup', { table: table.table });
    // Last: it watches every function, table, queue, pipe and API built above.
    const operations = new Operations(this, 'Operations', { alarmEmail: props.alarmEmail });

    new CfnOutput(this, 'PortalUrl', { value: portal.url });
    new CfnOutput(this, 'ApiUrl', { value: api.stage.url });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: auth.client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: table.table.tableName });
    new CfnOutput(this, 'AlarmTopicArn', { value: operations.topic.topicArn });
  }
}
