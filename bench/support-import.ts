// Child phases of bench/import.ts around the measured import (bench/support-import-run.mjs):
// `setup` creates, on a database without it, the benchmark org, <kos> KOS (createKos) and an org-wide
// 10 % plan (createPlan), so that the ledger books while lines are stored — on one that has it, the next
// import is a re-import; `state` reports the stored state (counts and sums any change would move).
// Usage: support-import.ts setup <database-url> <kos> | support-import.ts state <database-url>
import { kosCreate } from '../src/features/kos/kos.schema.js';
import { createKos } from '../src/features/kos/kos.service.js';
import { planCreate } from '../src/features/plans/plans.schema.js';
import { createPlan } from '../src/features/plans/plans.service.js';
import { benchOrg, kosCode, openDatabase, storedState } from './support-common.js';
import { report, since } from './support-phase.js';

const [mode, url, kos] = process.argv.slice(2);
if ((mode !== 'setup' && mode !== 'state') || !url || (mode === 'setup' && !kos)) {
  // Run bare (e.g. by `npm run bench`, which loops over bench/*.ts): this is only a phase of bench/import.ts.
  console.log(
    'support-import.ts setup|state <database-url> [<kos>] is a child phase of bench/import.ts: run npm run bench:import',
  );
  process.exit(0);
}
const log = (text: string) => process.stderr.write(`  [${url.split(':')[0]}] ${text}\n`);

const database = await openDatabase(url);
const db = database.db;
const setupStart = performance.now();
const { orgId, owner, created } = await benchOrg(db);
if (mode === 'state') {
  const state = await storedState(db, orgId);
  await database.close();
  report({ state });
}
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

await database.close();
report({ created });
