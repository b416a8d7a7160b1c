import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { createApp, createJwksVerifier, docs_start_path, type VerifyToken } from '@finsam/api';
import { createStores, createTable, type Table } from '@finsam/store';
import { type Http2Bindings, type HttpBindings, serve } from '@hono/node-server';
import swaggerUi from 'swagger-ui-dist';
import { VirtualClock } from './clock.ts';
import { LocalCycleRunner, type LocalCycleRunnerOptions } from './cycle-runner.ts';
import { seedDemoData } from './demo-data.ts';
import { seedDemoLedger } from './demo-ledger.ts';
import { local_table_name, startLocalDynamo } from './dynamodb.ts';
import { createLocalIssuer, local_audience } from './issuer.ts';
import { localIdentityProvider } from './local-identity.ts';
import { type SignInRequest, signInRequests } from './login-limiter.ts';
import { hashPassword } from './passwords.ts';
import { type CognitoSignIn, portalConfigResponse } from './portal-config.ts';
import { LocalScheduler } from './scheduler.ts';
import { loadOrCreateKeyFile, localSecretSealer } from './secret-key-file.ts';
import { inProcessDriver } from './simulation-driver.ts';
import { SimulationJobs } from './simulation-jobs.ts';
import { serveFile, withPortalHeaders } from './static-files.ts';
import { createLocalDocumentLinks, startWebhookWorker } from './webhook-worker.ts';

export interface RuntimeOptions {
  /** Where data persists; ignored with `inMemory`. */
  dataDir: string;
  inMemory: boolean;
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** The built portal (web/dist). */
  portalDir: string;
  seedDemo: boolean;
  logLevel?: string;
  /** Run the annual cycle: state machines and the daily scheduler on the virtual clock. */
  cycle?: boolean;
  /** The cycle runner's options (tests: steps that move only by their tokens, fast retries, faults). */
  cycleRunner?: Omit<LocalCycleRunnerOptions, 'pollStores'>;
  /** Where simulations started from the portal write their documents; `simulation-output/` by default. */
  simulationOutDir?: string;
  /**
   * Sign in against this user pool (cognito-local in tests) instead of the local issuer: the API
   * accepts only the pool's ID tokens and the portal's /config.json names the pool.
   */
  cognito?: CognitoSignIn;
}

export interface Runtime {
  url: string;
  /** The business clock: dates of vouchers, deadlines, the cycle, webhook retries. */
  clock: VirtualClock;
  /** The clock that sign-ins expire by; real time unless a test moves it. */
  sessionClock: VirtualClock;
  /** The state-machine runner and the scheduler, when the cycle runs. */
  cycle?: { runner: LocalCycleRunner; scheduler: LocalScheduler };
  /** The table, for inspection by tests and tools; requests never reach it except through the API. */
  table: Table;
  /** The same table, as used by the local-only pollers (waiting human steps, webhook relay). */
  pollingTable: Table;
  stop(): Promise<void>;
}

export const local_issuer_name = 'urn:finsam:local-issuer';

