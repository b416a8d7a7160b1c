/**
 * Reads a setting the stack puts in the function's environment. A missing one is a deployment
 * error, so it fails the cold start loudly instead of surfacing later as a confusing request error.
 */
export function requiredEnvironment(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`Environment variable ${name} is not set.`);
  return value;
}
