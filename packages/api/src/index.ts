export * from './app.ts';
export * from './auth/local-issuer.ts';
export * from './auth/verifier.ts';
export * from './http/problem.ts';
export * from './identity/cognito-identity-provider.ts';
export type { IdentityProvider, InvitationDelivery, NewIdentity } from './identity/identity-provider.ts';
export type { LocalControl } from './routes/local-control.ts';
export type { LocalSimulations, Simulation, SimulationRequest } from './routes/local-simulations.ts';
