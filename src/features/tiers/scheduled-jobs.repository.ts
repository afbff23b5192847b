import type { Db } from '../../db/database.js';
import { writersAreSerialised } from '../../db/locks.js';

/**
 * The daily jobs' rows (docs/tiers.md "Scheduler"): one per (org, kind, org-local day). A row is made
 * `pending` by whichever process sees the day first, and claimed inside the transaction that runs the job:
 * PostgreSQL `FOR UPDATE SKIP LOCKED` (another process skips it while it runs), SQLite's single writer.
 */
export interface JobKey {
  orgId: string;
  kind: string;
  runDate: string;
}

/** Every org with its time zone (orgs owns the table; read here to know when each org's day starts). */
export async function orgClocks(db: Db): Promise<{ id: string; timezone: string }[]> {
  return db.selectFrom('orgs').select(['id', 'timezone']).orderBy('id').execute();
}

export async function isDone(db: Db, k: JobKey): Promise<boolean> {
  const row = await db
    .selectFrom('scheduled_jobs')
    .select('status')
    .where('org_id', '=', k.orgId)
    .where('kind', '=', k.kind)
    .where('run_date', '=', k.runDate)
    .executeTakeFirst();
  return row?.status === 'done';
}

export async function ensureJob(db: Db, k: JobKey): Promise<void> {
  await db
    .insertInto('scheduled_jobs')
    .values({ org_id: k.orgId, kind: k.kind, run_date: k.runDate, status: 'pending' })
    .onConflict((oc) => oc.columns(['org_id', 'kind', 'run_date']).doNothing())
    .execute();
}

/** Claims the job when it is not done and no other transaction holds it; answers whether it did. */
export async function claimJob(trx: Db, k: JobKey, claimer: string, now: number): Promise<boolean> {
  let query = trx
    .selectFrom('scheduled_jobs')
    .select('status')
    .where('org_id', '=', k.orgId)
    .where('kind', '=', k.kind)
    .where('run_date', '=', k.runDate)
    .where('status', '<>', 'done');
  if (!writersAreSerialised(trx)) query = query.forUpdate().skipLocked();
  if (!(await query.executeTakeFirst())) return false;
  await jobRow(trx, k).set({ status: 'running', claimed_by: claimer, claimed_at: now }).execute();
  return true;
}

export async function finishJob(trx: Db, k: JobKey, result: string, now: number): Promise<void> {
  await jobRow(trx, k).set({ status: 'done', done_at: now, result }).execute();
}

/** A failed run is rolled back whole; its error is kept on the (still pending) row for whoever looks. */
export async function noteFailure(db: Db, k: JobKey, error: string): Promise<void> {
  await jobRow(db, k)
    .set({ result: error.slice(0, 1000) })
    .where('status', '<>', 'done')
    .execute();
}

const jobRow = (db: Db, k: JobKey) =>
  db.updateTable('scheduled_jobs').where('org_id', '=', k.orgId).where('kind', '=', k.kind).where('run_date', '=', k.runDate);
