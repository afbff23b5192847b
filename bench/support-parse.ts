// Child phase of bench/import.ts: a bare streaming parse of a CSV, counting data records, with one of
// three libraries — csv-parse (the importer's library and options before issue 14), udsv or papaparse (issue
// 14 asks for the measured choice) — or the importer's own record reader (src/features/imports/read/csv-records.ts).
// Usage: support-parse.ts <file.csv> [csv-parse|udsv|papaparse|kos-reader]
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import Papa from 'papaparse';
import { inferSchema, initParser, type Parser } from 'udsv';
import { type CsvRecord, CsvRecordReader } from '../src/features/imports/read/csv-records.js';
import { report, since } from './support-phase.js';

const path = process.argv[2];
const library = process.argv[3] ?? 'csv-parse';
if (!path) {
  // Run bare (e.g. by `npm run bench`, which loops over bench/*.ts): this is only a phase of bench/import.ts.
  console.log('support-parse.ts <file.csv> is a child phase of bench/import.ts: run npm run bench:import');
  process.exit(0);
}
const CHUNK = 256 * 1024;

/** Records (the header included) read by each library over the same stream of the file. */
const parsers: Record<string, () => Promise<number>> = {
  'csv-parse': async () => {
    const parser = createReadStream(path, { highWaterMark: CHUNK }).pipe(
      parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: false, max_record_size: 4 << 20 }),
    );
    let records = 0;
    for await (const _record of parser) records += 1;
    return records;
  },
  udsv: async () => {
    let parser: Parser | null = null;
    let records = 1; // its schema takes the header row
    for await (const text of createReadStream(path, { highWaterMark: CHUNK, encoding: 'utf8' })) {
      parser ??= initParser(inferSchema(text as string, { col: ',', encl: '"' }));
      parser.chunk<string[]>(text as string, parser.stringArrs, () => {
        records += 1;
      });
    }
    parser?.end();
    return records;
  },
  'kos-reader': async () => {
    const reader = new CsvRecordReader(',', 4 << 20);
    let records = 0;
    for await (const text of createReadStream(path, { highWaterMark: CHUNK, encoding: 'utf8' })) {
      const batch: CsvRecord[] = [];
      reader.push(text as string, batch);
      records += batch.length;
    }
    const last: CsvRecord[] = [];
    reader.end(last);
    return records + last.length;
  },
  papaparse: () =>
    new Promise((resolve, reject) => {
      let records = 0;
      Papa.parse(createReadStream(path, { highWaterMark: CHUNK, encoding: 'utf8' }), {
        skipEmptyLines: true,
        chunk: (results) => {
          records += results.data.length;
        },
        complete: () => resolve(records),
        error: reject,
      });
    }),
};

const run = parsers[library];
if (!run) throw new Error(`unknown parser ${library}: one of ${Object.keys(parsers).join(', ')}`);
const cpuStart = process.cpuUsage();
const start = performance.now();
const records = await run();
const cpu = process.cpuUsage(cpuStart);
report({ lines: records - 1, seconds: since(start), cpuSeconds: (cpu.user + cpu.system) / 1e6 });
