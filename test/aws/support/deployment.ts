import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { paths } from '../../../infra/paths.ts';
import { synthesize } from '../../infra/synth.ts';
import { type CognitoLocal, type CognitoPool, startCognitoLocal } from '../../support/cognito-local.ts';
import { type AwsEndpoint, startAwsEndpoint } from './aws-endpoint.ts';
import { type HttpApi, startHttpApi } from './http-api.ts';
import { LambdaInstance } from './lambda.ts';
import { StepFunctionsEmulator } from './step-functions.ts';
import { account, region, SynthesizedTemplate } from './template.ts';

/**
 * The product as deployed, stood up from `cdk synth` output: the template's table created in
 * dynalite, its user pool and portal client in cognito-local, every function's bundle from the
 * cloud assembly running on the Lambda runtime's Node major with the environment the template
 * gives it, the HTTP API's routes and authorizers and CloudFront's behaviours in front of the
 * API function and the built portal, and the state machines' definitions run with their task
 * ARNs mapped to the bundled task function. Nothing of the product's source is imported: only
 * what the cloud assembly holds.
 */
export interface Deployment {
  template: SynthesizedTemplate;
  /** The portal's public address (CloudFront), where the API lives under /api. */
  url: string;
  cognito: CognitoLocal;
  pool: CognitoPool;
  dynamodb: DynamoDBClient;
  tableName: string;
  stepFunctions: StepFunctionsEmulator;
  aws: AwsEndpoint;
  httpApi: HttpApi;
  /** The running function of a Powertools service name (finsam-api, finsam-cycle-task, …). */
  lambda(service: string): LambdaInstance;
  /** Invokes a function as its EventBridge Scheduler schedule does, with the schedule's input. */
  runSchedule(service: string): Promise<unknown>;
  stop(): Promise<void>;
}

export interface DeployOptions {
  /** The instant the functions' clock starts at (ISO); today when not given. */
  today?: string;
  /**
   * Receivers on 127.0.0.1 that the functions reach by a public name (support/lambda-host.mjs),
   * and the certificate file they trust for them.
   */
  network?: { hosts: Record<string, number>; caFile: string };
}

