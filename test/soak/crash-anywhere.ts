/**
 * Soak: the year of test/e2e/crash-anywhere.test.ts with 100 kills (or KILLS) and a seed of your
 * choice (SEED), printing what it measured. Exit code 1 when anything did not hold.
 *
 *   npx tsx test/soak/crash-anywhere.ts            # 100 kills, seed from the clock
 *   SEED=42 KILLS=200 npx tsx test/soak/crash-anywhere.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crashYear } from '../support/crash-year.ts';

const kills = Number(process.env.KILLS ?? 100);
const seed = Number(process.env.SEED ?? Date.now() % 1_000_000_007);
const dataDir = mkdtempSync(join(tmpdir(), 'finsam-soak-'));
const outDir = mkdtempSync(join(tmpdir(), 'finsam-soak-out-'));
console.log(`crash-anywhere: ${kills} kills, seed ${seed}`);
try {
  const report = await crashYear({ kills, seed, dataDir, outDir, log: (line) => console.log(`  ${line}`) });
  console.log(
    `kills ${report.kills} (${report.killsMidRequest} mid-request), requests ${report.requests}, ` +
      `${report.seconds.toFixed(0)} s, repeated webhook deliveries ${report.repeatedDeliveries}`,
  );
  for (const problem of report.problems) console.log(`PROBLEM ${problem}`);
  if (report.problems.length > 0 || report.repeatedDeliveries > report.kills) process.exitCode = 1;
  else console.log('the year came through whole');
} finally {
  if (process.env.KEEP) console.log(`data kept in ${dataDir}`);
  else rmSync(dataDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
}
