/**
 * Which responses the Lambda adapter returns base64-encoded. API Gateway decodes a base64 body
 * back to its exact bytes; a body returned as text is read as UTF-8 on the way out, which
 * corrupts anything that is not UTF-8 (SIE 4 in CP437, PDF, xlsx). Hono's default list knows
 * some binary types by name; this rule is the other way round, so a format added later is safe
 * without touching it: only what is certainly UTF-8 text (JSON, or any type that declares
 * charset=utf-8, which is what Hono's c.text and c.html send) goes as text; everything else as
 * bytes.
 */
const json_type = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;
const utf8_charset = /;\s*charset\s*=\s*"?utf-?8"?\s*(;|$)/i;

export function isBinaryContentType(contentType: string): boolean {
  return !(json_type.test(contentType) || utf8_charset.test(contentType));
}
