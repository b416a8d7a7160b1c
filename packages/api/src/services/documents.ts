import { cyclePrincipal } from '@finsam/cycle';
import { renderPdf } from '@finsam/documents';
import { document_id_pattern, notFound } from '@finsam/domain';
import type { Stores } from '@finsam/store';
import { likvidDocument, likvidStatement } from './likvid-document.ts';
import { annualReportDocument, interimReportDocument } from './report-documents.ts';
import { computeReport, periodFigures } from './reports.ts';
import { sieFile } from './sie-file.ts';
import { chainedStatement, statementDocument } from './statement-document.ts';
import { loadYear } from './year-context.ts';

/**
 * Renders the documents an event can point a member's finance system at (ids in
 * `documentIds` of the domain). The id is signed into the link together with the förbund, so a
 * link opens exactly one document of one förbund until it expires.
 */
export interface RenderedDocument {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

export async function renderDocument(
  stores: Stores,
  forbundId: string,
  documentId: string,
  now: Date,
): Promise<RenderedDocument> {
  if (!document_id_pattern.test(documentId)) throw notFound('Dokumentet finns inte.');
  const principal = cyclePrincipal(forbundId);
  const [kind, ...rest] = documentId.split('.');
  if (kind === 'statement') {
    const [period = '', memberId = ''] = rest;
    const [year, month] = period.split('-').map(Number) as [number, number];
    const statement = await chainedStatement(stores, principal, forbundId, year, month, memberId, now);
    if (!statement) throw notFound('Dokumentet finns inte.');
    const forbund = await stores.forbund.get(principal, forbundId);
    const charter = await stores.charters.current(principal, forbundId);
    const name = charter.members.find((member) => member.id === memberId)?.name ?? memberId;
    const bytes = await renderPdf(statementDocument(forbund, name, statement, period, now));
    return { bytes, contentType: 'application/pdf', fileName: `avrakningsbesked-${period}-${memberId}.pdf` };
  }
  if (kind === 'cash-settlement') {
    const [year = '', memberId = ''] = rest;
    const statement = await likvidStatement(stores, principal, forbundId, Number(year), memberId);
    const forbund = await stores.forbund.get(principal, forbundId);
    const charter = await stores.charters.current(principal, forbundId);
    const member = charter.members.find((m) => m.id === memberId) ?? { name: memberId };
    const bytes = await renderPdf(likvidDocument(forbund, member, statement, now));
    return { bytes, contentType: 'application/pdf', fileName: `likvidavrakning-${year}-${memberId}.pdf` };
  }
  if (kind === 'annual-report' || kind === 'sie') {
    const year = Number(rest[0]);
    const context = await loadYear(stores, principal, forbundId, year, now);
    if (kind === 'sie') {
      const { bytes, fileName } = sieFile(context, year, now, 'finsam');
      return { bytes, contentType: 'text/plain; charset=IBM437', fileName };
    }
    const adoption = await stores.closing.annualReport(principal, forbundId, year);
    if (!adoption) throw notFound('Dokumentet finns inte.');
    const reports = {
      resultatrakning: computeReport('resultatrakning', context),
      balansrakning: computeReport('balansrakning', context),
      kassaflode: computeReport('kassaflode', context),
      members: computeReport('members', context),
    };
    const bytes = await renderPdf(annualReportDocument(context, reports, adoption, year, now));
    return { bytes, contentType: 'application/pdf', fileName: `arsredovisning-${year}.pdf` };
  }
  const periodEnd = `${rest[0]}`;
  const year = Number(periodEnd.slice(0, 4));
  const context = await loadYear(stores, principal, forbundId, year, now);
  const adopted = (await stores.closing.interimReports(principal, forbundId, year)).find(
    (r) => r.periodEnd === periodEnd,
  );
  if (!adopted) throw notFound('Dokumentet finns inte.');
  const bytes = await renderPdf(interimReportDocument(context, periodFigures(context, periodEnd), adopted, now));
  return { bytes, contentType: 'application/pdf', fileName: `delarsrapport-${periodEnd}.pdf` };
}
