import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VirtualClock } from './clock.ts';

const dir = mkdtempSync(join(tmpdir(), 'finsam-clock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the virtual clock with a file', () => {
  it('comes back where it was set, and moves on in real time from there', () => {
    const file = join(dir, 'clock.json');
    const first = new VirtualClock(file);
    first.set(new Date('2027-06-15T09:00:00Z'));
    first.advance(3_600_000);
    const again = new VirtualClock(file);
    const drift = again.now().getTime() - new Date('2027-06-15T10:00:00Z').getTime();
    expect(drift).toBeGreaterThanOrEqual(0);
    expect(drift).toBeLessThan(5_000);
  });

  it('follows real time when there is no file yet, and refuses an unreadable one', () => {
    expect(Math.abs(new VirtualClock(join(dir, 'none.json')).now().getTime() - Date.now())).toBeLessThan(5_000);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"offsetMs":"soon"}');
    expect(() => new VirtualClock(broken)).toThrow(/unreadable/);
  });
});
