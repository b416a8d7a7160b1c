import { type ChildProcess, spawn } from 'node:child_process';
import { repositoryRoot } from './runtime.ts';

/** How long a start may take on a slow machine before the test gives up (includes a web build). */
export const start_wait_ms_max = 90_000;

export interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts a real process the way a user does and waits for the URL it prints. */
export function launch(command: string, args: string[]): Promise<Started> {
  const child = spawn(command, args, {
    cwd: repositoryRoot,
    detached: true,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'SILENT' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no URL within ${start_wait_ms_max} ms:\n${text}`)),
      start_wait_ms_max,
    );
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const match = /körs på (http:\/\/[\d.]+:\d+)/.exec(text);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => text });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before starting:\n${text}`)));
  });
}

/**
 * Sends a signal to the whole process group and waits for the end. Resolves with the exit code,
 * or the signal's name where a wrapper (npm, npx) re-raises the signal after its child ended.
 */
export function signal(started: Started, name: 'SIGINT' | 'SIGKILL'): Promise<number | string | null> {
  return new Promise((resolve) => {
    started.child.once('close', (code, received) => resolve(code ?? received));
    process.kill(-(started.child.pid as number), name);
  });
}
