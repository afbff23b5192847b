import type { Command } from 'commander';
import { createOrg } from '../features/orgs/orgs.service.js';
import { printResult, withDatabase } from './open-database.js';

interface OrgCreateOptions {
  name: string;
  slug: string;
  currency: string;
  timezone: string;
  locale: string;
  adminEmail: string;
  adminPassword: string;
  json?: boolean;
}

export function registerOrgCommands(program: Command): void {
  const org = program.command('org').description('organisations');
  org
    .command('create')
    .description('create an organisation with its owner; prints an owner API key')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--slug <slug>', 'short unique id, a–z 0–9 -')
    .option('--currency <code>', 'ISO 4217 currency', 'VND')
    .option('--timezone <tz>', 'IANA time zone', 'Asia/Ho_Chi_Minh')
    .option('--locale <locale>', 'vi, zh-CN or en', 'vi')
    .requiredOption('--admin-email <email>', 'owner e-mail (login)')
    .requiredOption('--admin-password <password>', 'owner password, 8+ characters')
    .option('--json', 'print {"orgId","orgSlug","apiKey"} as one JSON line')
    .action(async (o: OrgCreateOptions) => {
      const created = await withDatabase((database) =>
        createOrg(database.db, {
          name: o.name,
          slug: o.slug,
          currency: o.currency,
          timezone: o.timezone,
          locale: o.locale as 'vi',
          adminEmail: o.adminEmail,
          adminPassword: o.adminPassword,
        }),
      );
      printResult(
        Boolean(o.json),
        { orgId: created.org.id, orgSlug: created.org.slug, apiKey: created.apiKey },
        `created ${created.org.name} (${created.org.slug}, id ${created.org.id})\nowner API key (shown once): ${created.apiKey}`,
      );
    });
}
