import { notFound } from '@finsam/domain';
import { type DocumentLinkSource, memberMayOpen } from '@finsam/webhooks';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { attachment } from '../http/attachment.ts';
import type { AppEnv } from '../http/env.ts';
import { problemResponses } from '../http/schemas.ts';
import { renderDocument } from '../services/documents.ts';

/**
 * A document behind a signed, expiring link from an event (issue 5). The link is the credential:
 * a member's finance system fetches it without a user token (API Gateway lets this one path
 * through without its authorizer, infra/constructs/api.ts), and the signature covers the förbund,
 * the member the link was made for, the document and the expiry. The signature is checked before
 * anything is read, then the member's right to that document, so a link opens one document that
 * its member may see, until it expires, and nothing else.
 */
export function registerDocumentRoutes(app: OpenAPIHono<AppEnv>, links: DocumentLinkSource) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/forbund/{forbundId}/documents/{documentId}',
      tags: ['Medlemmarnas ekonomisystem'],
      summary:
        'Ett dokument bakom en signerad, tidsbegränsad länk från en händelse (ingen inloggning; länken är behörigheten)',
      request: {
        params: z.object({
          forbundId: z
            .string()
            .regex(/^[A-Za-z0-9-]{1,64}$/)
            .openapi({ param: { name: 'forbundId', in: 'path' } }),
          documentId: z
            .string()
            .max(120)
            .openapi({ param: { name: 'documentId', in: 'path' }, example: 'statement.2027-03.alfa.pdf' }),
        }),
        // Optional and loosely typed on purpose: any link that fails verification answers 404.
        query: z.object({
          member: z.string().max(40).optional(),
          expires: z.string().max(20).optional(),
          signature: z.string().max(100).optional(),
        }),
      },
      responses: {
        200: {
          description: 'Dokumentet',
          content: { 'application/octet-stream': { schema: z.any().openapi({ type: 'string', format: 'binary' }) } },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { forbundId, documentId } = c.req.valid('param');
      const { member, expires, signature } = c.req.valid('query');
      // A link that fails answers 404 like any other förbund's resource: nothing is revealed
      // about it. Expiry is judged on the clock the links are signed by (the source's).
      const genuine =
        member !== undefined &&
        expires !== undefined &&
        signature !== undefined &&
        (await links.verify({ forbundId, memberId: member, documentId, expires, signature })) &&
        memberMayOpen(documentId, member);
      if (!genuine) throw notFound('Länken är ogiltig eller har gått ut.');
      const document = await renderDocument(c.var.stores, forbundId, documentId, c.var.now());
      return attachment(c, document.bytes, document.contentType, document.fileName);
    },
  );
}
