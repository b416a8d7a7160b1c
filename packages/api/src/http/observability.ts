import type { Logger } from '@aws-lambda-powertools/logger';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';

const correlation_id_pattern = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * A correlation id on every request (taken from `x-correlation-id` when the caller sends a sane
 * one) and one structured JSON log line per request, in the Powertools format in Lambda and
 * locally alike. A child logger per request keeps concurrent requests' keys apart.
 */
export function requestLogging(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const offered = c.req.header('x-correlation-id');
    const correlationId = offered && correlation_id_pattern.test(offered) ? offered : crypto.randomUUID();
    const child = logger.createChild();
    child.appendKeys({ correlation_id: correlationId });
    c.set('correlationId', correlationId);
    c.set('logger', child);
    const started = performance.now();
    await next();
    c.header('x-correlation-id', correlationId);
    child.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      duration_ms: Math.round((performance.now() - started) * 10) / 10,
      user: c.get('principal')?.subject,
    });
  };
}
