/**
 * Text the product keeps: no C0 or C1 control characters except tab, line feed and carriage
 * return, no DEL, and no lone UTF-16 surrogates. Such characters cannot be typed, break the
 * exports that carry free text (SIE, XML, PDF) and let one reader see something other than
 * another. The API checks every request with this (text-guard in @finsam/api); imports check
 * what they read from files with it.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this rule's purpose
const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text is refused, in Swedish, or undefined when it is fine. */
export function textProblem(value: string): string | undefined {
  if (control.test(value)) return 'Texten innehåller ett otillåtet styrtecken.';
  if (loneSurrogate.test(value)) return 'Texten innehåller ett ogiltigt tecken (ensamt surrogat).';
  return undefined;
}
