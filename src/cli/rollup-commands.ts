import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { allOrgs, rebuildOrg } from '../features/analytics/rollups.service.js';
import { findOrgBySlug } from '../features/orgs/orgs.service.js';
import { DomainError } from '../lib/errors.js';
import { problem } from '../lib/problems/problem.js';
import { printResult, withDatabase } from './open-database.js';

export function registerRollupCommands(program: Command): void {
  const rollups = program.command('rollups').description('daily analytics rollups (docs/rollups.md)');
  rollups
    .command('rebuild')
    .description("recompute an organisation's daily rollups (every organisation without --org) from its order lines")
    .option('--org <slug>', 'organisation slug (default: all)')
    .option('--clicks', "also recompute the daily click counts (link_daily) in the organisation's time zone")
    .option('--json', 'print {"orgs":[{"slug","months","clicksRebuilt"}],"seconds"} as one JSON line')
    .action(async (options: { org?: string; clicks?: boolean; json?: boolean }) => {
      const started = performance.now();
      const orgs = await withDatabase(async (database) => {
        const db = database.db;
        let targets = await allOrgs(db);
        if (options.org) {
          const org = await findOrgBySlug(db, options.org);
          if (!org)
            throw new DomainError(
              'not_found',
              problem('org.slug.unknown', { slug: options.org }),
              `no organisation with slug "${options.org}"`,
            );
          targets = [{ id: org.id, slug: org.slug, timezone: org.timezone }];
        }
        const bar = process.stderr.isTTY
          ? new SingleBar({ format: 'rebuilding {org} [{bar}] {value}/{total} months', stream: process.stderr })
          : null;
        const done = [];
        try {
          for (const org of targets) {
            bar?.start(1, 0, { org: org.slug });
            const result = await rebuildOrg(db, org, {
              clicks: options.clicks,
              onMonth: (month, total) => {
                bar?.setTotal(Math.max(total, 1));
                bar?.update(month, { org: org.slug });
              },
            });
            bar?.stop();
            done.push({ slug: org.slug, months: result.months, clicksRebuilt: result.clicksRebuilt });
          }
        } finally {
          bar?.stop();
        }
        return done;
      });
      const seconds = Math.round((performance.now() - started) / 10) / 100;
      printResult(
        Boolean(options.json),
        { orgs, seconds },
        [
          ...orgs.map((o) => `${o.slug}: ${o.months} month(s) rebuilt${o.clicksRebuilt ? ', daily clicks recomputed' : ''}`),
          `${orgs.length} organisation(s) in ${seconds} s`,
        ].join('\n'),
      );
    });
}
