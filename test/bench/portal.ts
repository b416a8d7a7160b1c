/**
 * The portal (issue 6): production bundle sizes (gzip) and the Largest Contentful Paint of the
 * workspace page in headless Chromium against the local runtime holding a simulated year.
 * Prints; asserts nothing. Run after `npm run build:web`: npx tsx test/bench/portal.ts [loads=5]
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { inProcessDriver, simulateYear } from '@finsam/local';
import { launchBrowser } from '../browser/support/browser.ts';
import { call, repositoryRoot, startTestRuntime } from '../support/runtime.ts';
import { percentile } from './stats.ts';

const loads = Number(process.argv[2] ?? 5);
const assets = join(repositoryRoot, 'web/dist/assets');
console.log('Portal bundle (one single-page app: every route loads the same files):');
console.table(
  readdirSync(assets)
    .filter((file) => /\.(js|css)$/.test(file))
    .map((file) => {
      const bytes = readFileSync(join(assets, file));
      return { file, kib: Math.round(bytes.length / 1024), gzipKib: Math.round(gzipSync(bytes).length / 1024) };
    }),
);

const runtime = await startTestRuntime({ cycle: true });
const browser = await launchBrowser();
try {
  await simulateYear(inProcessDriver(runtime), {
    forbundId: 'exempeldalen',
    year: 2027,
    outDir: mkdtempSync(join(tmpdir(), 'finsam-lcp-')),
  });
  const login = await call(runtime, 'POST', '/api/auth/login', { body: { username: 'ekonom', password: 'demo' } });
  const session = JSON.stringify({
    token: login.body.token,
    expiresAt: login.body.expiresAt,
    principal: login.body.principal,
  });
  const lcp: number[] = [];
  for (let run = 0; run < loads; run++) {
    const page = await browser.context.newPage();
    // Browser code as text: this file is type-checked for Node, without the DOM's types.
    await page.addInitScript(`sessionStorage.setItem('finsam.session', ${JSON.stringify(session)})`);
    await page.goto(`${runtime.url}/forbund/exempeldalen/arscykel/2027`, { waitUntil: 'networkidle' });
    lcp.push(
      Number(
        await page.evaluate(`new Promise((resolve) => {
          new PerformanceObserver((list) => resolve(list.getEntries().at(-1).startTime))
            .observe({ type: 'largest-contentful-paint', buffered: true });
        })`),
      ),
    );
    await page.close();
  }
  lcp.sort((a, b) => a - b);
  console.log(
    `Workspace page, a year of data: LCP p50 ${percentile(lcp, 0.5).toFixed(0)} ms, max ${(lcp.at(-1) as number).toFixed(0)} ms over ${loads} loads`,
  );
} finally {
  await browser.close();
  await runtime.stop();
}
