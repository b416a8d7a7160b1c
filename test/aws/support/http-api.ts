import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { LambdaInstance } from './lambda.ts';
import type { SynthesizedTemplate } from './template.ts';

/**
 * The portal's front door as deployed, emulated: CloudFront's behaviours (the template's path
 * patterns send API paths to the HTTP API, everything else to the portal's files, with the SPA
 * fallback to index.html) and the HTTP API itself: its routes and their authorizers as the
 * template declares them, the JWT authorizer verifying Cognito tokens (signature by the issuer's
 * JWKS, iss, aud or client_id, expiry) before a request costs an invocation, and the Lambda
 * integration with payload format 2.0, base64 bodies both ways. A refused request answers as API
 * Gateway does: 401 {"message":"Unauthorized"}.
 */
interface Route {
  method: string;
  pattern: RegExp;
  routeKey: string;
  literalLength: number;
  greedy: boolean;
  authorizer?: { issuer: string; audience: string[] };
}

export interface HttpApiOptions {
  template: SynthesizedTemplate;
  functionOf: (logicalId: string) => LambdaInstance;
  portalDirectory: string;
  /** /config.json as the portal deployment writes it (plus, here, where cognito-local listens). */
  runtimeConfig: Record<string, string>;
}

export interface HttpApi {
  url: string;
  /** Requests the authorizer refused, and invocations made, for tests to count. */
  refused: string[];
  invoked: string[];
  close(): Promise<void>;
}

