import type { Db } from '../../db/database.js';

/** An accepted signature held by one request while it is processed. */
export interface SignatureClaim {
  /** Lowercase hex digest (`SignatureCheck.signature`). */
  signature: string;
  /** The org it was accepted for: the guard is per org (see `keyOf`). */
  orgId: string;
  /** When it was claimed (epoch ms): `seen_at`, and what a release must find to delete it. */
  seenAt: number;
}

/**
 * The stored key: the org and the digest. The primary key is the `signature` column alone, and two orgs
 * that share a secret (one integrator for several brands) may sign the same body in the same second;
 * one org's request must not make the other's a "replay".
 */
const keyOf = (claim: SignatureClaim) => `${claim.orgId}:${claim.signature}`;

/**
 * Claims a signature in one atomic statement: the insert wins, or a row older than `windowMs` is taken
 * over; a row seen within the window wins and the claim is refused (a replay). The database is the
 * shared state, so two processes (or two connections) racing on one signature get one `true`.
 * On PostgreSQL the loser of a race waits on the winner's row, then sees it as recent.
 */
export async function claimSignature(db: Db, claim: SignatureClaim, windowMs: number): Promise<boolean> {
  const row = await db
    .insertInto('webhook_signatures')
    .values({ signature: keyOf(claim), org_id: claim.orgId, seen_at: claim.seenAt })
    .onConflict((oc) =>
      oc
        .column('signature')
        .doUpdateSet((eb) => ({ seen_at: eb.ref('excluded.seen_at') }))
        .where('webhook_signatures.seen_at', '<=', claim.seenAt - windowMs),
    )
    .returning('signature')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Gives a claim back after its request failed (a 422 or 5xx), so the sender may retry the identical
 * request. Deletes only this claim's row: the same signature, org and `seen_at`.
 */
export async function releaseSignature(db: Db, claim: SignatureClaim): Promise<void> {
  await db
    .deleteFrom('webhook_signatures')
    .where('signature', '=', keyOf(claim))
    .where('org_id', '=', claim.orgId)
    .where('seen_at', '=', claim.seenAt)
    .execute();
}

/** Deletes signatures seen at or before `before` (epoch ms), which can no longer block a replay; returns how many. */
export async function pruneSignatures(db: Db, before: number): Promise<number> {
  const result = await db.deleteFrom('webhook_signatures').where('seen_at', '<=', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
