import type { OutboxEvent } from '@finsam/store';
import { describe, expect, it } from 'vitest';
import { buildDeliveryBody, buildEventEnvelope, PayloadError } from './delivery-body.ts';
import { memberMayOpen } from './document-access.ts';
import { createDocumentLinks, verifyDocumentLink } from './document-links.ts';
import { envelopeSchema } from './event-payloads.ts';

const key = new Uint8Array(32).fill(7);
const now = new Date('2027-04-02T08:00:00Z');
const links = createDocumentLinks({ key, baseUrl: () => 'https://finsam.example', now: () => now });
const settlement: OutboxEvent = {
  eventId: 'settlement:2027-03:alfa',
  type: 'settlement.issued',
  forbundId: 'exempeldalen',
  memberId: 'alfa',
  sequence: 17,
  occurredAt: '2027-04-01T06:00:00.000Z',
  payload: {
    year: 2027,
    period: '2027-03',
    amount: '33333.33',
    settlement: 'cash',
    dueDate: '2027-04-30',
    memberReference: 'KUND-4711',
    documents: [
      { kind: 'pdf', documentId: 'statement.2027-03.alfa.pdf', fileName: 'avrakning-2027-03.pdf' },
      { kind: 'pdf', documentId: 'annual-report.2026.pdf', fileName: 'arsredovisning-2026.pdf' },
      { kind: 'sie4', documentId: 'sie.2027.se', fileName: 'bokforing-2027.se' },
      { kind: 'pdf', documentId: 'statement.2027-03.beta.pdf', fileName: 'avrakning-beta.pdf' },
    ],
  },
};

describe('the delivery body', () => {
  it('wraps the v1 payload in the envelope, amounts as strings, with the sequence and the member reference', () => {
    const envelope = buildEventEnvelope(settlement, links);
    expect(envelopeSchema('settlement.issued').parse(envelope)).toEqual(envelope);
    expect(envelope).toMatchObject({
      id: 'settlement:2027-03:alfa',
      type: 'settlement.issued',
      version: 1,
      timestamp: '2027-04-01T06:00:00.000Z',
      sequence: 17,
      data: { amount: '33333.33', memberReference: 'KUND-4711' },
    });
    expect(JSON.parse(buildDeliveryBody(settlement, links))).toEqual(envelope);
  });

  it('replaces document references by signed links for the member that expire a week after sending', () => {
    const [pdf, annual] = buildEventEnvelope(settlement, links).data.documents as {
      url: string;
      expiresAt: string;
    }[];
    expect(pdf?.url).toMatch(
      /^https:\/\/finsam\.example\/api\/forbund\/exempeldalen\/documents\/statement\.2027-03\.alfa\.pdf\?member=alfa&/,
    );
    expect(annual?.expiresAt).toBe('2027-04-09T08:00:00.000Z');
    const url = new URL(pdf!.url);
    const link = {
      forbundId: 'exempeldalen',
      memberId: 'alfa',
      documentId: 'statement.2027-03.alfa.pdf',
      expires: url.searchParams.get('expires')!,
      signature: url.searchParams.get('signature')!,
    };
    expect(verifyDocumentLink(key, link, now)).toBe(true);
    expect(verifyDocumentLink(key, { ...link, documentId: 'statement.2027-03.beta.pdf' }, now)).toBe(false);
    expect(verifyDocumentLink(key, { ...link, memberId: 'beta' }, now)).toBe(false);
    expect(verifyDocumentLink(key, { ...link, forbundId: 'andra' }, now)).toBe(false);
    expect(verifyDocumentLink(key, { ...link, expires: String(Number(link.expires) + 1) }, now)).toBe(false);
    expect(verifyDocumentLink(key, link, new Date('2027-04-10T00:00:00Z'))).toBe(false);
    expect(verifyDocumentLink(new Uint8Array(32).fill(8), link, now)).toBe(false);
  });

  it("links only what the member may open: its own statement and the årsredovisning, not the ledger or another member's", () => {
    const documents = buildEventEnvelope(settlement, links).data.documents as { url: string }[];
    expect(documents.map((document) => new URL(document.url).pathname.split('/').at(-1))).toEqual([
      'statement.2027-03.alfa.pdf',
      'annual-report.2026.pdf',
    ]);
    const { documents: _documents, ...withoutDocuments } = settlement.payload;
    expect(buildEventEnvelope({ ...settlement, payload: withoutDocuments }, links).data).not.toHaveProperty(
      'documents',
    );
  });
  it('refuses a payload that breaks its schema: an amount as a number, or a field missing', () => {
    const broken = { ...settlement, payload: { ...settlement.payload, amount: 33333.33 } };
    expect(() => buildEventEnvelope(broken, links)).toThrow(PayloadError);
    const { period: _period, ...missing } = settlement.payload;
    expect(() => buildEventEnvelope({ ...settlement, payload: missing }, links)).toThrow(PayloadError);
  });
});

describe('what a member may open', () => {
  it.each([
    ['statement.2027-03.alfa.pdf', 'alfa', true],
    ['statement.2027-03.alfa.pdf', 'beta', false],
    ['cash-settlement.2027.alfa.pdf', 'alfa', true],
    ['cash-settlement.2027.alfa.pdf', 'alfaa', false],
    ['annual-report.2027.pdf', 'beta', true],
    ['interim.2027-08-31.pdf', 'beta', true],
    ['sie.2027.se', 'alfa', false],
    ['statement.2027-03.alfa.pdf.extra', 'alfa', false],
    ['unknown.2027.pdf', 'alfa', false],
  ])('%s for %s: %s', (documentId, memberId, allowed) => {
    expect(memberMayOpen(documentId, memberId)).toBe(allowed);
  });
});
