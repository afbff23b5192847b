// Child phase of bench/import.ts: a bare streaming parse of a CSV with csv-parse (the importer's
// library and options), counting data records. Usage: support-parse.ts <file.csv>
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { report, since } from './support-phase.js';

const path = process.argv[2];
if (!path) {
  // Run bare (e.g. by `npm run bench`, which loops over bench/*.ts): this is only a phase of bench/import.ts.
  console.log('support-parse.ts <file.csv> is a child phase of bench/import.ts: run npm run bench:import');
  process.exit(0);
}
const start = performance.now();
const parser = createReadStream(path, { highWaterMark: 256 * 1024 }).pipe(
  parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: false, max_record_size: 4 << 20 }),
);
let records = 0;
for await (const _record of parser) records += 1;
report({ lines: records - 1, seconds: since(start) });