/**
 * The embedded runtime: the same API code as in AWS, over dynalite instead of DynamoDB and the
 * local issuer instead of Cognito, with the portal on the same port.
 */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  if (!options.inMemory) mkdirSync(options.dataDir, { recursive: true });
  const dynamo = await startLocalDynamo(options.inMemory ? undefined : join(options.dataDir, 'dynamodb'));
  // The business clock keeps its offset in the data directory, so a restart (or a crash) does not turn it back.
  const clock = new VirtualClock(options.inMemory ? undefined : join(options.dataDir, 'virtual-clock.json'));
  // Sign-ins last an hour of real time: the virtual clock moves business dates (a simulated year
  // passes in seconds), not how long a person has been signed in. Tests move this one to expire tokens.
  const sessionClock = new VirtualClock();
  // Pagination cursors are sealed under a key derived from the webhook-secret key file, so they
  // survive a restart; in memory, a key made at start.
  const keyFile = options.inMemory ? undefined : join(options.dataDir, 'webhook-secret.key');
  const table = createTable({
    client: dynamo.client,
    tableName: local_table_name,
    cursorKeyMaterial: keyFile ? () => loadOrCreateKeyFile(keyFile) : undefined,
  });
  const stores = createStores(table);
  const pollingTable = createTable({ client: dynamo.client, tableName: local_table_name });
  if (options.seedDemo) {
    await seedDemoData(stores, clock.now());
    await seedDemoLedger(stores, clock.now);
  }

  const logger = new Logger({ serviceName: 'finsam-local', logLevel: (options.logLevel ?? 'INFO') as 'INFO' });
  const issuer = await createLocalIssuer({
    issuer: local_issuer_name,
    users: stores.users,
    keyFile: options.inMemory ? undefined : join(options.dataDir, 'issuer-key.json'),
    now: sessionClock.now,
  });
  let cycle: Runtime['cycle'];
  if (options.cycle) {
    const deps = { stores, now: clock.now };
    // The runner's polling and the webhook worker get a table object of their own so that their
    // local-only reads are counted apart from the work AWS would do (see test/bench/cycle-year.ts).
    const runner = new LocalCycleRunner(deps, { ...options.cycleRunner, pollStores: createStores(pollingTable) });
    const scheduler = new LocalScheduler(deps, runner.start, runner.sendTaskSuccess);
    await runner.resumeAll();
    scheduler.start();
    cycle = { runner, scheduler };
  }

  // The verifier needs the port, known only once the server listens; requests cannot arrive before.
  let verify: VerifyToken | undefined;
  // The runtime's public address, which document links point at; known once the server listens.
  let url = '';
  const documentLinks = createLocalDocumentLinks(sessionClock.now);
  // Webhook signing secrets are sealed under a key file beside the data, as under KMS in AWS.
  const secretSealer = localSecretSealer(keyFile);
  const app = createApp({
    webhooks: { endpointMode: 'local', documentLinks, publicBaseUrl: () => url, secretSealer },
    table,
    logger,
    now: clock.now,
    // As in AWS: a person's act completes the waiting step's token at once.
    ...(cycle ? { onHumanStep: cycle.runner.onHumanStep } : {}),
    localIssuer: issuer,
    identityProvider: localIdentityProvider(stores, clock.now),
    ...(cycle
      ? {
          localControl: {
            now: clock.now,
            setClock: (date: Date) => clock.set(date),
            runScheduler: () => (cycle as NonNullable<Runtime['cycle']>).scheduler.runNow(),
            addUser: async ({ password, ...user }) =>
              stores.users.add({ ...user, passwordHash: await hashPassword(password) }, clock.now()),
            simulations: new SimulationJobs({
              stores,
              now: clock.now,
              driver: () => inProcessDriver(runtime),
              outDir: options.simulationOutDir ?? resolve('simulation-output'),
            }),
          },
        }
      : {}),
    verifyToken: (token) => (verify as VerifyToken)(token),
  });

  const swaggerDir = swaggerUi.getAbsoluteFSPath();
  // The portal may connect to its own origin and, with a user pool, to cognito-local.
  const connectSources = options.cognito?.endpoint ? [new URL(options.cognito.endpoint).origin] : [];
  const fetch = async (request: Request, env?: HttpBindings | Http2Bindings): Promise<Response> => {
    const { pathname } = new URL(request.url);
    if (pathname === '/api/auth/login') return signIn(request, env?.incoming.socket.remoteAddress ?? 'unknown');
    if (
      pathname.startsWith('/api/') ||
      pathname === '/openapi.json' ||
      pathname === '/docs' ||
      pathname === docs_start_path
    )
      return app.fetch(request);
    if (request.method === 'GET' && pathname === '/config.json')
      return withPortalHeaders(portalConfigResponse(options.cognito, clock.now()), connectSources);
    if (request.method === 'GET' && pathname.startsWith('/docs-assets/')) {
      const asset = await serveFile(swaggerDir, pathname.slice('/docs-assets'.length));
      return asset ? withPortalHeaders(asset, connectSources) : app.fetch(request);
    }
    if (request.method === 'GET' || request.method === 'HEAD')
      return withPortalHeaders(
        (await serveFile(options.portalDir, pathname)) ??
          (await serveFile(options.portalDir, '/index.html')) ??
          new Response('Portalen är inte byggd: kör npm run build:web.', { status: 503 }),
        connectSources,
      );
    return app.fetch(request);
  };

  // The issuer limits guessing per client address, which only the socket knows (a forwarded-for
  // header is the client's to write), and answers a refusal's wait here as Retry-After.
  const signIn = async (request: Request, address: string): Promise<Response> => {
    const context: SignInRequest = { address };
    const response = await signInRequests.run(context, () => app.fetch(request));
    if (context.retryAfterSeconds === undefined) return response;
    const headers = new Headers(response.headers);
    headers.set('retry-after', String(context.retryAfterSeconds));
    return new Response(response.body, { status: response.status, headers });
  };

  const server = serve({ fetch, port: options.port, hostname: options.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}`;
  const webhooks = startWebhookWorker({
    table: pollingTable,
    now: clock.now,
    documentLinks,
    secretSealer,
    publicBaseUrl: () => url,
    logger,
  });
  verify = createJwksVerifier(
    options.cognito
      ? // Cognito's tokens expire by real time, as the pool issued them; the session clock is the local issuer's.
        { jwksUrl: options.cognito.jwksUrl, issuer: options.cognito.issuer, audience: options.cognito.userPoolClientId }
      : {
          jwksUrl: `${url}/api/.well-known/jwks.json`,
          issuer: local_issuer_name,
          audience: local_audience,
          now: sessionClock.now,
        },
  );

  const runtime: Runtime = {
    url,
    clock,
    sessionClock,
    table,
    pollingTable,
    ...(cycle ? { cycle } : {}),
    stop: async () => {
      await webhooks.stop();
      // The daily run first, so it starts nothing on a runner that has stopped.
      await cycle?.scheduler.stop();
      await cycle?.runner.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections would otherwise hold the close open.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
      await dynamo.close();
    },
  };
  return runtime;
}
