import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { PlatformAccountsTable } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { type Platform, toIso } from '../../lib/schemas.js';
import { normaliseHandle } from '../../lib/text.js';
import { followerTier } from './accounts.js';
import type { Account, FollowerPoint } from './accounts.schema.js';

const toAccount = (row: Selectable<PlatformAccountsTable>): Account => ({
  id: row.id,
  kosId: row.kos_id,
  platform: row.platform as Platform,
  handle: row.handle,
  url: row.url,
  followers: row.followers,
  followerTier: followerTier(row.followers),
  createdAt: toIso(row.created_at),
  updatedAt: toIso(row.updated_at),
});

export async function listKosAccounts(
  db: Db,
  orgId: string,
  kosId: string,
  after: string | undefined,
  limit: number,
): Promise<Account[]> {
  let query = db.selectFrom('platform_accounts').selectAll().where('org_id', '=', orgId).where('kos_id', '=', kosId);
  if (after) query = query.where('id', '>', after);
  return (await query.orderBy('id').limit(limit).execute()).map(toAccount);
}

export async function findAccount(db: Db, orgId: string, id: string): Promise<Account | undefined> {
  const row = await db
    .selectFrom('platform_accounts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toAccount(row);
}

/** The account of the org on that platform with that handle (compared without `@`, any case). */
export async function findAccountByHandle(db: Db, orgId: string, platform: string, handle: string): Promise<Account | undefined> {
  const row = await db
    .selectFrom('platform_accounts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('platform', '=', platform)
    .where('handle_norm', '=', normaliseHandle(handle))
    .executeTakeFirst();
  return row && toAccount(row);
}

export async function insertAccount(
  db: Db,
  orgId: string,
  a: { id: string; kosId: string; platform: string; handle: string; url: string | null; followers: number },
  now: number,
): Promise<void> {
  await db
    .insertInto('platform_accounts')
    .values({
      id: a.id,
      org_id: orgId,
      kos_id: a.kosId,
      platform: a.platform,
      handle: a.handle,
      handle_norm: normaliseHandle(a.handle),
      url: a.url,
      followers: a.followers,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await recordFollowers(db, orgId, a.id, a.followers, now);
}

export async function updateAccount(
  db: Db,
  orgId: string,
  id: string,
  p: { platform?: string; handle?: string; url?: string | null; followers?: number },
  now: number,
): Promise<void> {
  await db
    .updateTable('platform_accounts')
    .set({
      ...(p.platform !== undefined ? { platform: p.platform } : {}),
      ...(p.handle !== undefined ? { handle: p.handle, handle_norm: normaliseHandle(p.handle) } : {}),
      ...(p.url !== undefined ? { url: p.url } : {}),
      ...(p.followers !== undefined ? { followers: p.followers } : {}),
      updated_at: now,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function recordFollowers(db: Db, orgId: string, accountId: string, followers: number, now: number): Promise<void> {
  await db
    .insertInto('follower_history')
    .values({ id: newId(), org_id: orgId, account_id: accountId, followers, recorded_at: now })
    .execute();
}

export async function followerHistory(
  db: Db,
  orgId: string,
  accountId: string,
  after: string | undefined,
  limit: number,
): Promise<FollowerPoint[]> {
  let query = db.selectFrom('follower_history').selectAll().where('org_id', '=', orgId).where('account_id', '=', accountId);
  if (after) query = query.where('id', '>', after);
  const rows = await query.orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, followers: r.followers, recordedAt: toIso(r.recorded_at) }));
}

export async function deleteAccount(db: Db, orgId: string, id: string): Promise<void> {
  await db.deleteFrom('follower_history').where('org_id', '=', orgId).where('account_id', '=', id).execute();
  await db.deleteFrom('platform_accounts').where('org_id', '=', orgId).where('id', '=', id).execute();
}