const text_types = /^(application\/(json|[\w.+-]+\+json|x-www-form-urlencoded|xml)|text\/)/i;
const mime: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export async function startHttpApi(options: HttpApiOptions): Promise<HttpApi> {
  const { template } = options;
  const integrations = new Map(
    template.ofType('AWS::ApiGatewayV2::Integration').map(([id, integration]) => {
      const uri = integration.Properties.IntegrationUri;
      if (integration.Properties.PayloadFormatVersion !== '2.0') throw new Error(`${id}: payload format is not 2.0`);
      return [id, uri['Fn::GetAtt'][0] as string];
    }),
  );
  const authorizers = new Map(
    template.ofType('AWS::ApiGatewayV2::Authorizer').map(([id, authorizer]) => {
      const { JwtConfiguration, AuthorizerType } = authorizer.Properties;
      if (AuthorizerType !== 'JWT') throw new Error(`${id}: only JWT authorizers are emulated`);
      return [
        id,
        { issuer: template.resolve(JwtConfiguration.Issuer), audience: template.resolve(JwtConfiguration.Audience) },
      ];
    }),
  );
  const routes: (Route & { functionId: string })[] = template.ofType('AWS::ApiGatewayV2::Route').map(([, route]) => {
    const { RouteKey, AuthorizationType, AuthorizerId, Target } = route.Properties;
    const [method, path] = (RouteKey as string).split(' ') as [string, string];
    const integrationId = (Target['Fn::Join'][1] as unknown[]).map((part: any) => part.Ref ?? '').join('');
    const source = path
      .split('/')
      .map((segment) =>
        segment.endsWith('+}')
          ? '(.+)'
          : segment.startsWith('{')
            ? '([^/]+)'
            : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
      )
      .join('/');
    return {
      method,
      routeKey: RouteKey,
      pattern: new RegExp(`^${source}$`),
      literalLength: path.replace(/\{[^}]+\}/g, '').length,
      greedy: path.includes('+}'),
      authorizer: AuthorizationType === 'JWT' ? authorizers.get(AuthorizerId.Ref) : undefined,
      functionId: integrations.get(integrationId) ?? '',
    };
  });
  // HTTP API picks the most specific match: exact paths over path variables over greedy ones.
  routes.sort((a, b) => Number(a.greedy) - Number(b.greedy) || b.literalLength - a.literalLength);
  const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

  const [, distribution] = template.single('AWS::CloudFront::Distribution');
  const apiPatterns = (distribution.Properties.DistributionConfig.CacheBehaviors ?? []).map(
    (behaviour: { PathPattern: string }) =>
      new RegExp(`^${behaviour.PathPattern.replace(/[.+?^$()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`),
  );

  const refused: string[] = [];
  const invoked: string[] = [];

  async function api(request: IncomingMessage, response: ServerResponse, url: URL, body: Buffer) {
    const method = request.method ?? 'GET';
    const route = routes.find((r) => (r.method === 'ANY' || r.method === method) && r.pattern.test(url.pathname));
    if (!route) return send(response, 404, { 'content-type': 'application/json' }, '{"message":"Not Found"}');
    let claims: Record<string, string> | undefined;
    if (route.authorizer) {
      claims = await authorize(route.authorizer, request.headers.authorization);
      if (!claims) {
        refused.push(`${method} ${url.pathname}`);
        return send(
          response,
          401,
          { 'content-type': 'application/json', 'www-authenticate': 'Bearer' },
          '{"message":"Unauthorized"}',
        );
      }
    }
    const contentType = String(request.headers['content-type'] ?? '');
    const binaryBody = body.length > 0 && !text_types.test(contentType);
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(',') : String(value),
      ]),
    );
    const match = route.pattern.exec(url.pathname)!;
    const names = [...route.routeKey.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1]!);
    const now = new Date();
    const event = {
      version: '2.0',
      routeKey: route.routeKey,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      cookies: request.headers.cookie?.split('; '),
      headers,
      queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
      pathParameters: names.length ? Object.fromEntries(names.map((name, i) => [name, match[i + 1]!])) : undefined,
      requestContext: {
        accountId: '123456789012',
        apiId: 'emulated',
        domainName: String(request.headers.host),
        domainPrefix: String(request.headers.host).split('.')[0],
        http: {
          method,
          path: url.pathname,
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: String(request.headers['user-agent'] ?? ''),
        },
        requestId: randomUUID(),
        routeKey: route.routeKey,
        stage: '$default',
        time: now.toUTCString(),
        timeEpoch: now.getTime(),
        ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
      },
      body: body.length ? body.toString(binaryBody ? 'base64' : 'utf8') : undefined,
      isBase64Encoded: binaryBody,
    };
    invoked.push(`${method} ${url.pathname}`);
    let result: any;
    try {
      result = await options.functionOf(route.functionId).invoke(event);
    } catch {
      // An invocation error (a crash, a timeout) is what API Gateway answers 500 for.
      return send(response, 500, { 'content-type': 'application/json' }, '{"message":"Internal Server Error"}');
    }
    const out = Buffer.from(result.body ?? '', result.isBase64Encoded ? 'base64' : 'utf8');
    const outHeaders: Record<string, string | string[]> = { ...(result.headers ?? {}) };
    if (result.cookies?.length) outHeaders['set-cookie'] = result.cookies;
    send(response, result.statusCode ?? 200, outHeaders, out);
  }

  async function authorize(authorizer: { issuer: string; audience: string[] }, header: string | undefined) {
    const token = /^Bearer (.+)$/i.exec(header ?? '')?.[1];
    if (!token) return undefined;
    let keySet = keySets.get(authorizer.issuer);
    if (!keySet) {
      keySet = createRemoteJWKSet(new URL(`${authorizer.issuer}/.well-known/jwks.json`));
      keySets.set(authorizer.issuer, keySet);
    }
    try {
      const { payload } = await jwtVerify(token, keySet, { issuer: authorizer.issuer });
      // API Gateway accepts an ID token by `aud` and an access token by `client_id`.
      const audiences = [payload.aud ?? payload.client_id].flat().map(String);
      if (!audiences.some((audience) => authorizer.audience.includes(audience))) return undefined;
      return Object.fromEntries(
        Object.entries(payload).map(([name, value]) => [
          name,
          Array.isArray(value) ? `[${value.join(' ')}]` : String(value),
        ]),
      );
    } catch {
      return undefined;
    }
  }

  function portal(response: ServerResponse, url: URL) {
    if (url.pathname === '/config.json')
      return send(response, 200, { 'content-type': 'application/json' }, JSON.stringify(options.runtimeConfig));
    const path = normalize(join(options.portalDirectory, decodeURIComponent(url.pathname)));
    const file =
      path.startsWith(options.portalDirectory) && existsSync(path) && statSync(path).isFile()
        ? path
        : join(options.portalDirectory, 'index.html');
    send(response, 200, { 'content-type': mime[extname(file)] ?? 'application/octet-stream' }, readFileSync(file));
  }

  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? '/', 'http://portal.local');
    try {
      if (apiPatterns.some((pattern: RegExp) => pattern.test(url.pathname)))
        await api(request, response, url, Buffer.concat(chunks));
      else portal(response, url);
    } catch (error) {
      send(response, 502, { 'content-type': 'text/plain' }, String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    refused,
    invoked,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(
  response: ServerResponse,
  status: number,
  headers: Record<string, string | string[]>,
  body: string | Buffer,
) {
  response.writeHead(status, headers).end(body);
}
