import { z } from '@hono/zod-openapi';

/** Shared OpenAPI schemas: the problem document, ids, paging. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

const problemContent = { 'application/problem+json': { schema: problemSchema } };
export const problemResponses = {
  400: { description: 'Ogiltig begäran; `errors` namnger fälten', content: problemContent },
  401: { description: 'Inloggning krävs', content: problemContent },
  403: { description: 'Behörighet saknas', content: problemContent },
  404: { description: 'Finns inte (också för ett annat förbunds resurser)', content: problemContent },
  409: { description: 'Konflikt: någon annan har ändrat uppgiften', content: problemContent },
} as const;

/** What an invitation can meet beyond the usual: Cognito's limits and its mail (identity provider). */
export const identityProblemResponses = {
  ...problemResponses,
  429: { description: 'För många inbjudningar just nu; försök igen senare', content: problemContent },
  502: { description: 'Inbjudan kunde inte skickas (e-post eller inloggningstjänsten)', content: problemContent },
} as const;

export const forbundIdParam = z.object({
  forbundId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'forbundId', in: 'path' }, example: 'demo' }),
});

/**
 * Schemas built by the domain (plain zod) were created before @hono/zod-openapi extended zod, so
 * they lack `.openapi()`; path parameters that need it are built here.
 */
export const memberIdParam = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/)
  .openapi({ param: { name: 'memberId', in: 'path' }, example: 'fk' });

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).optional().openapi({ example: 50 }),
  cursor: z.string().max(2048).optional(),
});

export const version = z.number().int().positive();

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
