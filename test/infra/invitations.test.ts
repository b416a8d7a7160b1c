import { beforeAll, describe, expect, it } from 'vitest';
import { email_body_length_max, email_subject_length_max } from '../../infra/constructs/invitation.ts';
import { no_portal_build, synthesize } from './synth.ts';

/** The pool's mail as synthesized: Swedish, naming the portal, sent by SES when configured. */
let cognitoMail: ReturnType<typeof synthesize>;
let sesMail: ReturnType<typeof synthesize>;

beforeAll(() => {
  cognitoMail = synthesize({ portalBuildPath: no_portal_build });
  sesMail = synthesize({
    portalBuildPath: no_portal_build,
    context: { invitationFrom: 'no-reply@finsam.example', sesRegion: 'eu-west-1', sesVerifiedDomain: 'finsam.example' },
  });
});

const userPool = (synthesized: ReturnType<typeof synthesize>) =>
  Object.values(synthesized.template.findResources('AWS::Cognito::UserPool'))[0]!.Properties;
const distributionId = (synthesized: ReturnType<typeof synthesize>) =>
  Object.keys(synthesized.template.findResources('AWS::CloudFront::Distribution'))[0]!;

describe('invitation', () => {
  it('is Swedish, links to the portal and carries the address and temporary password', () => {
    const template = userPool(cognitoMail).AdminCreateUserConfig.InviteMessageTemplate;
    expect(template.EmailSubject).toBe('Välkommen till Finsam');
    const body = JSON.stringify(template.EmailMessage);
    expect(body).toContain('Du har fått ett konto i Finsam');
    expect(body).toContain('{username}');
    expect(body).toContain('{####}');
    expect(body).toContain('gäller i 3 dagar');
    // The portal's address, resolved at deploy time from the distribution.
    expect(body).toContain('Logga in på <a href=');
    expect(template.EmailMessage).toEqual({
      'Fn::Join': ['', expect.arrayContaining([{ 'Fn::GetAtt': [distributionId(cognitoMail), 'DomainName'] }])],
    });
    expect(template.EmailSubject.length).toBeLessThanOrEqual(email_subject_length_max);
    expect(body.length).toBeLessThanOrEqual(email_body_length_max);
  });

  it('has a Swedish code mail for a forgotten password', () => {
    const template = userPool(cognitoMail).VerificationMessageTemplate;
    expect(template).toMatchObject({ DefaultEmailOption: 'CONFIRM_WITH_CODE', EmailSubject: 'Din kod till Finsam' });
    expect(template.EmailMessage).toContain('Din kod är {####}');
  });
});

describe('sender', () => {
  it("is Cognito's own mail when no SES sender is configured", () => {
    expect(userPool(cognitoMail).EmailConfiguration).toEqual({ EmailSendingAccount: 'COGNITO_DEFAULT' });
  });

  it('is SES from the configured address and verified domain when context invitationFrom is set', () => {
    expect(userPool(sesMail).EmailConfiguration).toEqual({
      EmailSendingAccount: 'DEVELOPER',
      From: 'Finsam <no-reply@finsam.example>',
      SourceArn: {
        'Fn::Join': [
          '',
          ['arn:', { Ref: 'AWS::Partition' }, ':ses:eu-west-1:', { Ref: 'AWS::AccountId' }, ':identity/finsam.example'],
        ],
      },
    });
  });

  it('leaves cdk-nag nothing to report with SES as the sender', () => {
    expect(sesMail.nagFindings.map((finding) => finding.ruleName)).toEqual([]);
  });

  it('needs the SES region, since the stack knows its own region only at deploy time', () => {
    expect(() =>
      synthesize({ portalBuildPath: no_portal_build, context: { invitationFrom: 'no-reply@finsam.example' } }),
    ).toThrow(/sesRegion/);
  });
});

describe('portal client', () => {
  it('signs in by SRP or by USER_PASSWORD_AUTH (the flow cognito-local implements), and refreshes', () => {
    const client = Object.values(cognitoMail.template.findResources('AWS::Cognito::UserPoolClient'))[0]!.Properties;
    expect([...client.ExplicitAuthFlows].sort()).toEqual(
      ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'].sort(),
    );
  });
});
