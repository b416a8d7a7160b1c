/**
 * Reading a chosen file for a JSON body: the API takes an uploaded revisionsberättelse as base64
 * inside the request (one stored item), not as a multipart upload.
 */

/** The API's audit_report_file_bytes_max: a signed PDF of a few pages. */
export const audit_report_file_bytes_max = 150_000;

/** "data:application/pdf;base64,JVBE…" → "JVBE…"; null when it is no base64 data URL. */
export function base64FromDataUrl(url: string): string | null {
  const match = /^data:[^,]*;base64,([A-Za-z0-9+/]*={0,2})$/.exec(url);
  return match?.[1] ? match[1] : null;
}

export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const content = typeof reader.result === 'string' ? base64FromDataUrl(reader.result) : null;
      if (content) resolve(content);
      else reject(new Error('Filen kunde inte läsas.'));
    };
    reader.onerror = () => reject(reader.error ?? new Error('Filen kunde inte läsas.'));
    reader.readAsDataURL(file);
  });
}
