#!/usr/bin/env node
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type PresetName, presetNames, roleNames } from '@finsam/domain';
import { demo_forbund_id, demo_password, demoUsers } from './demo-data.ts';
import { startRuntime } from './runtime.ts';
import { simulateYear } from './simulate.ts';
import { inProcessDriver } from './simulation-driver.ts';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const usage = `finsam – Finsam Cloud på den här datorn

  finsam start [--in-memory] [--port N] [--data-dir DIR]
      Startar den lokala körmiljön: DynamoDB (dynalite), API och portal på en port.
      Data sparas under .data/ (utan --in-memory). PORT i miljön väljer port (standard 3000).

  finsam simulate [--forbund ID] [--year 2027] [--preset finsam|delta|finspang|laholm|grastorp|haninge|stenungsund] [--out DIR]
      Kör ett helt budgetår på den virtuella klockan med skriptade personer och skriver dokumenten.
`;

async function start(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      'in-memory': { type: 'boolean', default: false },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      host: { type: 'string' },
      'no-demo': { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`ogiltig port: ${values.port}`);
  const dataDir = resolve(values['data-dir'] ?? resolve(repositoryRoot, '.data'));
  const runtime = await startRuntime({
    dataDir,
    inMemory: values['in-memory'],
    port,
    host: values.host ?? process.env.HOST ?? '127.0.0.1',
    portalDir: resolve(repositoryRoot, 'web/dist'),
    seedDemo: !values['no-demo'],
    logLevel: process.env.LOG_LEVEL ?? 'WARN',
    cycle: true,
    simulationOutDir: resolve(repositoryRoot, 'simulation-output'),
  });

  console.log(`\nFinsam Cloud körs på ${runtime.url}`);
  console.log(`  Portal:        ${runtime.url}/`);
  console.log(`  API-dokument:  ${runtime.url}/docs  (OpenAPI: ${runtime.url}/openapi.json)`);
  console.log(
    `  Data:          ${values['in-memory'] ? 'i minnet (försvinner vid avslut)' : relative(process.cwd(), dataDir) || '.'}`,
  );
  console.log(`\nDemoanvändare (lösenord "${demo_password}"):`);
  for (const user of demoUsers)
    console.log(`  ${user.username.padEnd(14)} ${user.roles.map((role) => roleNames[role]).join(', ')}`);
  console.log('\nAvsluta med Ctrl-C.');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stänger ned och sparar…`);
    await runtime.stop();
    console.log('Klart.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

async function simulate(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      forbund: { type: 'string', default: demo_forbund_id },
      year: { type: 'string', default: '2027' },
      preset: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const year = Number(values.year);
  if (!Number.isInteger(year) || year < 2001 || year > 2198) throw new Error(`ogiltigt år: ${values.year}`);
  if (values.preset && !presetNames.includes(values.preset as PresetName))
    throw new Error(`okänd modell ${values.preset}; välj en av ${presetNames.join(', ')}`);
  const outDir = resolve(values.out ?? resolve(repositoryRoot, 'simulation-output', `${values.forbund}-${year}`));
  const started = performance.now();
  const runtime = await startRuntime({
    dataDir: '',
    inMemory: true,
    port: 0,
    host: '127.0.0.1',
    portalDir: resolve(repositoryRoot, 'web/dist'),
    seedDemo: true,
    logLevel: 'SILENT',
    cycle: true,
  });
  try {
    console.log(`Simulerar budgetåret ${year} för ${values.forbund} på den virtuella klockan…\n`);
    const { files } = await simulateYear(inProcessDriver(runtime), {
      forbundId: values.forbund,
      year,
      outDir,
      preset: values.preset as PresetName | undefined,
      print: (line) => console.log(line),
    });
    console.log(`\nKlart på ${((performance.now() - started) / 1000).toFixed(1)} s. Dokument i ${outDir}:`);
    for (const file of files) console.log(`  ${file}`);
  } finally {
    await runtime.stop();
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'simulate') {
  simulate(rest).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
} else if (command === 'start') {
  start(rest).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
} else {
  console.log(usage);
  process.exit(command === undefined || command === 'help' ? 0 : 2);
}
