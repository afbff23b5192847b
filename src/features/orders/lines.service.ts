import { type Db, withTransaction } from '../../db/database.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import { accountHandles } from '../accounts/accounts.service.js';
import { EDITORS, requireRole } from '../auth/access.js';
import type { Principal } from '../auth/auth.js';
import type { Source } from '../imports/import-types.js';
import { attributionKeys, getKosOrThrow, kosFilter } from '../kos/kos.service.js';
import { bookLineChanges } from '../ledger/book-lines.js';
import { tieSession } from '../livestreams/livestreams.js';
import { sessionsForTie } from '../livestreams/livestreams.service.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { resolveScope } from '../units/units.service.js';
import type { StoredLine } from './lines.js';
import * as repo from './lines.repository.js';
import type { LineHook, StoreContext } from './store-lines.js';

/** Run for every stored or changed chunk of lines, in its transaction: the ledger books with the line. */
const lineHooks: readonly LineHook[] = [bookLineChanges];

/** Everything storing lines for one org and source needs, loaded once per import. */
export async function lineStoreContext(
  db: Db,
  org: { id: string; attributionWindowDays: number; postLiveWindowHours: number },
  source: Source | 'webhook',
  importId: string | null,
  now: number,
): Promise<StoreContext> {
  const { kosByCode, kosByVoucher } = await attributionKeys(db, org.id);
  const sessions = await sessionsForTie(db, org.id, [...new Set(kosByCode.values())]);
  return {
    orgId: org.id,
    source,
    importId,
    now,
    index: {
      kosByCode,
      kosByVoucher,
      kosByAccount: await accountHandles(db, org.id),
      attributionWindowDays: org.attributionWindowDays,
    },
    // A live line of an attributed KOS belongs to the session it was sold in (PRODUCT.md §3).
    tieSession: (line) =>
      line.kosId && line.contentType === 'live'
        ? tieSession(sessions, { kosId: line.kosId, platform: line.platform, orderTime: line.orderTime }, org.postLiveWindowHours)
        : null,
    hooks: lineHooks,
  };
}

export async function listLines(
  db: Db,
  principal: Principal,
  query: PageQuery & { from?: number; to?: number; kosId?: string; status?: string; attributed?: boolean },
): Promise<Page<StoredLine>> {
  const kosIds = await kosFilter(db, principal, query.kosId);
  const rows = await repo.listLines(db, principal.orgId, {
    after: cursorAfter(query.cursor),
    limit: query.limit + 1,
    from: query.from,
    to: query.to,
    kosIds,
    status: query.status,
    attributed: query.attributed,
  });
  return toPage(rows, query.limit);
}

/** The line, 404 when not this org's; callers limited to a scope see only lines of their KOS. */
export async function getLineOrThrow(db: Db, principal: Principal, id: string): Promise<StoredLine> {
  const line = await repo.findLine(db, principal.orgId, id);
  if (!line) throw notFound('order line');
  if ((await resolveScope(db, principal)).kind !== 'org') {
    if (!line.kosId) throw forbidden('that line is outside your scope');
    await getKosOrThrow(db, principal, line.kosId);
  }
  return line;
}

export const lineHistory = (db: Db, orgId: string, id: string) => repo.lineHistory(db, orgId, id);

/**
 * Manual attribution: gives the line to a KOS (or back to nobody with null). Imports never change a
 * manual assignment afterwards. The ledger follows through the line hooks.
 */
export async function assignLine(
  db: Db,
  principal: Principal,
  id: string,
  kosId: string | null,
  now = Date.now(),
): Promise<StoredLine> {
  requireRole(principal, EDITORS);
  const before = await getLineOrThrow(db, principal, id);
  if (kosId) await getKosOrThrow(db, principal, kosId);
  if (before.kosId === kosId && (kosId === null || before.attribution === 'manual')) return before;
  const after: StoredLine = {
    ...before,
    kosId,
    attribution: kosId ? 'manual' : 'none',
    linkId: null,
    clickId: null,
    updatedAt: now,
  };
  return withTransaction(db, async (trx) => {
    const org = await getOrgOrThrow(trx, principal.orgId);
    const ctx = await lineStoreContext(trx, org, before.source, before.importId, now);
    after.sessionId = kosId ? ctx.tieSession(after) : null;
    await repo.replaceLine(trx, after);
    await repo.insertHistory(trx, [
      {
        orgId: principal.orgId,
        lineId: id,
        importId: null,
        at: now,
        change: {
          kosId: [before.kosId, kosId],
          attribution: [before.attribution, after.attribution],
          by: principal.memberId ?? principal.apiKeyId,
        },
      },
    ]);
    for (const hook of ctx.hooks) await hook(trx, [[before, after]], now);
    return after;
  });
}

/** A short label per line id — `platform orderId · sku` — for statements and exports. */
export async function lineLabels(db: Db, orgId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const lines = await db
    .selectFrom('order_lines')
    .select(['id', 'order_id', 'platform', 'sku'])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
  return new Map(lines.map((l) => [l.id, `${l.platform} ${l.order_id}${l.sku ? ` · ${l.sku}` : ''}`]));
}
