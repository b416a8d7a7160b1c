import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * The local runtime's one clock. It follows real time from an offset that can be set or moved
 * forward, so a whole budget year can pass in seconds (`finsam simulate`) while everything that
 * reads the time still asks this one place.
 *
 * With a file (the runtime's data directory), the offset survives a restart, also a crash: the
 * records written on the virtual clock carry its dates, and a runtime that came back in real time
 * would see its deadlines and events in the future and its year run backwards.
 */
export class VirtualClock {
  private offsetMs = 0;

  constructor(private readonly file?: string) {
    if (file === undefined) return;
    const stored = readOffset(file);
    if (stored !== undefined) this.offsetMs = stored;
  }

  now = (): Date => new Date(Date.now() + this.offsetMs);

  set(date: Date): void {
    this.offsetMs = date.getTime() - Date.now();
    this.persist();
  }

  advance(milliseconds: number): void {
    if (milliseconds < 0) throw new RangeError('the clock never goes backwards');
    this.offsetMs += milliseconds;
    this.persist();
  }

  /** Written before the caller goes on, and whole (written aside, then renamed over), so a kill leaves the old or the new offset. */
  private persist(): void {
    if (this.file === undefined) return;
    const aside = `${this.file}.${process.pid}.tmp`;
    writeFileSync(aside, JSON.stringify({ offsetMs: this.offsetMs }));
    renameSync(aside, this.file);
  }
}

function readOffset(file: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const { offsetMs } = JSON.parse(text) as { offsetMs?: unknown };
  if (typeof offsetMs !== 'number' || !Number.isFinite(offsetMs))
    throw new Error(`${file}: the virtual clock's offset is unreadable; remove the file to return to real time`);
  return offsetMs;
}
