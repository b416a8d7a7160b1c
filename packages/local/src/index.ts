export * from './clock.ts';
export * from './demo-data.ts';
export * from './runtime.ts';
