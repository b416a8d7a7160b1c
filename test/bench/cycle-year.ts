/**
 * One simulated budget year per förbund (issue 4): time, vouchers and events per förbund, and
 * DynamoDB read and write units per förbund-year (ReturnConsumedCapacity, as dynalite reports
 * it), converted to an estimated AWS on-demand cost. Each förbund runs in a runtime of its own,
 * one after another, so the figures are per förbund and add up linearly.
 * Run: npx tsx test/bench/cycle-year.ts [forbund=100] [preset=finsam]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PresetName } from '@finsam/domain';
import { inProcessDriver, simulateYear } from '@finsam/local';
import { createStores } from '@finsam/store';
import { viewer } from '../support/cycle.ts';
import { startTestRuntime } from '../support/runtime.ts';

const forbundCount = Number(process.argv[2] ?? 100);
const preset = (process.argv[3] ?? 'finsam') as PresetName;
const year = 2027;
/** On-demand prices, USD per million units (us-east-1, 2025); eu-north-1 differs by a few per cent. */
const usd_per_million_write_units = 0.625;
const usd_per_million_read_units = 0.125;

interface Row {
  seconds: number;
  vouchers: number;
  events: number;
  readUnits: number;
  writeUnits: number;
  pollingReadUnits: number;
}
const rows: Row[] = [];
for (let index = 0; index < forbundCount; index++) {
  const runtime = await startTestRuntime({ cycle: true });
  // What the demo data cost to seed is not part of the year.
  const seeded = { ...runtime.table.capacity };
  const started = performance.now();
  await simulateYear(inProcessDriver(runtime), {
    forbundId: 'exempeldalen',
    year,
    outDir: mkdtempSync(join(tmpdir(), 'finsam-bench-')),
    preset,
  });
  const seconds = (performance.now() - started) / 1000;
  const stores = createStores(runtime.table);
  const vouchers =
    (await stores.vouchers.year(viewer, 'exempeldalen', year)).length +
    (await stores.vouchers.year(viewer, 'exempeldalen', year + 1)).length;
  const charter = await stores.charters.current(viewer, 'exempeldalen');
  let events = 0;
  for (const member of charter.members) {
    let cursor: string | undefined;
    do {
      const page = await stores.outbox.forMember(viewer, 'exempeldalen', member.id, { cursor, limit: 100 });
      events += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
  }
  const readUnits = runtime.table.capacity.readUnits - seeded.readUnits;
  const writeUnits = runtime.table.capacity.writeUnits - seeded.writeUnits;
  rows.push({
    seconds,
    vouchers,
    events,
    readUnits,
    writeUnits,
    pollingReadUnits: runtime.pollingTable.capacity.readUnits,
  });
  await runtime.stop();
  process.stdout.write(`förbund ${index + 1}/${forbundCount}: ${seconds.toFixed(1)} s\n`);
}

const mean = (pick: (row: Row) => number) => rows.reduce((sum, row) => sum + pick(row), 0) / rows.length;
const reads = mean((row) => row.readUnits);
const writes = mean((row) => row.writeUnits);
const cost = (reads * usd_per_million_read_units + writes * usd_per_million_write_units) / 1_000_000;
console.table([
  {
    forbund: rows.length,
    preset,
    totalSeconds: Number(rows.reduce((sum, row) => sum + row.seconds, 0).toFixed(1)),
    secondsPerForbund: Number(mean((row) => row.seconds).toFixed(1)),
    vouchersPerForbund: Math.round(mean((row) => row.vouchers)),
    eventsPerForbund: Math.round(mean((row) => row.events)),
    readUnitsPerForbundYear: Math.round(reads),
    writeUnitsPerForbundYear: Math.round(writes),
    localPollingReadUnits: Math.round(mean((row) => row.pollingReadUnits)),
    estimatedUsdPerForbundYear: Number(cost.toFixed(4)),
  },
]);
console.log(
  "API and task work only; the local runner's waiting and the webhook relay are counted apart (AWS waits on task tokens and streams).",
);
