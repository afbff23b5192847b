import { type Db, withTransaction } from '../../db/database.js';
import { conflict, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import { problem } from '../../lib/problems/problem.js';
import type { Principal } from '../access/access.js';
import { EDITORS, requireRole } from '../access/access.js';
import { getKosOrThrow } from '../kos/kos.service.js';
import * as repo from './accounts.repository.js';
import type { Account, AccountCreate, AccountPatch, FollowerPoint } from './accounts.schema.js';

export async function listAccounts(db: Db, principal: Principal, kosId: string, query: PageQuery): Promise<Page<Account>> {
  await getKosOrThrow(db, principal, kosId);
  return toPage(await repo.listKosAccounts(db, principal.orgId, kosId, cursorAfter(query.cursor), query.limit + 1), query.limit);
}

/** The account, 404 when it is not this org's, 403 when its KOS is outside the caller's scope. */
export async function getAccountOrThrow(db: Db, principal: Principal, id: string): Promise<Account> {
  const account = await repo.findAccount(db, principal.orgId, id);
  if (!account) throw notFound('account');
  await getKosOrThrow(db, principal, account.kosId);
  return account;
}

/** The org's account on a platform with this handle (compared without `@`, case-insensitively), if any. */
export function findAccountByHandle(db: Db, orgId: string, platform: string, handle: string) {
  return repo.findAccountByHandle(db, orgId, platform, handle);
}

export async function createAccount(
  db: Db,
  principal: Principal,
  kosId: string,
  input: AccountCreate,
  now = Date.now(),
): Promise<Account> {
  await getKosOrThrow(db, principal, kosId);
  requireRole(principal, EDITORS);
  await requireFreeHandle(db, principal.orgId, input.platform, input.handle, null);
  const id = newId();
  await withTransaction(db, (trx) =>
    repo.insertAccount(
      trx,
      principal.orgId,
      { id, kosId, platform: input.platform, handle: input.handle, url: input.url ?? null, followers: input.followers },
      now,
    ),
  );
  return (await repo.findAccount(db, principal.orgId, id)) as Account;
}

export async function patchAccount(
  db: Db,
  principal: Principal,
  id: string,
  patch: AccountPatch,
  now = Date.now(),
): Promise<Account> {
  const account = await getAccountOrThrow(db, principal, id);
  requireRole(principal, EDITORS);
  if (patch.platform !== undefined || patch.handle !== undefined) {
    await requireFreeHandle(db, principal.orgId, patch.platform ?? account.platform, patch.handle ?? account.handle, id);
  }
  await withTransaction(db, async (trx) => {
    await repo.updateAccount(trx, principal.orgId, id, patch, now);
    if (patch.followers !== undefined && patch.followers !== account.followers) {
      await repo.recordFollowers(trx, principal.orgId, id, patch.followers, now);
    }
  });
  return (await repo.findAccount(db, principal.orgId, id)) as Account;
}

export async function deleteAccount(db: Db, principal: Principal, id: string): Promise<void> {
  await getAccountOrThrow(db, principal, id);
  requireRole(principal, EDITORS);
  await withTransaction(db, (trx) => repo.deleteAccount(trx, principal.orgId, id));
}

export async function listFollowerHistory(
  db: Db,
  principal: Principal,
  id: string,
  query: PageQuery,
): Promise<Page<FollowerPoint>> {
  await getAccountOrThrow(db, principal, id);
  return toPage(await repo.followerHistory(db, principal.orgId, id, cursorAfter(query.cursor), query.limit + 1), query.limit);
}

async function requireFreeHandle(db: Db, orgId: string, platform: string, handle: string, selfId: string | null): Promise<void> {
  const other = await repo.findAccountByHandle(db, orgId, platform, handle);
  if (other && other.id !== selfId)
    throw conflict(
      problem('account.handle.taken', { platform, handle }),
      `the ${platform} account ${handle} is already registered`,
      'handle',
    );
}

/** `${platform}|${handle without @, lower case}` → KOS id for every account of the org (attribution). */
export async function accountHandles(db: Db, orgId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('platform_accounts')
    .select(['platform', 'handle_norm', 'kos_id'])
    .where('org_id', '=', orgId)
    .execute();
  return new Map(rows.map((r) => [`${r.platform}|${r.handle_norm}`, r.kos_id]));
}
