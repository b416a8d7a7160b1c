import JSZip from 'jszip';

/**
 * Stamps every entry of a zip with one date. exceljs packs the workbook with JSZip, which dates
 * each entry with the clock at the moment of packing; re-stamping with the document's generatedAt
 * makes the same document give the same bytes, as a pure renderer should. JSZip passes the
 * already-compressed entries through unchanged, so this costs a copy, not a second compression.
 */
export async function stampZipEntries(zipBytes: ArrayBuffer | Uint8Array, date: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(zipBytes);
  zip.forEach((_, entry) => {
    entry.date = date;
  });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
