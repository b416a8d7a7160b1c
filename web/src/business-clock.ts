/**
 * The business clock as the portal reads it: the date every page opens its budget year on and
 * prefills date fields with. In AWS it is real time; the local runtime has a virtual clock (a
 * simulated year passes in seconds) and names its time in /config.json, so the portal keeps the
 * difference to the browser's clock and every page reads the same date as the API.
 */
let offsetMs = 0;

/** `iso`: the business time the runtime reported; absent (AWS), the browser's own clock. */
export function setBusinessTime(iso: string | undefined, browserNow: number = Date.now()): void {
  const at = iso === undefined ? Number.NaN : Date.parse(iso);
  offsetMs = Number.isNaN(at) ? 0 : at - browserNow;
}

export function businessNow(): Date {
  return new Date(Date.now() + offsetMs);
}
