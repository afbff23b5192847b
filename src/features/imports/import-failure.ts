import { DomainError } from '../../lib/errors.js';
import { type Problem, problem } from '../../lib/problems/problem.js';

/**
 * Why a file import failed: the English `reason` (the report's `failedReason`, for developers and logs) and
 * its problem (`failedKey` and `failedParams`), which the console words in the reader's language (docs/errors.md).
 */
export interface ImportFailure {
  reason: string;
  problem: Problem;
}

/** The server stopped (or restarted) while the import was still waiting for its turn. */
export const STOPPED_BEFORE_START: ImportFailure = {
  reason: 'the server stopped before this import started; import the file again',
  problem: problem('import.failed.stopped_before_start'),
};

/** The server stopped while the import ran, after `rows` rows were committed (they stay). */
export const stoppedDuring = (rows: number): ImportFailure => ({
  reason: `the server stopped during this import after ${rows} rows were committed; import the file again to finish it (nothing is duplicated)`,
  problem: problem('import.failed.stopped_during', { rows }),
});

/** The import stopped because the server is stopping; its failure is the import's. */
export class ImportStopped extends Error {
  readonly failure: ImportFailure;

  constructor(rows: number) {
    const failure = stoppedDuring(rows);
    super(failure.reason);
    this.failure = failure;
  }
}

/** What a failed import says about its failure: a file or input error as is, anything else briefly. */
export function importFailure(error: unknown): ImportFailure {
  if (error instanceof ImportStopped) return error.failure;
  if (error instanceof DomainError) return { reason: error.message, problem: { key: error.key, params: error.params } };
  return {
    reason: `the import stopped on an unexpected error (${error instanceof Error ? error.message : String(error)})`,
    problem: problem('import.failed.unexpected'),
  };
}
