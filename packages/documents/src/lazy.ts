import type { TabularDocument } from './document.ts';
import type { PdfOptions } from './pdf.ts';

/**
 * renderPdf and renderXlsx as the rest of the product calls them: the renderers are imported on
 * the first document, not when the API starts. A request that renders nothing (most of them)
 * never pays for pdfkit and exceljs. `#renderers` is a subpath import (package.json "imports"):
 * locally it is renderers.ts; in a Lambda bundle it is the renderers.mjs file beside index.mjs.
 */
type Renderers = typeof import('./renderers.ts');
let renderers: Promise<Renderers> | undefined;

function loadRenderers(): Promise<Renderers> {
  renderers ??= import('#renderers') as Promise<Renderers>;
  return renderers;
}

export async function renderPdf(document: TabularDocument, options: PdfOptions = {}): Promise<Uint8Array> {
  return (await loadRenderers()).renderPdf(document, options);
}

export async function renderXlsx(document: TabularDocument): Promise<Uint8Array> {
  return (await loadRenderers()).renderXlsx(document);
}
