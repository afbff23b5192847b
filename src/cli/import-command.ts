import { basename } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { systemPrincipal } from '../features/access/access.js';
import { importFile } from '../features/imports/import-jobs.js';
import { SOURCES } from '../features/imports/import-types.js';
import { findKosByCode } from '../features/kos/kos.service.js';
import { findOrgBySlug } from '../features/orgs/orgs.service.js';
import { DomainError } from '../lib/errors.js';
import { problem } from '../lib/problems/problem.js';
import { printResult, withDatabase } from './open-database.js';

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('import a platform report file into an organisation; prints the import report')
    .requiredOption('--org <slug>', 'organisation slug')
    .requiredOption('--source <source>', `${SOURCES.join(', ')}, or the name of one of the org's saved mappings`)
    .argument('<file>', 'the report (CSV, XLSX or JSON)')
    .option('--kos <code>', 'the KOS a tiktok_creator report belongs to (its code)')
    .option('--json', 'print the report as one JSON line')
    .action(async (file: string, options: { org: string; source: string; kos?: string; json?: boolean }) => {
      const report = await withDatabase(async (database) => {
        const org = await findOrgBySlug(database.db, options.org);
        if (!org)
          throw new DomainError(
            'not_found',
            problem('org.slug.unknown', { slug: options.org }),
            `no organisation with slug "${options.org}"`,
          );
        const kos = options.kos ? await findKosByCode(database.db, org.id, options.kos.trim().toUpperCase()) : undefined;
        if (options.kos && !kos)
          throw new DomainError(
            'not_found',
            problem('kos.reference.unknown'),
            `no KOS with code "${options.kos}" in organisation "${options.org}"`,
          );
        const bar = process.stderr.isTTY
          ? new SingleBar({ format: 'importing [{bar}] {percentage}% {value}/{total} rows', stream: process.stderr })
          : null;
        bar?.start(1, 0);
        try {
          const owner = systemPrincipal(org.id);
          return await importFile(
            database.db,
            owner,
            { source: options.source, path: file, fileName: basename(file), kosId: kos?.id ?? null },
            {
              onWait: () => process.stderr.write('another import of this organisation is running; waiting for it to end…\n'),
              onProgress: (done, total) => {
                bar?.setTotal(Math.max(total, 1));
                bar?.update(done);
              },
            },
          );
        } finally {
          bar?.stop();
        }
      });
      const errors = report.errors.slice(0, 20).map((e) => `  row ${e.row}${e.field ? ` ${e.field}` : ''}: ${e.message}`);
      printResult(
        Boolean(options.json),
        report,
        [
          `import ${report.id} (${report.source}): ${report.rows} rows — ${report.inserted} inserted, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected, ${report.skipped} skipped`,
          ...errors,
          ...(report.rejected > errors.length
            ? [`  … ${report.rejected - errors.length} more row errors (GET /api/v1/imports/${report.id})`]
            : []),
        ].join('\n'),
      );
    });
}
