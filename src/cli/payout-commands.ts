import type { Command } from 'commander';
import { systemPrincipal } from '../features/access/access.js';
import { findOrgBySlug } from '../features/orgs/orgs.service.js';
import { closePeriod } from '../features/payouts/payouts.service.js';
import { DomainError, invalid } from '../lib/errors.js';
import { problem } from '../lib/problems/problem.js';
import { PERIOD_PATTERN } from '../lib/time.js';
import { printResult, withDatabase } from './open-database.js';

export function registerPayoutCommands(program: Command): void {
  const payouts = program.command('payouts').description('monthly payouts');
  payouts
    .command('close')
    .description('close an ended month: one draft payout per KOS (closing again changes nothing)')
    .requiredOption('--org <slug>', 'organisation slug')
    .requiredOption('--period <YYYY-MM>', 'the month to close')
    .option('--json', 'print {"period","created","payouts"} as one JSON line')
    .action(async (options: { org: string; period: string; json?: boolean }) => {
      if (!PERIOD_PATTERN.test(options.period)) throw invalid('period', problem('field.month'), 'must be a month YYYY-MM');
      const result = await withDatabase(async (database) => {
        const org = await findOrgBySlug(database.db, options.org);
        if (!org)
          throw new DomainError(
            'not_found',
            problem('org.slug.unknown', { slug: options.org }),
            `no organisation with slug "${options.org}"`,
          );
        return closePeriod(database.db, systemPrincipal(org.id), options.period);
      });
      const gross = result.payouts.reduce((s, p) => s + p.grossMinor, 0);
      const withheld = result.payouts.reduce((s, p) => s + p.withheldMinor, 0);
      printResult(
        Boolean(options.json),
        { period: options.period, created: result.created, payouts: result.payouts },
        `${options.period}: ${result.created ? 'closed' : 'already closed'} — ${result.payouts.length} payouts, gross ${gross}, withheld ${withheld}, net ${gross - withheld} (minor units)`,
      );
    });
}
