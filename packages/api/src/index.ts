export * from './app.ts';
export * from './auth/local-issuer.ts';
export * from './auth/verifier.ts';
export * from './http/problem.ts';
export type { LocalControl } from './routes/local-control.ts';
