import type { Command } from 'commander';
import { systemPrincipal } from '../features/access/access.js';
import { apiKeyCreate } from '../features/api-keys/api-keys.schema.js';
import { createApiKey } from '../features/api-keys/api-keys.service.js';
import { orgBySlugOrThrow } from './find-org.js';
import { printResult, withDatabase } from './open-database.js';

interface ApiKeyCreateOptions {
  org: string;
  name: string;
  role: string;
  unit?: string;
  json?: boolean;
}

/** `kos api-keys create`: a new API key of an organisation, printed once (it works at once, also against a running server). */
export function registerApiKeyCommands(program: Command): void {
  const keys = program.command('api-keys').description('API keys');
  keys
    .command('create')
    .description('create an API key of an organisation; prints the key once')
    .requiredOption('--org <slug>', 'organisation slug')
    .requiredOption('--name <name>', 'what the key is for')
    .requiredOption('--role <role>', 'owner, admin, manager or viewer')
    .option('--unit <id>', 'limit a manager or viewer key to this unit and its subtree')
    .option('--json', 'print the key as one JSON line: {"id","name","role","unitId","prefix","createdAt","key"}')
    .action(async (o: ApiKeyCreateOptions) => {
      const input = apiKeyCreate.parse({ name: o.name, role: o.role, unitId: o.unit ?? null });
      const created = await withDatabase(async (database) => {
        const org = await orgBySlugOrThrow(database.db, o.org);
        return createApiKey(database.db, systemPrincipal(org.id), input);
      });
      printResult(
        Boolean(o.json),
        created,
        `created API key "${created.name}" (${created.role}, id ${created.id}) of ${o.org}\nAPI key (shown once): ${created.key}`,
      );
    });
}
