import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolRiskConfigurationAttachment,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/**
 * One Cognito group per role; the ID token lists them in `cognito:groups`. The list must equal
 * `roles` in @finsam/domain (test/infra checks it).
 */
export const role_groups = [
  'platform-admin',
  'forbund-admin',
  'ekonom',
  'styrelse',
  'revisor',
  'member-rep',
  'national',
] as const;

const password_length_min = 12;
const temporary_password_validity_days = 3;
/** Short-lived tokens limit what a stolen one is worth; the refresh token covers a working day. */
const id_token_validity_minutes = 60;
const access_token_validity_minutes = 60;
const refresh_token_validity_hours = 12;
/** Förbund and member ids are short keys; the bound is fixed when the pool is created. */
const tenant_id_length_max = 64;

/** Users, roles and the portal's sign-in client. Accounts are created by admins, never self-signed-up. */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: {
        forbund_id: new StringAttribute({ minLen: 1, maxLen: tenant_id_length_max, mutable: true }),
        member_id: new StringAttribute({ minLen: 1, maxLen: tenant_id_length_max, mutable: true }),
      },
      passwordPolicy: {
        minLength: password_length_min,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(temporary_password_validity_days),
      },
      mfa: Mfa.OPTIONAL,
      // TOTP only: SMS would need an SNS role and spend limits, and codes by SMS are phishable.
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus tier for threat protection: this pool guards a financial system, and the cost per
      // monthly active user is small at the scale of Sweden's samordningsförbund.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional so that roles who sign in a few times a year (member-rep, national) are not locked out ' +
        'by a lost authenticator; enforced threat protection blocks compromised credentials and requires MFA on ' +
        'high-risk sign-ins (RiskConfiguration in this construct).',
    });

    new CfnUserPoolRiskConfigurationAttachment(this, 'RiskConfiguration', {
      userPoolId: this.userPool.userPoolId,
      clientId: 'ALL',
      compromisedCredentialsRiskConfiguration: { actions: { eventAction: 'BLOCK' } },
      accountTakeoverRiskConfiguration: {
        actions: {
          lowAction: { eventAction: 'NO_ACTION', notify: false },
          mediumAction: { eventAction: 'MFA_IF_CONFIGURED', notify: false },
          highAction: { eventAction: 'MFA_REQUIRED', notify: false },
        },
      },
    });

    for (const role of role_groups) {
      new UserPoolGroup(this, `Group-${role}`, {
        userPool: this.userPool,
        groupName: role,
        description: `Finsam role ${role}`,
      });
    }

    this.client = this.userPool.addClient('PortalClient', {
      // A browser app cannot keep a secret; it signs in with SRP so the password never leaves it.
      generateSecret: false,
      authFlows: { userSrp: true },
      // No hosted UI or OAuth redirect flows are used; leaving them on would enable the implicit grant.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.minutes(id_token_validity_minutes),
      accessTokenValidity: Duration.minutes(access_token_validity_minutes),
      refreshTokenValidity: Duration.hours(refresh_token_validity_hours),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('forbund_id', 'member_id'),
      // The tenant attributes are absent on purpose: a user who could write custom:forbund_id
      // could move into another förbund. Only admin APIs set them.
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });
  }

  /** The `iss` of the pool's tokens. */
  get issuerUrl(): string {
    return `https://${this.userPool.userPoolProviderUrl}`;
  }

  get jwksUrl(): string {
    return `${this.issuerUrl}/.well-known/jwks.json`;
  }
}
