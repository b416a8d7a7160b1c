/**
 * The mails Cognito sends to people, in Swedish like every text a person sees. Cognito fills in
 * `{username}` (the e-mail address, as the pool signs in by e-mail) and `{####}` (the temporary
 * password or the code).
 */

/** SES as the sender of the pool's mail; the identity (address or domain) must be verified in SES. */
export interface InvitationSender {
  /** The From address, e.g. no-reply@finsam.se. */
  fromEmail: string;
  /** The name shown beside the address; "Finsam" unless told otherwise. */
  fromName?: string;
  /** The region of the SES identity; required because the stack is region-agnostic at synth. */
  sesRegion: string;
  /** When the domain rather than the address is the verified SES identity. */
  sesVerifiedDomain?: string;
}

/** Cognito's bounds on a message template (CreateUserPool: EmailSubject, EmailMessage). */
export const email_subject_length_max = 140;
export const email_body_length_max = 20_000;

export interface EmailTemplate {
  subject: string;
  body: string;
}

/** The invitation an administrator's AdminCreateUser sends: where to sign in, and with what. */
export function invitationEmail(portalUrl: string, temporaryPasswordValidityDays: number): EmailTemplate {
  return {
    subject: 'Välkommen till Finsam',
    body: [
      'Hej!',
      'Du har fått ett konto i Finsam, ekonomisystemet för samordningsförbund.',
      `Logga in på <a href="${portalUrl}">${portalUrl}</a> med<br>` +
        'e-postadress: {username}<br>' +
        'tillfälligt lösenord: {####}',
      `Det tillfälliga lösenordet gäller i ${temporaryPasswordValidityDays} dagar. ` +
        'När du loggar in första gången väljer du ett eget lösenord.',
      'Om du inte väntade dig det här meddelandet kan du bortse från det.',
    ]
      .map((paragraph) => `<p>${paragraph}</p>`)
      .join(''),
  };
}

/** The code of a forgotten password (and of a changed e-mail address). */
export function verificationEmail(): EmailTemplate {
  return {
    subject: 'Din kod till Finsam',
    body:
      '<p>Din kod är {####}</p>' +
      '<p>Skriv in koden i Finsam för att välja ett nytt lösenord. Om du inte har bett om en kod kan du ' +
      'bortse från det här meddelandet.</p>',
  };
}
