import type SQLite from 'better-sqlite3';
import type {
  Insertable,
  Kysely,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { DB } from './schema.js';

/**
 * Carries the better-sqlite3 handle under a SQLite Kysely instance (and its transactions, which inherit
 * plugins), so that bulk writers can reuse prepared statements (docs/imports.md, "Speed"). It changes no query.
 */
export class SqliteHandle implements KyselyPlugin {
  readonly statements = new Map<string, SQLite.Statement>();
  constructor(readonly database: SQLite.Database) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/**
 * The SQLite handle of `db` when `db` is a SQLite transaction — only then may a writer use the handle
 * directly: the transaction holds the single connection, so the statements run inside it.
 */
export function sqliteTransactionHandle(db: Kysely<DB>): SqliteHandle | null {
  if (!db.isTransaction) return null;
  for (const plugin of db.getExecutor().plugins) if (plugin instanceof SqliteHandle) return plugin;
  return null;
}

type Row = Record<string, unknown>;

/**
 * Inserts rows that all have the same columns (those of the first row), inside the caller's
 * transaction: on SQLite with one prepared single-row statement, reused across calls; elsewhere with
 * multi-row inserts of `perStatement` rows.
 */
export async function bulkInsert<T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  rows: readonly Insertable<DB[T]>[],
  perStatement = 500,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const handle = sqliteTransactionHandle(db);
  if (handle) {
    const text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`;
    let statement = handle.statements.get(text);
    if (!statement) {
      statement = handle.database.prepare(text);
      handle.statements.set(text, statement);
    }
    const values: unknown[] = new Array(columns.length);
    for (const row of rows) {
      for (let i = 0; i < columns.length; i++) values[i] = (row as Row)[columns[i] as string] ?? null;
      statement.run(values);
    }
    return;
  }
  for (let i = 0; i < rows.length; i += perStatement) {
    // The rows are the table's by the signature; Kysely cannot follow a generic table name.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + perStatement) as never)
      .execute();
  }
}
