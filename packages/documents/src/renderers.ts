/**
 * The PDF and spreadsheet renderers, which carry pdfkit, fontkit, brotli, exceljs and their
 * fonts: most of what a Lambda bundle would otherwise load on every cold start. Nothing imports
 * this file directly; lazy.ts loads it through the `#renderers` subpath import on the first
 * document, and the API's bundle ships it as a file of its own (infra/constructs/bundling.ts).
 */
export { renderPdf } from './pdf.ts';
export { renderXlsx } from './xlsx.ts';
