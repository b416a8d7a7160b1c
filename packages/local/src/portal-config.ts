/**
 * The portal reads /config.json at start to learn how to sign in (web/src/auth/portal-config.ts).
 * In AWS the stack writes it (infra/constructs/portal-deployment.ts); the runtime serves it here:
 * the local issuer by default, or a Cognito user pool (cognito-local in tests).
 */
export interface CognitoSignIn {
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  /** cognito-local's address; the portal's SDK client calls it instead of AWS. */
  endpoint?: string;
  /** The `iss` of the pool's ID tokens, and where its keys are. */
  issuer: string;
  jwksUrl: string;
}

/**
 * `businessTime`: the virtual clock's time, so the portal's pages open on the runtime's business
 * date rather than the browser's (web/src/business-clock.ts); AWS leaves it out (real time).
 */
export function portalConfigFor(cognito?: CognitoSignIn, businessTime?: Date): Record<string, string> {
  const clock: Record<string, string> = businessTime ? { businessTime: businessTime.toISOString() } : {};
  if (!cognito) return { signIn: 'local', ...clock };
  return {
    ...clock,
    region: cognito.region,
    userPoolId: cognito.userPoolId,
    userPoolClientId: cognito.userPoolClientId,
    ...(cognito.endpoint ? { endpoint: cognito.endpoint } : {}),
  };
}

export function portalConfigResponse(cognito?: CognitoSignIn, businessTime?: Date): Response {
  // Never cached: a restart with another pool, or a moved clock, must reach an open tab's next load.
  return Response.json(portalConfigFor(cognito, businessTime), { headers: { 'cache-control': 'no-store' } });
}
