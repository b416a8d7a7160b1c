import type { App } from 'aws-cdk-lib';
import type { InvitationSender } from './constructs/invitation.ts';

/** The stage when none is given: a developer's own copy, never production by accident. */
export const default_stage = 'dev';
/**
 * Lower-case letters, digits and hyphens, starting with a letter, at most 20 characters: it goes
 * into the stack name and from there into physical names with their own limits (a backup vault's
 * name is at most 50 characters, see backup.ts).
 */
const stage_pattern = /^[a-z][a-z0-9-]{0,19}$/;
const email_pattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** One stack per stage, so `-c stage=test` and `-c stage=prod` live side by side in one account. */
export function stackNameOf(stage: string): string {
  return `Finsam-${stage}`;
}

export interface StackSettings {
  stage: string;
  alarmEmail?: string;
  invitationSender?: InvitationSender;
}

/**
 * The deploy-time settings, all CDK context (`-c key=value` or cdk.context.json), like the
 * portal domain: read at synth, so the synthesized template that the tests and cdk-nag check is
 * exactly what is deployed, with no CloudFormation parameters or conditions beside it.
 *
 * - `stage`: which copy (default `dev`).
 * - `alarmEmail`: the address subscribed to the alarm topic.
 * - `invitationFrom` (+ `sesRegion`, optional `invitationFromName`, `sesVerifiedDomain`): send
 *   the pool's mail through SES from this address.
 */
export function stackSettings(app: App): StackSettings {
  const context = (key: string): string | undefined => {
    const value = app.node.tryGetContext(key);
    return value === undefined || value === '' ? undefined : String(value);
  };
  const stage = context('stage') ?? default_stage;
  if (!stage_pattern.test(stage)) {
    throw new Error(`context stage=${stage}: use lower-case letters, digits and hyphens, at most 20, e.g. prod`);
  }
  const alarmEmail = context('alarmEmail');
  if (alarmEmail !== undefined && !email_pattern.test(alarmEmail)) {
    throw new Error(`context alarmEmail=${alarmEmail} is not an e-mail address`);
  }
  const fromEmail = context('invitationFrom');
  let invitationSender: InvitationSender | undefined;
  if (fromEmail !== undefined) {
    if (!email_pattern.test(fromEmail)) throw new Error(`context invitationFrom=${fromEmail} is not an e-mail address`);
    const sesRegion = context('sesRegion');
    if (!sesRegion) throw new Error('context invitationFrom needs sesRegion, the region of the SES identity');
    invitationSender = {
      fromEmail,
      fromName: context('invitationFromName') ?? 'Finsam',
      sesRegion,
      sesVerifiedDomain: context('sesVerifiedDomain'),
    };
  }
  return { stage, alarmEmail, invitationSender };
}
