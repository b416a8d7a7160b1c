import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { FinsamStack, type FinsamStackProps } from './finsam-stack.ts';

export const stack_name = 'Finsam';

/**
 * The app as `cdk synth` builds it, shared with test/infra so the tests check exactly what is
 * deployed: the same stack, the same cdk-nag pack. A portal domain comes from plain context
 * values (`-c portalDomainName=… -c portalCertificateArn=…`), never from a lookup.
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
  const stack = new FinsamStack(app, stack_name, {
    description: 'Finsam Cloud: the economy of Swedish samordningsförbund',
    ...(domainName && certificateArn ? { domain: { name: domainName, certificateArn } } : {}),
    ...stackProps,
  });
  return { app, stack };
}
