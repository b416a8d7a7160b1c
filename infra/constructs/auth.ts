import { Duration, Lazy, RemovalPolicy, Validations } from 'aws-cdk-lib';
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
  UserPoolEmail,
  UserPoolGroup,
  VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { type InvitationSender, invitationEmail, verificationEmail } from './invitation.ts';

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

export interface AuthProps {
  /** Send invitations through SES from this address; without it, Cognito's own mail (50 a day). */
  invitationSender?: InvitationSender;
}

/** Users, roles and the portal's sign-in client. Accounts are created by admins, never self-signed-up. */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  private portalUrl: string | undefined;

  constructor(scope: Construct, id: string, props: AuthProps = {}) {
    super(scope, id);
    // The invitation names the portal, whose CloudFront distribution is built after the API and
    // so after this pool (the API's authorizer needs the pool). The address is filled in at synth
    // (invitePeopleTo). In CloudFormation the pool then depends on the distribution, never the
    // reverse: the distribution points at the API's host, not at the pool, so there is no cycle.
    const portalUrl = Lazy.string({
      produce: () => {
        if (!this.portalUrl)
          throw new Error('Auth: call invitePeopleTo(portal url) so the invitation names the portal');
        return this.portalUrl;
      },
    });
    const invitation = invitationEmail(portalUrl, temporary_password_validity_days);
    const verification = verificationEmail();
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
      // Cognito's own mail sends at most 50 messages a day from no-reply@verificationemail.com;
      // SES sends from the operator's domain at the account's SES quota.
      email: props.invitationSender
        ? UserPoolEmail.withSES({
            fromEmail: props.invitationSender.fromEmail,
            fromName: props.invitationSender.fromName,
            sesRegion: props.invitationSender.sesRegion,
            sesVerifiedDomain: props.invitationSender.sesVerifiedDomain,
          })
        : UserPoolEmail.withCognito(),
      userInvitation: { emailSubject: invitation.subject, emailBody: invitation.body },
      // The same template carries the code of a forgotten password (ForgotPassword).
      userVerification: {
        emailStyle: VerificationEmailStyle.CODE,
        emailSubject: verification.subject,
        emailBody: verification.body,
      },
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
      // A browser app cannot keep a secret.
      generateSecret: false,
      // SRP, and USER_PASSWORD_AUTH because it is the only flow cognito-local implements, so the
      // portal signs in the same way against both and its sign-in is tested end to end. The
      // password then goes to Cognito itself, over TLS, and nowhere else (not to our API); threat
      // protection (RiskConfiguration below) judges those sign-ins as it judges SRP ones.
      authFlows: { userSrp: true, userPassword: true },
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

  /** The portal address the invitation links to (Portal's url); the invitation needs it. */
  invitePeopleTo(portalUrl: string) {
    this.portalUrl = portalUrl;
  }

  /** The `iss` of the pool's tokens. */
  get issuerUrl(): string {
    return `https://${this.userPool.userPoolProviderUrl}`;
  }

  get jwksUrl(): string {
    return `${this.issuerUrl}/.well-known/jwks.json`;
  }
}
