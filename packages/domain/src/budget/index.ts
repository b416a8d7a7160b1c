export * from './balance.ts';
export * from './schema.ts';
