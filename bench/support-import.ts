// Child phase of bench/import.ts: imports a Shopee report with the real importFile into a database.
// On a database without the benchmark org it first creates the org, <kos> KOS (createKos) and an
// org-wide 10 % plan (createPlan), so that the ledger books while lines are stored; on one that has it,
// this is a re-import. Reports the import's counts, its seconds, the stored state before and after.
// Usage: support-import.ts <database-url> <file.csv> <kos>
import { importFile } from '../src/features/imports/import-jobs.js';
import { kosCreate } from '../src/features/kos/kos.schema.js';
import { createKos } from '../src/features/kos/kos.service.js';
import { planCreate } from '../src/features/plans/plans.schema.js';
import { createPlan } from '../src/features/plans/plans.service.js';
import { benchOrg, kosCode, openDatabase, storedState } from './support-common.js';
import { report, since } from './support-phase.js';

const [url, path, kos] = process.argv.slice(2);
if (!url || !path || !kos) {
  // Run bare (e.g. by `npm run bench`, which loops over bench/*.ts): this is only a phase of bench/import.ts.
  console.log('support-import.ts <database-url> <file.csv> <kos> is a child phase of bench/import.ts: run npm run bench:import');
  process.exit(0);
}
const log = (text: string) => process.stderr.write(`  [${url.split(':')[0]}] ${text}\n`);

const database = await openDatabase(url);
const db = database.db;
const setupStart = performance.now();
const { orgId, owner, created } = await benchOrg(db);
if (created) {
  const relationships = ['independent', 'store_staff', 'agent', 'employee'] as const;
  for (let i = 1; i <= Number(kos); i += 1) {
    const code = kosCode(i);
    await createKos(
      db,
      owner,
      kosCreate.parse({
        code,
        handle: code.toLowerCase(),
        name: `KOS ${i}`,
        relationship: relationships[i % 4],
        status: 'active',
      }),
    );
  }
  await createPlan(db, owner, planCreate.parse({ name: 'Default 10 %', validFrom: '2026-01-01', rateBps: 1000 }));
  log(`set up the org: ${kos} KOS and a 10 % plan in ${since(setupStart).toFixed(1)} s`);
}

const before = await storedState(db, orgId);
const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
let tenth = 0;
const cpuStart = process.cpuUsage();
const start = performance.now();
const result = await importFile(
  db,
  owner,
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
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const after = await storedState(db, orgId);
await database.close();
const { rows, inserted, updated, unchanged, rejected, skipped, errors } = result;
report({
  reimport: !created,
  rssBeforeMb,
  seconds,
  cpuSeconds,
  lines: rows,
  counts: { rows, inserted, updated, unchanged, rejected, skipped },
  firstErrors: errors.slice(0, 3),
  before,
  after,
});
