import { createStores } from '@finsam/store';
import { demo_password } from './demo-data.ts';
import { hashPassword } from './passwords.ts';
import type { Runtime } from './runtime.ts';
import { SimulationClient } from './simulation-client.ts';

/** How the simulation moves time: in this process, or over HTTP against a runtime elsewhere. */
export interface SimulationDriver {
  url: string;
  /** The runtime's virtual clock. */
  now(): Promise<Date>;
  setClock(iso: string): Promise<void>;
  runScheduler(): Promise<void>;
  addUser(user: {
    username: string;
    name: string;
    roles: string[];
    forbundId: string;
    memberId?: string;
  }): Promise<void>;
}

/** Drives a runtime in this process. */
export function inProcessDriver(runtime: Runtime): SimulationDriver {
  const cycle = runtime.cycle;
  if (!cycle) throw new Error('the simulation needs a runtime with the cycle running');
  const stores = createStores(runtime.table);
  // One hash for every user the simulation adds, made when the first one is.
  let passwordHash: Promise<string> | undefined;
  const sharedHash = () => {
    passwordHash ??= hashPassword(demo_password);
    return passwordHash;
  };
  return {
    url: runtime.url,
    now: async () => runtime.clock.now(),
    setClock: async (iso) => runtime.clock.set(new Date(iso)),
    runScheduler: async () => {
      await cycle.scheduler.runNow();
    },
    addUser: async (user) => {
      if (!(await stores.users.find(user.username)))
        await stores.users.add(
          { ...user, roles: user.roles as never, passwordHash: await sharedHash() },
          runtime.clock.now(),
        );
    },
  };
}

/** Drives a runtime in another process through its local control routes (platform-admin). */
export function httpDriver(url: string): SimulationDriver {
  const admin = new SimulationClient(url, demo_password);
  return {
    url,
    now: async () => new Date((await admin.call('admin', 'GET', '/local/clock')).now),
    setClock: async (iso) => {
      await admin.call('admin', 'PUT', '/local/clock', { now: iso });
    },
    runScheduler: async () => {
      await admin.call('admin', 'POST', '/local/scheduler/run');
    },
    addUser: async (user) => {
      await admin.call('admin', 'POST', '/local/users', { ...user, password: demo_password }).catch((error: Error) => {
        if (!error.message.includes(' 409 ')) throw error;
      });
    },
  };
}
