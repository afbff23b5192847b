import type SQLite from 'better-sqlite3';
import {
  type Insertable,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  SqliteAdapter,
  sql,
  type UnknownRow,
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
  return db.isTransaction ? sqliteHandle(db) : null;
}

/** The SQLite handle of `db`, in a transaction or not (for connection settings, never for statements); null on PostgreSQL. */
export function sqliteHandle(db: Kysely<DB>): SqliteHandle | null {
  for (const plugin of db.getExecutor().plugins) if (plugin instanceof SqliteHandle) return plugin;
  return null;
}

type Row = Record<string, unknown>;

/**
 * Inserts rows that all have the same columns (those of the first row), inside the caller's
 * transaction: on SQLite with one prepared single-row statement, reused across calls; on PostgreSQL
 * with one `INSERT … SELECT FROM unnest(…)` of one array per column (one round trip and a statement of
 * constant size, whatever the number of rows); else with multi-row inserts of `perStatement` rows.
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
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    const types = await columnTypes(db, table);
    const arrays = columns.map((column) => {
      const type = types.get(column);
      if (!type) throw new Error(`bulkInsert: ${table} has no column ${column}`);
      const values = rows.map((row) => (row as Row)[column] ?? null);
      return sql`${values}::${sql.raw(`"${type}"[]`)}`;
    });
    const names = sql.join(columns.map((column) => sql.ref(column)));
    await sql`insert into ${sql.table(table)} (${names}) select * from unnest(${sql.join(arrays)})`.execute(db);
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

/**
 * Runs a read on SQLite through a prepared statement kept with the handle (docs/imports.md, "Speed"),
 * when `db` is a SQLite transaction; null elsewhere (the caller then builds the query with Kysely).
 * A list parameter goes in as JSON text, read with `json_each(?)`: one statement for any number of keys.
 */
export function preparedAll<R>(db: Kysely<DB>, text: string, params: readonly unknown[]): R[] | null {
  const handle = sqliteTransactionHandle(db);
  if (!handle) return null;
  let statement = handle.statements.get(text);
  if (!statement) {
    statement = handle.database.prepare(text);
    handle.statements.set(text, statement);
  }
  return statement.all(...params) as R[];
}

/**
 * preparedAll whose rows come back as arrays of the selected columns, in select order: better-sqlite3
 * builds no object with a property per column (2.5× cheaper for a 32-column row, docs/imports.md "Speed").
 */
export function preparedAllValues(db: Kysely<DB>, text: string, params: readonly unknown[]): unknown[][] | null {
  const handle = sqliteTransactionHandle(db);
  if (!handle) return null;
  const key = `raw:${text}`;
  let statement = handle.statements.get(key);
  if (!statement) {
    statement = handle.database.prepare(text).raw(true);
    handle.statements.set(key, statement);
  }
  return statement.all(...params) as unknown[][];
}

/** PostgreSQL column types of a table (`udt_name`: `text`, `int8`…), read once per process. */
const pgColumnTypes = new Map<string, Promise<Map<string, string>>>();

function columnTypes(db: Kysely<DB>, table: string): Promise<Map<string, string>> {
  let types = pgColumnTypes.get(table);
  if (!types) {
    types = sql<{ column_name: string; udt_name: string }>`select column_name, udt_name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table}`
      .execute(db)
      .then((result) => new Map(result.rows.map((r) => [r.column_name, r.udt_name])));
    pgColumnTypes.set(table, types);
    types.catch(() => pgColumnTypes.delete(table));
  }
  return types;
}
