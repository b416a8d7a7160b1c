import { document_id_pattern } from '@finsam/domain';

/**
 * Which of a förbund's documents a member's finance system may open through a signed link. A
 * member gets what the förbund sends every member (the adopted årsredovisning and delårsrapport)
 * and its own statements; never another member's, and never the SIE 4 export, which is the
 * förbund's whole ledger (every voucher, every member's accounts): DOMAIN.md gives members their
 * settlement documents, not the books. Anything not named here is refused, so a new document
 * kind is private until a rule is added for it.
 *
 * Applied twice: when an event's links are built (a document the member may not open gets no
 * link) and when a link is opened (the link names the member it was made for).
 */
export function memberMayOpen(documentId: string, memberId: string): boolean {
  if (!document_id_pattern.test(documentId)) return false;
  const [kind, subject, owner] = documentId.split('.');
  switch (kind) {
    case 'annual-report':
    case 'interim':
      return true;
    case 'statement':
    case 'cash-settlement':
      return subject !== undefined && owner === memberId;
    default:
      return false;
  }
}
