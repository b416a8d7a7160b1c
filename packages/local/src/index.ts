export * from './clock.ts';
export * from './cycle-runner.ts';
export * from './demo-data.ts';
export * from './local-identity.ts';
export * from './runtime.ts';
export * from './scheduler.ts';
export * from './simulate.ts';
export * from './simulation-driver.ts';
