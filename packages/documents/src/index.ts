export { checkDocument, checkSection } from './check-document.ts';
export { type CsvOptions, renderCsv } from './csv.ts';
export * from './document.ts';
export { formatMoneyCell, formatPercentCell, formatTimestamp } from './format.ts';
export { renderPdf, renderXlsx } from './lazy.ts';
export type { PdfOptions } from './pdf.ts';
