/**
 * The local runtime's one clock. It follows real time from an offset that can be set or moved
 * forward, so a whole budget year can pass in seconds (`finsam simulate`) while everything that
 * reads the time still asks this one place.
 */
export class VirtualClock {
  private offsetMs = 0;

  now = (): Date => new Date(Date.now() + this.offsetMs);

  set(date: Date): void {
    this.offsetMs = date.getTime() - Date.now();
  }

  advance(milliseconds: number): void {
    if (milliseconds < 0) throw new RangeError('the clock never goes backwards');
    this.offsetMs += milliseconds;
  }
}
