/**
 * Ledger benchmarks (issue 3). Prints figures; asserts nothing.
 *  1. Booking throughput through the real store on dynalite (gapless numbering, period check,
 *     kontoplan check per voucher), with several writers on separate series.
 *  2. Time to compute RR + BR over N vouchers in packages/domain, beside `hledger bal` on the
 *     same journal, and the ratio.
 *  3. Peak memory of this process.
 * Run: npx tsx test/bench/ledger.ts [vouchers-to-book=100000] [vouchers-for-reports=100000] [writers=8]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { balansrakning, type Principal, resultatrakning, toHledgerJournal } from '@finsam/domain';
import { createStores } from '@finsam/store';
import { chart, randomYear } from '../../packages/domain/src/ledger/test-fixtures.ts';
import { startTestRuntime } from '../support/runtime.ts';

const toBook = Number(process.argv[2] ?? 100_000);
const forReports = Number(process.argv[3] ?? 100_000);
const writers = Number(process.argv[4] ?? 8);

async function bookingThroughput() {
  const runtime = await startTestRuntime();
  try {
    const stores = createStores(runtime.table);
    const ekonom: Principal = { subject: 'bench', name: 'Bänk', roles: ['ekonom'], forbundId: 'exempeldalen' };
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        const series = `B${writer}`;
        while (next < toBook) {
          next += 1;
          await stores.vouchers.book(
            ekonom,
            'exempeldalen',
            {
              series,
              year: 2027,
              date: `2027-${String((next % 12) + 1).padStart(2, '0')}-15`,
              text: `Bänkverifikation ${next}`,
              lines: [
                { account: '5410', amount: '125.50' },
                { account: '1930', amount: '-125.50' },
              ],
            },
            runtime.clock.now,
          );
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return {
      vouchers: toBook,
      writers,
      seconds: Number(seconds.toFixed(1)),
      perSecond: Math.round(toBook / seconds),
      readUnits: Math.round(runtime.table.capacity.readUnits),
      writeUnits: Math.round(runtime.table.capacity.writeUnits),
    };
  } finally {
    await runtime.stop();
  }
}

function reportsBesideHledger() {
  const vouchers = randomYear(20_270, forReports, 2027);
  const started = performance.now();
  const rr = resultatrakning(chart, vouchers);
  const br = balansrakning(chart, vouchers);
  const oursMs = performance.now() - started;
  const folder = mkdtempSync(join(tmpdir(), 'finsam-bench-'));
  const journal = join(folder, 'ledger.journal');
  writeFileSync(journal, toHledgerJournal(chart, vouchers));
  let hledgerMs: number | undefined;
  try {
    const hledgerStarted = performance.now();
    execFileSync('hledger', ['-f', journal, 'bal', '--no-total'], { stdio: 'ignore', maxBuffer: 1 << 28 });
    hledgerMs = performance.now() - hledgerStarted;
  } catch {
    console.warn('hledger is not installed (apt-get install -y hledger): no comparison');
  }
  return {
    vouchers: forReports,
    lines: vouchers.reduce((sum, voucher) => sum + voucher.lines.length, 0),
    rrPlusBrMs: Math.round(oursMs),
    hledgerBalMs: hledgerMs === undefined ? 'n/a' : Math.round(hledgerMs),
    ratioHledgerToOurs: hledgerMs === undefined ? 'n/a' : Number((hledgerMs / oursMs).toFixed(1)),
    result: rr.aretsResultat,
    equityInBalanceSheet: br.egetKapital.total,
  };
}

console.log('Booking through the store (dynalite):');
console.table([await bookingThroughput()]);
console.log('RR + BR in packages/domain beside hledger bal:');
console.table([reportsBesideHledger()]);
console.log(`Peak resident memory: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
