export * from './app.ts';
export * from './auth/local-issuer.ts';
export * from './auth/verifier.ts';
export * from './http/problem.ts';
