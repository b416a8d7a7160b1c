import { Stack, Validations } from 'aws-cdk-lib';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { Portal } from './portal.ts';

/** The bucket folder the /docs page loads Swagger UI from (`/docs-assets` in @finsam/api). */
const docs_assets_prefix = 'docs-assets';

export interface PortalDeploymentProps {
  portal: Portal;
  /** The web build (web/dist); omitted when it does not exist yet. */
  portalBuildPath?: string;
  /** swagger-ui-dist's folder. */
  swaggerUiPath: string;
  /** Settings the SPA reads at start from /config.json: how to reach Cognito in this deployment. */
  runtimeConfig: Record<string, string>;
}

/** Copies the portal build and Swagger UI's files into the portal bucket and refreshes the CDN. */
export class PortalDeployment extends Construct {
  constructor(scope: Construct, id: string, props: PortalDeploymentProps) {
    super(scope, id);
    const { bucket, distribution } = props.portal;

    new BucketDeployment(this, 'DocsAssets', {
      sources: [
        Source.asset(props.swaggerUiPath, {
          exclude: ['*', '!swagger-ui.css', '!swagger-ui-bundle.js'],
        }),
      ],
      destinationBucket: bucket,
      destinationKeyPrefix: `${docs_assets_prefix}/`,
      distribution,
      distributionPaths: [`/${docs_assets_prefix}/*`],
    });

    if (props.portalBuildPath) {
      new BucketDeployment(this, 'Portal', {
        sources: [Source.asset(props.portalBuildPath), Source.jsonData('config.json', props.runtimeConfig)],
        destinationBucket: bucket,
        // Pruning removes files of older builds, but must leave the docs assets alone.
        exclude: [`${docs_assets_prefix}/*`],
        distribution,
        distributionPaths: ['/*'],
      });
    }

    acknowledgeDeploymentHandlerFindings(Stack.of(this), bucket);
  }
}

/**
 * BucketDeployment runs a Lambda that aws-cdk-lib creates once per stack, outside this construct,
 * with a role and runtime chosen by aws-cdk-lib. cdk-nag v3 has no wildcard acknowledgement, so
 * each finding on it is named; a new one after an aws-cdk-lib upgrade fails synth and the tests.
 */
function acknowledgeDeploymentHandlerFindings(stack: Stack, bucket: Bucket) {
  const handler = stack.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!handler) return;
  const bucketLogicalId = stack.resolve((bucket.node.defaultChild as CfnBucket).logicalId);
  const wildcardActions = ['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'];
  const wildcardResources = [
    // The CDK bootstrap bucket holding the zipped assets (default synthesizer qualifier).
    'arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
    `<${bucketLogicalId}.Arn>/*`,
    // CloudFront invalidation, which aws-cdk-lib grants on all distributions.
    '*',
  ];
  Validations.of(handler).acknowledge(
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'The aws-cdk-lib BucketDeployment handler writes its own logs with the basic execution role; it runs only while deploying.',
    },
    ...[
      ...wildcardActions.map((action) => `Action::${action}`),
      ...wildcardResources.map((resource) => `Resource::${resource}`),
    ].map((finding) => ({
      id: `AwsSolutions-IAM5[${finding}]`,
      reason:
        'aws-cdk-lib grants the BucketDeployment handler what `aws s3 sync` needs: read the asset objects, write and ' +
        'prune objects in the portal bucket, and invalidate the distribution.',
    })),
    {
      id: 'AwsSolutions-L1',
      reason: 'The BucketDeployment handler runtime is chosen and kept current by aws-cdk-lib, not by this stack.',
    },
  );
}
