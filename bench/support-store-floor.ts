// Child phase of bench/import.ts: the floor under the SQLite import's store pass. It copies the database a
// fresh import filled, empties its lines, history and ledger, and writes the same rows back in the order
// they were stored, with bare better-sqlite3 — one prepared INSERT per table, 5 000 lines (with their
// history rows and a proportional share of the ledger rows) a transaction, the import's page cache and
// checkpoint settings. No parse, no mapping, no attribution, no lookups: only what storing those rows in
// this schema costs. `keys` drops the secondary indexes of the three tables first (primary and unique keys
// stay): the shape the 111 000 lines/s premise was measured on.
// Usage: support-store-floor.ts <sqlite-url of an imported database> schema|keys
import { rmSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { sqlitePath } from '../src/config.js';
import { IMPORT_CACHE_KIB, IMPORT_CHECKPOINT_PAGES } from '../src/db/import-settings.js';
import { report, since } from './support-phase.js';

const [url, variant] = process.argv.slice(2);
if (!url || (variant !== 'schema' && variant !== 'keys')) {
  console.log('support-store-floor.ts <sqlite-url> schema|keys is a child phase of bench/import.ts: run npm run bench:import');
  process.exit(0);
}
const TABLES = ['order_lines', 'order_line_history', 'ledger_entries'] as const;
const LINES_PER_TRANSACTION = 5000;

const sourcePath = sqlitePath(url);
const targetPath = `${sourcePath}.floor-${variant}`;
rmSync(targetPath, { force: true });
const source = new SQLite(sourcePath, { readonly: true });
source.prepare('vacuum into ?').run(targetPath);
const target = new SQLite(targetPath);
target.pragma('journal_mode = WAL');
target.pragma('synchronous = NORMAL');
target.pragma('foreign_keys = ON');
for (const table of [...TABLES].reverse()) target.exec(`delete from "${table}"`);
target.exec('vacuum');
if (variant === 'keys') {
  for (const table of TABLES) {
    const indexes = target.prepare(`select name from sqlite_master where type = 'index' and tbl_name = ? and sql is not null`);
    for (const { name } of indexes.all(table) as { name: string }[]) target.exec(`drop index "${name}"`);
  }
}
target.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
target.pragma(`wal_autocheckpoint = ${IMPORT_CHECKPOINT_PAGES}`);

const count = (table: string) => (source.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
const totals = Object.fromEntries(TABLES.map((t) => [t, count(t)])) as Record<(typeof TABLES)[number], number>;
const columns = (table: string) =>
  (target.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => `"${c.name}"`);
const streams = TABLES.map((table) => {
  const names = columns(table);
  const rows = source
    .prepare(`select ${names.join(', ')} from "${table}" order by rowid`)
    .raw()
    .iterate() as IterableIterator<unknown[]>;
  const insert = target.prepare(`insert into "${table}" (${names.join(', ')}) values (${names.map(() => '?').join(', ')})`);
  return { table, rows, insert, written: 0 };
});

// Rows are read from the source as they are written, so the read is timed apart first and taken off.
let start = performance.now();
for (const table of TABLES) {
  for (const _row of source.prepare(`select * from "${table}" order by rowid`).raw().iterate());
}
const readSeconds = since(start);

const cpuStart = process.cpuUsage();
start = performance.now();
const lines = totals.order_lines;
const chunk = target.transaction((upTo: number) => {
  for (const stream of streams) {
    const goal = Math.min(totals[stream.table], Math.ceil((totals[stream.table] * upTo) / lines));
    while (stream.written < goal) {
      const next = stream.rows.next();
      if (next.done) break;
      stream.insert.run(next.value);
      stream.written += 1;
    }
  }
});
for (let upTo = LINES_PER_TRANSACTION; ; upTo += LINES_PER_TRANSACTION) {
  chunk(Math.min(upTo, lines));
  if (upTo >= lines) break;
}
target.pragma('wal_checkpoint(PASSIVE)');
const cpu = process.cpuUsage(cpuStart);
const seconds = since(start) - readSeconds;
const written = Object.fromEntries(streams.map((s) => [s.table, s.written]));
for (const stream of streams) {
  if (stream.written !== totals[stream.table])
    throw new Error(`${stream.table}: ${stream.written} of ${totals[stream.table]} written`);
  stream.rows.return?.();
}
source.close();
target.close();
for (const suffix of ['', '-wal', '-shm']) rmSync(`${targetPath}${suffix}`, { force: true });
report({ lines, seconds, cpuSeconds: Math.max(0.001, (cpu.user + cpu.system) / 1e6 - readSeconds), readSeconds, written });
