import { api_content_security_policy, portalContentSecurityPolicy, strict_transport_seconds } from '@finsam/api';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { LogBucket } from './log-bucket.ts';

/** A custom domain for the portal; its certificate must be in us-east-1 (a CloudFront rule). */
export interface PortalDomain {
  name: string;
  certificateArn: string;
}

export interface PortalProps {
  /** The HTTP API's host name; CloudFront forwards the API's paths to it. */
  apiDomainName: string;
  /** Paths served by the API rather than the bucket, as CloudFront path patterns. */
  apiPathPatterns: readonly string[];
  domain?: PortalDomain;
}

const api_timeout_seconds = 30;

/**
 * Client-side routes (`/forbund/123`) have no object in the bucket; they get index.html and the
 * SPA routes itself. Anything whose last segment has a dot is a file and is served as it is.
 * This is a viewer-request function rather than a 403/404 error response, because error
 * responses apply to the whole distribution and would turn the API's 404 problem+json (another
 * förbund's resource) into a 200 index.html.
 */
const spa_fallback_code = `function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/**
 * The portal on one domain with the API, as locally: CloudFront serves the SPA from a private
 * bucket (origin access control) and forwards `/api/*`, `/openapi.json` and `/docs` to the HTTP
 * API. One origin means no CORS, and the portal calls `/api/...` the same way in both runtimes.
 */
export class Portal extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  private readonly domainName: string | undefined;

  constructor(scope: Construct, id: string, props: PortalProps) {
    super(scope, id);
    this.domainName = props.domain?.name;
    const logs = new LogBucket(this, 'Logs').bucket;
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/portal/',
    });

    const api = new HttpOrigin(props.apiDomainName, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      readTimeout: Duration.seconds(api_timeout_seconds),
    });
    const apiBehavior = {
      origin: api,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      // Responses are one user's financial data: never cached at the edge. With caching off,
      // this policy forwards the Authorization header; Host stays API Gateway's own.
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: this.headersPolicy('Api', api_content_security_policy, false),
    };

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Finsam Cloud portal and API',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        // Plain HTTP is refused, not redirected: no request or token ever travels unencrypted.
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        // The portal's own policy: scripts from this origin only, sign-in at the region's Cognito.
        responseHeadersPolicy: this.headersPolicy(
          'Portal',
          portalContentSecurityPolicy([`https://cognito-idp.${Stack.of(this).region}.amazonaws.com`]),
          true,
        ),
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new EdgeFunction(this, 'SpaFallback', {
              code: FunctionCode.fromInline(spa_fallback_code),
              runtime: FunctionRuntime.JS_2_0,
            }),
          },
        ],
      },
      additionalBehaviors: Object.fromEntries(props.apiPathPatterns.map((pattern) => [pattern, apiBehavior])),
      httpVersion: HttpVersion.HTTP2_AND_3,
      // The users are in Sweden: edge locations in Europe and North America are enough.
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      // The TLS floor can only be set with an own certificate (see the CFR4 acknowledgement).
      ...(props.domain
        ? {
            domainNames: [props.domain.name],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });

    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: users are Swedish public-sector staff who also work while travelling; every data ' +
          'request needs a Cognito token, and the bucket holds only the public application code.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF yet: a CloudFront web ACL must live in a us-east-1 stack and costs a fixed monthly fee; the API ' +
          'behind this distribution has a JWT authorizer and stage throttling, Cognito has threat protection.',
      },
    );
    if (!props.domain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain CloudFront serves its default *.cloudfront.net certificate, whose security policy ' +
          'CloudFront fixes at TLSv1 and cannot be raised. Give the stack a portal domain (context portalDomainName ' +
          'and portalCertificateArn) and the distribution uses TLSv1.2_2021.',
      });
    }
  }

  /** The address people and members' systems use: the own domain when there is one. */
  get url(): string {
    return `https://${this.domainName ?? this.distribution.distributionDomainName}`;
  }

  /**
   * The security headers of @finsam/api as a CloudFront policy (frame options and referrer
   * policy as in its common_security_headers; test/infra compares them). For the portal's files they are
   * set (override); for the API they only fill in what an answer lacks, since the API sets its
   * own: a stricter policy for data, the portal's for the /docs page.
   */
  private headersPolicy(id: string, contentSecurityPolicy: string, override: boolean) {
    return new ResponseHeadersPolicy(this, `${id}Headers`, {
      comment: `Finsam Cloud: security headers (${id.toLowerCase()})`,
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy, override },
        contentTypeOptions: { override },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(strict_transport_seconds),
          includeSubdomains: true,
          override: true,
        },
      },
    });
  }
}
