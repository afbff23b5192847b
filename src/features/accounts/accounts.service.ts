import { type Db, withTransaction } from '../../db/database.js';
import { conflict, forbidden, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import { problem } from '../../lib/problems/problem.js';
import type { Principal } from '../access/access.js';
import { EDITORS, requireRole, STAFF } from '../access/access.js';
import { auditAccount } from '../kos/account-audit.js';
import { DEFAULT_PUBLIC_URL } from '../kos/kos.js';
import { getKosOrThrow, kosFilter } from '../kos/kos.service.js';
import { auditContexts, settleOnboarding } from '../kos/kos-onboarding.service.js';
import { KOS_EDITABLE_ACCOUNT_FIELDS } from './accounts.js';
import * as repo from './accounts.repository.js';
import type {
  Account,
  AccountCreate,
  AccountPatch,
  AccountRecord,
  FollowerPoint,
  FollowerPointCreate,
  Matrix,
  MatrixQuery,
} from './accounts.schema.js';
import { buildMatrix } from './matrix.js';

/**
 * What account use-cases need besides the database: the public base URL, which the audit's `link` item
 * compares with (docs/matrix.md "Account audit"). Callers outside HTTP get the default one.
 */
export interface AccountsContext {
  publicUrl: string;
}
const DEFAULT_CONTEXT: AccountsContext = { publicUrl: DEFAULT_PUBLIC_URL };

/** Accounts with their audit, scored against the org's brand kit and each KOS's bio page and live links. */
async function present(
  db: Db,
  orgId: string,
  records: AccountRecord[],
  ctx: AccountsContext,
  now = Date.now(),
): Promise<Account[]> {
  const contexts = await auditContexts(
    db,
    orgId,
    records.map((r) => r.kosId),
    ctx.publicUrl,
    now,
  );
  return records.map((r) => {
    const audit = contexts.get(r.kosId);
    return { ...r, audit: audit ? auditAccount(r, audit) : auditAccount(r, { brandWords: [], bioPageUrl: '', shortUrls: [] }) };
  });
}

export async function listAccounts(
  db: Db,
  principal: Principal,
  kosId: string,
  query: PageQuery,
  ctx: AccountsContext = DEFAULT_CONTEXT,
): Promise<Page<Account>> {
  await getKosOrThrow(db, principal, kosId);
  const page = toPage(
    await repo.listKosAccounts(db, principal.orgId, kosId, cursorAfter(query.cursor), query.limit + 1),
    query.limit,
  );
  return { items: await present(db, principal.orgId, page.items, ctx), nextCursor: page.nextCursor };
}

/** The account as stored, 404 when it is not this org's, 403 when its KOS is outside the caller's scope. */
async function findOwnAccount(db: Db, principal: Principal, id: string): Promise<AccountRecord> {
  const account = await repo.findAccount(db, principal.orgId, id);
  if (!account) throw notFound('account');
  await getKosOrThrow(db, principal, account.kosId);
  return account;
}

/** The account with its audit, 404 when it is not this org's, 403 when its KOS is outside the caller's scope. */
export async function getAccountOrThrow(
  db: Db,
  principal: Principal,
  id: string,
  ctx: AccountsContext = DEFAULT_CONTEXT,
): Promise<Account> {
  const [account] = await present(db, principal.orgId, [await findOwnAccount(db, principal, id)], ctx);
  return account as Account;
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
  ctx: AccountsContext = DEFAULT_CONTEXT,
): Promise<Account> {
  await getKosOrThrow(db, principal, kosId);
  requireRole(principal, EDITORS);
  await requireFreeHandle(db, principal.orgId, input.platform, input.handle, null);
  const id = newId();
  await withTransaction(db, async (trx) => {
    await repo.insertAccount(
      trx,
      principal.orgId,
      {
        id,
        kosId,
        platform: input.platform,
        handle: input.handle,
        url: input.url ?? null,
        followers: input.followers,
        displayName: input.displayName ?? null,
        bio: input.bio ?? null,
        linkInBio: input.linkInBio ?? null,
        verified: input.verified ?? false,
        avatarOk: input.avatarOk ?? null,
        pinnedOk: input.pinnedOk ?? null,
      },
      now,
    );
    await settleOnboarding(trx, principal, kosId, ctx.publicUrl, now);
  });
  return getAccountOrThrow(db, principal, id, ctx);
}

/**
 * Changes an account; a new follower count is kept in its history. A `kos` member may change only
 * `displayName, bio, linkInBio, followers` of their own accounts (docs/matrix.md "Who may change what").
 */
export async function patchAccount(
  db: Db,
  principal: Principal,
  id: string,
  patch: AccountPatch,
  now = Date.now(),
  ctx: AccountsContext = DEFAULT_CONTEXT,
): Promise<Account> {
  const account = await findOwnAccount(db, principal, id);
  if (principal.role === 'kos') {
    const other = Object.keys(patch).find((key) => !(KOS_EDITABLE_ACCOUNT_FIELDS as readonly string[]).includes(key));
    if (other)
      throw forbidden(
        problem('account.self_edit.denied', { fields: KOS_EDITABLE_ACCOUNT_FIELDS, field: other }),
        `a KOS may change only ${KOS_EDITABLE_ACCOUNT_FIELDS.join(', ')} on their own accounts (not ${other})`,
      );
  } else requireRole(principal, EDITORS);
  if (patch.platform !== undefined || patch.handle !== undefined) {
    await requireFreeHandle(db, principal.orgId, patch.platform ?? account.platform, patch.handle ?? account.handle, id);
  }
  await withTransaction(db, async (trx) => {
    await repo.updateAccount(trx, principal.orgId, id, patch, now);
    if (patch.followers !== undefined && patch.followers !== account.followers) {
      await repo.recordFollowers(trx, principal.orgId, id, patch.followers, now);
    }
    await settleOnboarding(trx, principal, account.kosId, ctx.publicUrl, now);
  });
  return getAccountOrThrow(db, principal, id, ctx);
}

export async function deleteAccount(
  db: Db,
  principal: Principal,
  id: string,
  now = Date.now(),
  ctx: AccountsContext = DEFAULT_CONTEXT,
): Promise<void> {
  const account = await findOwnAccount(db, principal, id);
  requireRole(principal, EDITORS);
  await withTransaction(db, async (trx) => {
    await repo.deleteAccount(trx, principal.orgId, id);
    // Removing a failing account can complete the `audit` step.
    await settleOnboarding(trx, principal, account.kosId, ctx.publicUrl, now);
  });
}

export async function listFollowerHistory(
  db: Db,
  principal: Principal,
  id: string,
  query: PageQuery,
): Promise<Page<FollowerPoint>> {
  await findOwnAccount(db, principal, id);
  return toPage(await repo.followerHistory(db, principal.orgId, id, cursorAfter(query.cursor), query.limit + 1), query.limit);
}

/**
 * Records a follower count at `recordedAt` (default now, never later). A point that is not older than
 * the latest one is the account's current count too (docs/matrix.md "Follower history").
 */
export async function recordFollowerPoint(
  db: Db,
  principal: Principal,
  id: string,
  input: FollowerPointCreate,
  now = Date.now(),
): Promise<FollowerPoint> {
  const account = await findOwnAccount(db, principal, id);
  requireRole(principal, EDITORS);
  const at = input.recordedAt === undefined ? now : Date.parse(input.recordedAt);
  if (at > now) throw invalid('recordedAt', problem('account.follower_history.future'), 'must not be later than now');
  const pointId = await withTransaction(db, async (trx) => {
    const latest = await repo.latestFollowerPoint(trx, principal.orgId, id);
    const pointId = await repo.recordFollowers(trx, principal.orgId, id, input.followers, at);
    if (latest === undefined || at >= latest) {
      if (input.followers !== account.followers)
        await repo.updateAccount(trx, principal.orgId, id, { followers: input.followers }, now);
    }
    return pointId;
  });
  return { id: pointId, followers: input.followers, recordedAt: new Date(at).toISOString() };
}

/**
 * The matrix view (docs/matrix.md): per platform, the accounts of the KOS the caller sees (in `unitId`'s
 * subtree when given), and the accounts that need attention. Not for `kos` members.
 */
export async function matrixView(
  db: Db,
  principal: Principal,
  query: MatrixQuery,
  ctx: AccountsContext = DEFAULT_CONTEXT,
  now = Date.now(),
): Promise<Matrix> {
  requireRole(principal, STAFF);
  const kosIds = await kosFilter(db, principal, undefined, query.unitId);
  const accounts = await present(
    db,
    principal.orgId,
    await repo.accountsOfKos(db, principal.orgId, kosIds, query.platform),
    ctx,
    now,
  );
  return buildMatrix(accounts);
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
