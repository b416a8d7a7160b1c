import type { DocumentSection, TabularDocument } from './document.ts';

/** Tests only. A valid organisationsnummer: third digit ≥ 2 and a Luhn check digit of 0. */
export const ORGANISATIONSNUMMER = '222000-0000';

export const kostnader: DocumentSection = {
  heading: 'Verksamhetens kostnader',
  columns: [
    { key: 'account', label: 'Konto', kind: 'text' },
    { key: 'name', label: 'Benämning', kind: 'text' },
    { key: 'booked', label: 'Bokfört', kind: 'date' },
    { key: 'used', label: 'Förbrukat', kind: 'percent' },
    { key: 'amount', label: 'Belopp, kr', kind: 'money' },
  ],
  rows: [
    { account: '5410', name: 'Förbrukningsinventarier', booked: '2025-03-31', used: '83.4', amount: '-1234.50' },
    { account: '6110', name: 'Kontorsmateriel; pennor & "block"', booked: '2025-06-30', used: '', amount: '250.00' },
    { account: '7010', name: 'Löner till tjänstemän', booked: '2025-12-31', used: '101.25', amount: '-1234567.89' },
  ],
  totals: { name: 'Summa', amount: '-1235552.39' },
};

export function sampleDocument(overrides: Partial<TabularDocument> = {}): TabularDocument {
  return {
    title: 'Resultaträkning 2025',
    subtitle: 'Kommunal uppställning',
    organisation: { name: 'Samordningsförbundet Älvsborg Södra', organisationsnummer: ORGANISATIONSNUMMER },
    period: 'Räkenskapsår 2025-01-01 – 2025-12-31',
    generatedAt: '2025-02-14T09:30:00Z',
    sections: [kostnader],
    notes: ['Årets resultat uppfyller balanskravet.'],
    signatures: [{ role: 'Ordförande', name: 'Åsa Öberg' }, { role: 'Förbundschef' }],
    ...overrides,
  };
}

/** A section long enough to run over several A4 pages. */
export function longSection(rowCount: number): DocumentSection {
  return {
    heading: 'Verifikationslista',
    columns: [
      { key: 'number', label: 'Ver.nr', kind: 'text' },
      { key: 'text', label: 'Text', kind: 'text' },
      { key: 'amount', label: 'Belopp, kr', kind: 'money' },
    ],
    rows: Array.from({ length: rowCount }, (_, index) => ({
      number: `V${index + 1}`,
      text: `Utbetalning ${index + 1} till insats`,
      amount: `${index + 1}.00`,
    })),
    totals: { text: 'Summa', amount: `${(rowCount * (rowCount + 1)) / 2}.00` },
  };
}
