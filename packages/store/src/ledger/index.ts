export * from './chart-repository.ts';
export * from './codecs.ts';
export * from './import-repository.ts';
export * from './opening-repository.ts';
export * from './period-repository.ts';
export * from './voucher-repository.ts';
export * from './year-sequence.ts';
