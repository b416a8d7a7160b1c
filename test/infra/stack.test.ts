import { api_content_security_policy, common_security_headers } from '@finsam/api';
import { roles } from '@finsam/domain';
import { gsi1IndexName, tableDefinition } from '@finsam/store';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { no_portal_build, synthesize } from './synth.ts';

let template: Template;

beforeAll(() => {
  ({ template } = synthesize({ portalBuildPath: no_portal_build }));
});

const onlyResource = (type: string) => {
  const resources = Object.values(template.findResources(type));
  expect(resources).toHaveLength(1);
  return resources[0]!.Properties;
};

describe('table', () => {
  it('has the same keys and index as the table the local runtime creates', () => {
    const local = tableDefinition('finsam');
    const table = onlyResource('AWS::DynamoDB::Table');
    expect(table.KeySchema).toEqual(local.KeySchema);
    expect(table.AttributeDefinitions).toEqual(expect.arrayContaining(local.AttributeDefinitions!));
    expect(table.AttributeDefinitions).toHaveLength(local.AttributeDefinitions!.length);
    expect(table.GlobalSecondaryIndexes).toEqual([
      expect.objectContaining({
        IndexName: gsi1IndexName,
        KeySchema: local.GlobalSecondaryIndexes![0]!.KeySchema,
        Projection: { ProjectionType: 'ALL' },
      }),
    ]);
  });

  it('is on-demand, recoverable, protected from deletion and streams both images', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      },
    });
  });
});

describe('api function', () => {
  const apiFunction = () => {
    const functions = template.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: { POWERTOOLS_SERVICE_NAME: 'finsam-api' } } },
    });
    expect(Object.keys(functions)).toHaveLength(1);
    return Object.values(functions)[0]!.Properties;
  };

  it('runs Node.js 24 on arm64 from the ESM bundle', () => {
    expect(apiFunction()).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
    });
  });

  it('gets the table and the token settings of this pool and client', () => {
    const variables = apiFunction().Environment.Variables;
    expect(variables.TABLE_NAME).toEqual({ Ref: Object.keys(template.findResources('AWS::DynamoDB::Table'))[0] });
    expect(variables.TOKEN_AUDIENCE).toEqual({
      Ref: Object.keys(template.findResources('AWS::Cognito::UserPoolClient'))[0],
    });
    expect(JSON.stringify(variables.JWKS_URL)).toContain('/.well-known/jwks.json');
    expect(JSON.stringify(variables.TOKEN_ISSUER)).toContain('https://');
    expect(variables.POWERTOOLS_SERVICE_NAME).toBe('finsam-api');
  });

  it('may read and write the table and its indexes, and nothing else in DynamoDB', () => {
    // Other functions (the annual cycle's) have table grants of their own; this is the API's role.
    const role = apiFunction().Role['Fn::GetAtt'][0];
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${role}"`))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
      .filter((statement) => [statement.Action].flat().some((action: string) => action.startsWith('dynamodb:')));
    expect(statements).toHaveLength(1);
    const actions: string[] = [statements[0].Action].flat();
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']));
    expect(actions.some((action) => action.endsWith('*') || action === 'dynamodb:DeleteTable')).toBe(false);
  });

  it('may invite and remove logins in this user pool, and nothing else in Cognito', () => {
    const userPool = Object.keys(template.findResources('AWS::Cognito::UserPool'))[0];
    expect(apiFunction().Environment.Variables.USER_POOL_ID).toEqual({ Ref: userPool });
    const role = apiFunction().Role['Fn::GetAtt'][0];
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${role}"`))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
      .filter((statement) => [statement.Action].flat().some((action: string) => action.startsWith('cognito-idp:')));
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: ['cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminCreateUser', 'cognito-idp:AdminDeleteUser'],
        Resource: { 'Fn::GetAtt': [userPool, 'Arn'] },
      },
    ]);
  });
});

describe('http api', () => {
  it('verifies Cognito ID tokens for this app client', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: Match.stringLikeRegexp('UserPoolPortalClient') }],
        Issuer: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
      },
    });
  });

  it('authorizes the catch-all route and leaves only docs, health and signed document links public', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((route) => route.Properties);
    const byKey = Object.fromEntries(routes.map((route) => [route.RouteKey, route.AuthorizationType ?? 'NONE']));
    expect(byKey).toEqual({
      'ANY /{proxy+}': 'JWT',
      'GET /openapi.json': 'NONE',
      'GET /docs': 'NONE',
      'GET /docs/start.js': 'NONE',
      'GET /api/health': 'NONE',
      // Verified by the link's signature in the app (test/infra/webhooks.test.ts).
      'GET /api/forbund/{forbundId}/documents/{documentId}': 'NONE',
    });
  });

  it('throttles and logs the default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });
});

