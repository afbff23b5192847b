import type { Config } from './config.js';
import type { Database } from './db/database.js';

/** What the app is built from: configuration and an open database. */
export interface AppDeps {
  readonly config: Config;
  readonly database: Database;
}
