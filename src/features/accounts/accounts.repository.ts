import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { PlatformAccountsTable } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { type Platform, toIso } from '../../lib/schemas.js';
import { normaliseHandle } from '../../lib/text.js';
import { followerTier } from './accounts.js';

interface AuditFields {
  displayName: string | null;
  bio: string | null;
  linkInBio: string | null;
  verified: boolean;
  avatarOk: boolean | null;
  pinnedOk: boolean | null;
}

import type { AccountRecord, FollowerPoint } from './accounts.schema.js';

const flag = (v: number | null): boolean | null => (v === null ? null : v === 1);
const toFlag = (v: boolean | null): number | null => (v === null ? null : v ? 1 : 0);

const toAccount = (row: Selectable<PlatformAccountsTable>): AccountRecord => ({
  id: row.id,
  kosId: row.kos_id,
  platform: row.platform as Platform,
  handle: row.handle,
  url: row.url,
  followers: row.followers,
  followerTier: followerTier(row.followers),
  displayName: row.display_name,
  bio: row.bio,
  linkInBio: row.link_in_bio,
  verified: row.verified === 1,
  avatarOk: flag(row.avatar_ok),
  pinnedOk: flag(row.pinned_ok),
  createdAt: toIso(row.created_at),
  updatedAt: toIso(row.updated_at),
});

export async function listKosAccounts(
  db: Db,
  orgId: string,
  kosId: string,
  after: string | undefined,
  limit: number,
): Promise<AccountRecord[]> {
  let query = db.selectFrom('platform_accounts').selectAll().where('org_id', '=', orgId).where('kos_id', '=', kosId);
  if (after) query = query.where('id', '>', after);
  return (await query.orderBy('id').limit(limit).execute()).map(toAccount);
}

export async function findAccount(db: Db, orgId: string, id: string): Promise<AccountRecord | undefined> {
  const row = await db
    .selectFrom('platform_accounts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toAccount(row);
}

/** The account of the org on that platform with that handle (compared without `@`, any case). */
export async function findAccountByHandle(
  db: Db,
  orgId: string,
  platform: string,
  handle: string,
): Promise<AccountRecord | undefined> {
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
  a: { id: string; kosId: string; platform: string; handle: string; url: string | null; followers: number } & AuditFields,
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
      display_name: a.displayName,
      bio: a.bio,
      link_in_bio: a.linkInBio,
      verified: a.verified ? 1 : 0,
      avatar_ok: toFlag(a.avatarOk),
      pinned_ok: toFlag(a.pinnedOk),
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
  p: { platform?: string; handle?: string; url?: string | null; followers?: number } & Partial<AuditFields>,
  now: number,
): Promise<void> {
  await db
    .updateTable('platform_accounts')
    .set({
      ...(p.platform !== undefined ? { platform: p.platform } : {}),
      ...(p.handle !== undefined ? { handle: p.handle, handle_norm: normaliseHandle(p.handle) } : {}),
      ...(p.url !== undefined ? { url: p.url } : {}),
      ...(p.followers !== undefined ? { followers: p.followers } : {}),
      ...(p.displayName !== undefined ? { display_name: p.displayName } : {}),
      ...(p.bio !== undefined ? { bio: p.bio } : {}),
      ...(p.linkInBio !== undefined ? { link_in_bio: p.linkInBio } : {}),
      ...(p.verified !== undefined ? { verified: p.verified ? 1 : 0 } : {}),
      ...(p.avatarOk !== undefined ? { avatar_ok: toFlag(p.avatarOk) } : {}),
      ...(p.pinnedOk !== undefined ? { pinned_ok: toFlag(p.pinnedOk) } : {}),
      updated_at: now,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function recordFollowers(db: Db, orgId: string, accountId: string, followers: number, at: number): Promise<string> {
  const id = newId();
  await db
    .insertInto('follower_history')
    .values({ id, org_id: orgId, account_id: accountId, followers, recorded_at: at })
    .execute();
  return id;
}

/** The latest point of the account's history, if any. */
export async function latestFollowerPoint(db: Db, orgId: string, accountId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('follower_history')
    .select('recorded_at')
    .where('org_id', '=', orgId)
    .where('account_id', '=', accountId)
    .orderBy('recorded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.recorded_at) : undefined;
}

/** The accounts of these KOS (all of the org when undefined), optionally on one platform — for the matrix view. */
export async function accountsOfKos(
  db: Db,
  orgId: string,
  kosIds: readonly string[] | undefined,
  platform: string | undefined,
): Promise<AccountRecord[]> {
  if (kosIds && kosIds.length === 0) return [];
  let query = db.selectFrom('platform_accounts').selectAll().where('org_id', '=', orgId);
  if (kosIds) query = query.where('kos_id', 'in', [...kosIds]);
  if (platform) query = query.where('platform', '=', platform);
  return (await query.orderBy('id').execute()).map(toAccount);
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
