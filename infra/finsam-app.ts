import { App, type AppProps, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { stackNameOf, stackSettings } from './context.ts';
import { FinsamStack, type FinsamStackProps } from './finsam-stack.ts';

/**
 * The app as `cdk synth` builds it, shared with test/infra so the tests check exactly what is
 * deployed: the same stack, the same cdk-nag pack. Every setting is a plain context value, never
 * a lookup: the stage (`-c stage=prod`, stack `Finsam-prod`), a portal domain
 * (`-c portalDomainName=… -c portalCertificateArn=…`) and those read in context.ts.
 */
export function createFinsamApp(appProps: AppProps = {}, stackProps: FinsamStackProps = {}) {
  const app = new App(appProps);
  // cdk-nag v3 runs as a CDK validation plugin: an unacknowledged error fails synth. The
  // acknowledgements are also written into the template, so the deployed stack carries its reasons.
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }),
  );
  const domainName = app.node.tryGetContext('portalDomainName');
  const certificateArn = app.node.tryGetContext('portalCertificateArn');
  const settings = stackSettings(app);
  const stack = new FinsamStack(app, stackNameOf(settings.stage), {
    description: `Finsam Cloud: the economy of Swedish samordningsförbund (stage ${settings.stage})`,
    ...(domainName && certificateArn ? { domain: { name: domainName, certificateArn } } : {}),
    alarmEmail: settings.alarmEmail,
    invitationSender: settings.invitationSender,
    ...stackProps,
  });
  // Cost Explorer and the console can then tell the copies in one account apart.
  Tags.of(stack).add('finsam:stage', settings.stage);
  return { app, stack };
}
