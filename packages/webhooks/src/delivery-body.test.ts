import type { OutboxEvent } from '@finsam/store';
import { describe, expect, it } from 'vitest';
import { buildDeliveryBody, buildEventEnvelope, PayloadError } from './delivery-body.ts';
import { createDocumentLinks, verifyDocumentLink } from './document-links.ts';
import { envelopeSchema } from './event-payloads.ts';

const key = new Uint8Array(32).fill(7);
const links = createDocumentLinks({ key, baseUrl: () => 'https://finsam.example' });
const now = new Date('2027-04-02T08:00:00Z');
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
      { kind: 'pdf', documentId: 'avrakning-2027-03-alfa-pdf', fileName: 'avrakning-2027-03.pdf' },
      { kind: 'sie4', documentId: 'avrakning-2027-03-alfa-sie', fileName: 'avrakning-2027-03.se' },
    ],
  },
};

describe('the delivery body', () => {
  it('wraps the v1 payload in the envelope, amounts as strings, with the sequence and the member reference', () => {
    const envelope = buildEventEnvelope(settlement, links, now);
    expect(envelopeSchema('settlement.issued').parse(envelope)).toEqual(envelope);
    expect(envelope).toMatchObject({
      id: 'settlement:2027-03:alfa',
      type: 'settlement.issued',
      version: 1,
      timestamp: '2027-04-01T06:00:00.000Z',
      sequence: 17,
      data: { amount: '33333.33', memberReference: 'KUND-4711' },
    });
    expect(JSON.parse(buildDeliveryBody(settlement, links, now))).toEqual(envelope);
  });

  it('replaces document references by signed links that expire a week after sending', () => {
    const [pdf, sie] = buildEventEnvelope(settlement, links, now).data.documents as {
      url: string;
      expiresAt: string;
    }[];
    expect(pdf?.url).toMatch(
      /^https:\/\/finsam\.example\/api\/forbund\/exempeldalen\/documents\/avrakning-2027-03-alfa-pdf\?/,
    );
    expect(sie?.expiresAt).toBe('2027-04-09T08:00:00.000Z');
    const url = new URL(pdf!.url);
    const link = {
      forbundId: 'exempeldalen',
      documentId: 'avrakning-2027-03-alfa-pdf',
      expires: url.searchParams.get('expires')!,
      signature: url.searchParams.get('signature')!,
    };
    expect(verifyDocumentLink(key, link, now)).toBe(true);
    expect(verifyDocumentLink(key, { ...link, documentId: 'avrakning-2027-03-beta-pdf' }, now)).toBe(false);
    expect(verifyDocumentLink(key, { ...link, expires: String(Number(link.expires) + 1) }, now)).toBe(false);
    expect(verifyDocumentLink(key, link, new Date('2027-04-10T00:00:00Z'))).toBe(false);
    expect(verifyDocumentLink(new Uint8Array(32).fill(8), link, now)).toBe(false);
  });

  it('refuses a payload that breaks its schema: an amount as a number, or a field missing', () => {
    const broken = { ...settlement, payload: { ...settlement.payload, amount: 33333.33 } };
    expect(() => buildEventEnvelope(broken, links, now)).toThrow(PayloadError);
    const { period: _period, ...missing } = settlement.payload;
    expect(() => buildEventEnvelope({ ...settlement, payload: missing }, links, now)).toThrow(PayloadError);
  });
});
