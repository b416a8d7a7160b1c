export * from './avrakning-repository.ts';
export * from './budget-codecs.ts';
export * from './budget-repository.ts';
export * from './closing-repository.ts';
export * from './cycle-repository.ts';
export * from './execution-repository.ts';
export * from './national-repository.ts';