export async function deploy(options: DeployOptions = {}): Promise<Deployment> {
  const { template: synthesized, outdir } = synthesize();
  const template = new SynthesizedTemplate(synthesized.toJSON(), outdir);

  // DynamoDB: the template's own key schema and indexes.
  const dynamo = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => dynamo.listen(0, '127.0.0.1', () => resolve()));
  const dynamoEndpoint = `http://127.0.0.1:${(dynamo.address() as AddressInfo).port}`;
  const credentials = { accessKeyId: 'deployed', secretAccessKey: 'deployed' };
  const dynamodb = new DynamoDBClient({ endpoint: dynamoEndpoint, region, credentials });
  const [tableId, table] = template.single('AWS::DynamoDB::Table');
  const tableName = 'finsam-deployed';
  const { KeySchema, AttributeDefinitions, GlobalSecondaryIndexes } = table.Properties;
  await dynamodb.send(
    new CreateTableCommand({
      TableName: tableName,
      KeySchema,
      AttributeDefinitions,
      GlobalSecondaryIndexes: GlobalSecondaryIndexes?.map((index: any) => ({
        IndexName: index.IndexName,
        KeySchema: index.KeySchema,
        Projection: index.Projection,
      })),
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  template.bind(tableId, {
    ref: tableName,
    attributes: { Arn: `arn:aws:dynamodb:${region}:${account}:table/${tableName}` },
  });

  // Cognito: cognito-local with a pool and client shaped like the template's.
  const cognito = await startCognitoLocal();
  const pool = await cognito.createPool({ mfa: 'OPTIONAL' });
  const [poolId] = template.single('AWS::Cognito::UserPool');
  const [clientId] = template.single('AWS::Cognito::UserPoolClient');
  const providerMarker = 'cognito-provider.emulated';
  template.bind(poolId, {
    ref: pool.userPoolId,
    attributes: {
      ProviderURL: providerMarker,
      Arn: `arn:aws:cognito-idp:${region}:${account}:userpool/${pool.userPoolId}`,
    },
  });
  template.alias(`https://${providerMarker}`, pool.issuer);
  template.bind(clientId, { ref: pool.clientId });

  // The services without a local implementation, behind one endpoint.
  const functions = new Map<string, LambdaInstance>();
  const functionArn = (id: string) => `arn:aws:lambda:${region}:${account}:function:${id}`;
  const functionByArn = (arn: string) => {
    const id = arn.split(':').at(-1)!;
    const instance = functions.get(id);
    if (!instance) throw new Error(`no function ${arn}`);
    return instance;
  };
  const definitions = new Map<string, any>();
  const stepFunctions = new StepFunctionsEmulator(definitions, functionByArn);
  const aws = await startAwsEndpoint(stepFunctions);

  for (const [id] of template.ofType('AWS::Lambda::Function'))
    template.bind(id, { ref: id, attributes: { Arn: functionArn(id) } });
  for (const [id] of template.ofType('AWS::SecretsManager::Secret')) {
    const arn = `arn:aws:secretsmanager:${region}:${account}:secret:${id}`;
    template.bind(id, { ref: arn });
    aws.secrets.set(arn, randomBytes(32).toString('base64url'));
  }
  for (const [id] of template.ofType('AWS::KMS::Key'))
    template.bind(id, { ref: id, attributes: { Arn: `arn:aws:kms:${region}:${account}:key/${id}` } });
  for (const [id] of template.ofType('AWS::SQS::Queue'))
    template.bind(id, {
      ref: `https://sqs.${region}.amazonaws.com/${account}/${id}`,
      attributes: { Arn: `arn:aws:sqs:${region}:${account}:${id}`, QueueName: id },
    });

  // The front door; its address is the portal's public one, which functions are told.
  const httpApi = await startHttpApi({
    template,
    functionOf: (id) => functions.get(id)!,
    portalDirectory: paths.portalBuild,
    runtimeConfig: { region, userPoolId: pool.userPoolId, userPoolClientId: pool.clientId, endpoint: cognito.endpoint },
  });
  const [distributionId] = template.single('AWS::CloudFront::Distribution');
  template.bind(distributionId, { ref: distributionId, attributes: { DomainName: new URL(httpApi.url).host } });
  template.alias(`https://${new URL(httpApi.url).host}`, httpApi.url);

  for (const [id, machine] of template.ofType('AWS::StepFunctions::StateMachine')) {
    const arn = `arn:aws:states:${region}:${account}:stateMachine:${id}`;
    template.bind(id, { ref: arn, attributes: { Name: id } });
    const substitutions = template.resolve(machine.Properties.DefinitionSubstitutions ?? {});
    const text = Object.entries(substitutions as Record<string, string>).reduce(
      (definition, [name, value]) => definition.replaceAll(`\${${name}}`, value),
      machine.Properties.DefinitionString as string,
    );
    definitions.set(arn, JSON.parse(typeof text === 'string' ? text : template.resolve(text)));
  }

  const serviceEndpoints = {
    AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
    AWS_ENDPOINT_URL_SFN: aws.url,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.url,
    AWS_ENDPOINT_URL_KMS: aws.url,
  };
  const services = new Map<string, string>();
  await Promise.all(
    template.ofType('AWS::Lambda::Function').map(async ([id, resource]) => {
      if (!resource.Properties.Code?.S3Key) return; // CDK's own inline helpers
      const variables = template.resolve(resource.Properties.Environment?.Variables ?? {}) as Record<string, string>;
      if (variables.POWERTOOLS_SERVICE_NAME) services.set(variables.POWERTOOLS_SERVICE_NAME, id);
      else return; // a CDK custom-resource provider, not a product function
      functions.set(
        id,
        await LambdaInstance.start(id, template.assetDirectory(resource), {
          ...variables,
          ...serviceEndpoints,
          AWS_REGION: region,
          AWS_DEFAULT_REGION: region,
          AWS_ACCESS_KEY_ID: credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
          AWS_LAMBDA_FUNCTION_NAME: id,
          AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(resource.Properties.MemorySize ?? 128),
          FUNCTION_TIMEOUT_MS: String((resource.Properties.Timeout ?? 3) * 1000),
          ...(options.today ? { EMULATED_NOW: options.today } : {}),
          ...(options.network
            ? { EMULATED_HOSTS: JSON.stringify(options.network.hosts), NODE_EXTRA_CA_CERTS: options.network.caFile }
            : {}),
        }),
      );
    }),
  );

  const lambda = (service: string) => {
    const id = services.get(service);
    if (!id) throw new Error(`no function of service ${service}`);
    return functions.get(id)!;
  };

  return {
    template,
    url: httpApi.url,
    cognito,
    pool,
    dynamodb,
    tableName,
    stepFunctions,
    aws,
    httpApi,
    lambda,
    runSchedule: async (service) => {
      const id = services.get(service)!;
      const schedule = template
        .ofType('AWS::Scheduler::Schedule')
        .find(([, s]) => JSON.stringify(s.Properties.Target.Arn).includes(`"${id}"`));
      if (!schedule) throw new Error(`no schedule invokes ${service}`);
      const input = schedule[1].Properties.Target.Input;
      return lambda(service).invoke(input ? JSON.parse(template.resolve(input)) : {});
    },
    stop: async () => {
      await Promise.all([...functions.values()].map((instance) => instance.stop()));
      await httpApi.close();
      await aws.close();
      await cognito.stop();
      dynamodb.destroy();
      await new Promise<void>((resolve) => dynamo.close(() => resolve()));
    },
  };
}
