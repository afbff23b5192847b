/**
 * Everything that differs between SQLite and PostgreSQL lives here, chosen once at start-up
 * (like Kysely's DialectAdapter). Features ask these helpers instead of testing the dialect.
 */
export type DialectName = 'sqlite' | 'postgres';

export interface DialectHelpers {
  readonly name: DialectName;
  /** Whether INSERT … RETURNING is available (both are, today; kept as a capability flag). */
  readonly supportsReturning: boolean;
  /** Whether SELECT … FOR UPDATE SKIP LOCKED can claim rows. */
  readonly supportsSkipLocked: boolean;
  /**
   * Whether several server processes may share this database (PostgreSQL behind a load balancer), so
   * state such as sign-in attempt counters must live in the database rather than in one process's memory.
   */
  readonly sharedByProcesses: boolean;
  /** True when the error is a unique-constraint violation. */
  isUniqueViolation(error: unknown): boolean;
  /** True when the error is a foreign-key violation. */
  isForeignKeyViolation(error: unknown): boolean;
}

const sqlite: DialectHelpers = {
  name: 'sqlite',
  supportsReturning: true,
  supportsSkipLocked: false,
  sharedByProcesses: false,
  isUniqueViolation: (e) => codeOf(e) === 'SQLITE_CONSTRAINT_UNIQUE' || codeOf(e) === 'SQLITE_CONSTRAINT_PRIMARYKEY',
  isForeignKeyViolation: (e) => codeOf(e) === 'SQLITE_CONSTRAINT_FOREIGNKEY',
};

const postgres: DialectHelpers = {
  name: 'postgres',
  supportsReturning: true,
  supportsSkipLocked: true,
  sharedByProcesses: true,
  isUniqueViolation: (e) => codeOf(e) === '23505',
  isForeignKeyViolation: (e) => codeOf(e) === '23503',
};

export const dialectHelpers = (name: DialectName): DialectHelpers => (name === 'sqlite' ? sqlite : postgres);

/**
 * A failure that says "try the transaction again" on either dialect: SQLite's busy/locked (the write lock
 * was not free within the busy timeout), PostgreSQL's serialization failure and deadlock. The transaction
 * was rolled back whole, so running it again is safe.
 */
export function isRetryableConflict(error: unknown): boolean {
  const code = codeOf(error) ?? '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === '40001' || code === '40P01';
}

/** A unique-constraint violation of either dialect (their error codes do not overlap), where only `db` is at hand. */
export const isUniqueViolation = (error: unknown): boolean =>
  sqlite.isUniqueViolation(error) || postgres.isUniqueViolation(error);

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