describe('auth', () => {
  it('has one group per role of the domain', () => {
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map(
      (group) => group.Properties.GroupName,
    );
    expect(groups.sort()).toEqual([...roles].sort());
  });

  it('carries the tenant attributes, a strong password policy and threat protection', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'forbund_id', AttributeDataType: 'String' }),
        Match.objectLike({ Name: 'member_id', AttributeDataType: 'String' }),
      ]),
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      MfaConfiguration: 'OPTIONAL',
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
  });

  it('never lets a user write their own förbund or member id', () => {
    const client = onlyResource('AWS::Cognito::UserPoolClient');
    expect(client.GenerateSecret).toBe(false);
    expect(client.AllowedOAuthFlowsUserPoolClient).not.toBe(true);
    expect(client.ReadAttributes).toEqual(expect.arrayContaining(['custom:forbund_id', 'custom:member_id']));
    expect(client.WriteAttributes.filter((name: string) => name.startsWith('custom:'))).toEqual([]);
  });
});

describe('portal', () => {
  it('serves a private bucket through origin access control, HTTPS only, with logs', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const config = onlyResource('AWS::CloudFront::Distribution').DistributionConfig;
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('https-only');
    expect(
      config.Origins.filter((origin: { OriginAccessControlId?: unknown }) => origin.OriginAccessControlId),
    ).toHaveLength(1);
    expect(config.Logging).toMatchObject({ Prefix: 'cloudfront/' });
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 's3/portal/' }),
    });
  });

  it('falls back to index.html for client routes without rewriting API errors', () => {
    const config = onlyResource('AWS::CloudFront::Distribution').DistributionConfig;
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      expect.objectContaining({ EventType: 'viewer-request' }),
    ]);
    // Error responses would apply to the API paths too and turn a 404 problem into index.html.
    expect(config.CustomErrorResponses).toBeUndefined();
  });

  it('forwards the API paths to the HTTP API uncached and HTTPS only', () => {
    const behaviors = onlyResource('AWS::CloudFront::Distribution').DistributionConfig.CacheBehaviors;
    expect(behaviors.map((behavior: { PathPattern: string }) => behavior.PathPattern).sort()).toEqual(
      ['/api/*', '/docs', '/docs/start.js', '/openapi.json'].sort(),
    );
    const caching_disabled_policy_id = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
    for (const behavior of behaviors) {
      expect(behavior).toMatchObject({ CachePolicyId: caching_disabled_policy_id, ViewerProtocolPolicy: 'https-only' });
    }
  });

  it('adds the security headers of @finsam/api: the portal’s CSP set on its files, the API’s own kept', () => {
    const config = onlyResource('AWS::CloudFront::Distribution').DistributionConfig;
    const policies = template.findResources('AWS::CloudFront::ResponseHeadersPolicy');
    const policyOf = (behavior: { ResponseHeadersPolicyId: { Ref: string } }) =>
      policies[behavior.ResponseHeadersPolicyId.Ref]!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const portal = policyOf(config.DefaultCacheBehavior);
    const csp = portal.ContentSecurityPolicy;
    expect(csp.Override).toBe(true);
    const directives = JSON.stringify(csp.ContentSecurityPolicy);
    expect(directives).toContain("script-src 'self'");
    expect(directives).toContain("frame-ancestors 'none'");
    expect(directives).not.toContain('unsafe-inline');
    expect(directives).toContain('https://cognito-idp.');
    expect(portal.FrameOptions.FrameOption.toLowerCase()).toBe(
      common_security_headers['x-frame-options'].toLowerCase(),
    );
    expect(portal.ReferrerPolicy.ReferrerPolicy).toBe(common_security_headers['referrer-policy']);
    expect(portal.ContentTypeOptions.Override).toBe(true);
    expect(portal.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31_536_000);
    for (const behavior of config.CacheBehaviors) {
      const api = policyOf(behavior);
      expect(api.ContentSecurityPolicy).toEqual({
        ContentSecurityPolicy: api_content_security_policy,
        Override: false,
      });
    }
  });

  it('deploys Swagger UI but no portal build when web/dist does not exist yet', () => {
    const deployments = Object.values(template.findResources('Custom::CDKBucketDeployment'));
    expect(deployments.map((deployment) => deployment.Properties.DestinationBucketKeyPrefix)).toEqual(['docs-assets/']);
  });
});
