#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { registerApiKeyCommands } from './cli/api-key-commands.js';
import { cliErrorMessage } from './cli/cli-error.js';
import { registerDemoCommands } from './cli/demo-commands.js';
import { registerImportCommand } from './cli/import-command.js';
import { registerMigrateCommand } from './cli/migrate-command.js';
import { registerOrgCommands } from './cli/org-commands.js';
import { registerPayoutCommands } from './cli/payout-commands.js';
import { registerRollupCommands } from './cli/rollup-commands.js';
import { registerServeCommand } from './cli/serve-command.js';
import { registerTierCommands } from './cli/tier-commands.js';
import { registerWorkerCommand } from './cli/worker-command.js';
import { ConfigError } from './config.js';
// Listens to KOS changes in every command, e.g. `kos tiers recompute` assigns training courses (docs/training.md).
import './features/training/assignment.service.js';

const program = new Command()
  .name('kos')
  .description('kosmatrix — run a KOS (Key Opinion Sales) programme')
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

registerServeCommand(program);
registerMigrateCommand(program);
registerOrgCommands(program);
registerImportCommand(program);
registerPayoutCommands(program);
registerApiKeyCommands(program);
registerDemoCommands(program);
registerTierCommands(program);
registerWorkerCommand(program);
registerRollupCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
  process.stderr.write(`kos: ${cliErrorMessage(error)}\n`);
  process.exit(error instanceof ConfigError ? 78 : 1);
}
