export { checkDocument, checkSection } from './check-document.ts';
export { type CsvOptions, renderCsv } from './csv.ts';
export * from './document.ts';
export { formatMoneyCell, formatPercentCell, formatTimestamp } from './format.ts';
export { type PdfOptions, renderPdf } from './pdf.ts';
export { renderXlsx } from './xlsx.ts';
