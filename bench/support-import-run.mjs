// Measured phase of bench/import.ts: one import of a Shopee report with the real importFile, run from the
// compiled product (dist/, as `npm start` and `kos import` run it) in plain Node — without the tsx loader,
// which alone holds ~55 MB of the peak RSS this phase reports. The benchmark org must exist
// (bench/support-import.ts setup; its slug comes from the parent). Reports the import's counts, its seconds, CPU seconds and peak RSS.
// Usage: support-import-run.mjs <database-url> <file.csv> <org-slug>
import { createDatabase } from '../dist/src/db/database.js';
import { systemPrincipal } from '../dist/src/features/access/access.js';
import { importFile } from '../dist/src/features/imports/import-jobs.js';
import { findOrgBySlug } from '../dist/src/features/orgs/orgs.service.js';

const [url, path, slug] = process.argv.slice(2);
if (!url || !path || !slug) {
  console.log(
    'support-import-run.mjs <database-url> <file.csv> <org-slug> is a child phase of bench/import.ts: run npm run bench:import',
  );
  process.exit(0);
}
const log = (text) => process.stderr.write(`  [${url.split(':')[0]}] ${text}\n`);
const since = (start) => (performance.now() - start) / 1000;

const database = createDatabase(url, { poolSize: 4 });
const org = await findOrgBySlug(database.db, slug);
if (!org) throw new Error('no benchmark org: run bench/support-import.ts setup first');
const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
let tenth = 0;
const cpuStart = process.cpuUsage();
const start = performance.now();
const result = await importFile(
  database.db,
  systemPrincipal(org.id),
  { source: 'shopee', path, fileName: 'AffiliateCommissionReport202611230000.csv' },
  {
    onProgress(done, total) {
      if (done * 10 >= (tenth + 1) * total) {
        tenth = Math.floor((done * 10) / total);
        log(`${done} / ${total} rows, ${since(start).toFixed(1)} s`);
      }
    },
  },
);
const seconds = since(start);
const cpu = process.cpuUsage(cpuStart);
await database.close();
const { rows, inserted, updated, unchanged, rejected, skipped, errors } = result;
process.stdout.write(
  `RESULT ${JSON.stringify({
    rssBeforeMb,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    lines: rows,
    counts: { rows, inserted, updated, unchanged, rejected, skipped },
    firstErrors: errors.slice(0, 3),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
process.exit(0);
