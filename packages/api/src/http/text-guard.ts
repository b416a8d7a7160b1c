import { type FieldIssue, textProblem } from '@finsam/domain';
import type { MiddlewareHandler } from 'hono';
import { problemResponse } from './problem.ts';

/*
 * Every request is checked once against the product's text rule (textProblem in
 * @finsam/domain) before its route's own schema: every string and key of a JSON body, every
 * query value and the path, so a route added tomorrow is covered without knowing of it.
 */
/** A body with more bad strings than this is answered with the first ones. */
const issues_max = 20;

/** Every bad string in a parsed JSON value, with its dotted path ("body" for the value itself). */
export function textIssues(value: unknown, root = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  // Iterative: a deeply nested body must not exhaust the stack.
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0 && issues.length < issues_max) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      const message = textProblem(current);
      if (message) issues.push({ field: path || 'body', message });
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) stack.push([current[index], join(path, String(index))]);
    } else if (current && typeof current === 'object') {
      for (const [key, item] of Object.entries(current).reverse()) {
        const message = textProblem(key);
        if (message) issues.push({ field: join(path, 'key'), message: `Ett fältnamn: ${message}` });
        else stack.push([item, join(path, key)]);
      }
    }
  }
  return issues.slice(0, issues_max);
}

const join = (path: string, part: string) => (path ? `${path}.${part}` : part);

export const textGuard: MiddlewareHandler = async (c, next) => {
  const issues: FieldIssue[] = [];
  let path = c.req.path;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Hono answers a malformed escape itself; only decoded text is judged here.
  }
  const pathProblem = textProblem(path);
  if (pathProblem) issues.push({ field: 'path', message: pathProblem });
  for (const [name, values] of Object.entries(c.req.queries()))
    for (const value of values) {
      const message = textProblem(name) ?? textProblem(value);
      if (message) issues.push({ field: `query.${textProblem(name) ? 'key' : name}`, message });
    }
  if ((c.req.header('content-type') ?? '').includes('json') && c.req.method !== 'GET') {
    // Parsed once and cached by Hono, so the route's validator reads the same value; a body
    // that is not JSON is left for the validator to refuse with its own message.
    const body = await c.req.json().catch(() => undefined);
    issues.push(...textIssues(body));
  }
  if (issues.length > 0) return problemResponse(c, 400, 'Begäran innehåller otillåtna tecken.', issues);
  await next();
};
