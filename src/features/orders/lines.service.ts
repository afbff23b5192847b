import { type Db, withTransaction } from '../../db/database.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import { problem } from '../../lib/problems/problem.js';
import type { Principal } from '../access/access.js';
import { EDITORS, requireRole } from '../access/access.js';
import { accountHandles } from '../accounts/accounts.service.js';
import { attributionKeys, getKosOrThrow, kosFilter } from '../kos/kos.service.js';
import { bookLineChanges } from '../ledger/book-lines.js';
import { sessionChanged } from '../livestreams/livestream-events.js';
import { type TieCandidate, tieSession } from '../livestreams/livestreams.js';
import { sessionsForTie } from '../livestreams/livestreams.service.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { resolveScope } from '../units/units.service.js';
import { type HistoryEntry, historyOf, withCreatedEntries } from './line-history.js';
import { ledgerChange, type StoredLine } from './lines.js';
import * as repo from './lines.repository.js';
import type { StoreContext } from './store-lines.js';

/** Everything storing lines for one org and source needs, loaded once per import. */
export async function lineStoreContext(
  db: Db,
  org: { id: string; attributionWindowDays: number; postLiveWindowHours: number },
  source: string,
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
    tieSession: (line) => liveSessionOf(sessions, line, org.postLiveWindowHours),
  };
}

/** The live session an attributed live line was sold in (docs/attribution.md), or null. */
function liveSessionOf(sessions: TieCandidate[], line: StoredLine, postLiveWindowHours: number): string | null {
  if (!line.kosId || line.contentType !== 'live') return null;
  return tieSession(sessions, { kosId: line.kosId, platform: line.platform, orderTime: line.orderTime }, postLiveWindowHours);
}

export async function listLines(
  db: Db,
  principal: Principal,
  query: PageQuery & {
    from?: number;
    to?: number;
    kosId?: string;
    unitId?: string;
    platform?: string;
    source?: string;
    sku?: string;
    status?: string;
    attributed?: boolean;
  },
): Promise<Page<StoredLine>> {
  const kosIds = await kosFilter(db, principal, query.kosId, query.unitId);
  const rows = await repo.listLines(db, principal.orgId, {
    after: cursorAfter(query.cursor),
    limit: query.limit + 1,
    from: query.from,
    to: query.to,
    kosIds,
    platform: query.platform,
    source: query.source,
    sku: query.sku,
    status: query.status,
    attributed: query.attributed,
  });
  return toPage(rows, query.limit);
}

/** The line, 404 when not this org's; callers limited to a scope see only lines of their KOS. */
export async function getLineOrThrow(db: Db, principal: Principal, id: string): Promise<StoredLine> {
  const line = await repo.findLine(db, principal.orgId, id);
  if (!line) throw notFound('line');
  if ((await resolveScope(db, principal)).kind !== 'org') {
    if (!line.kosId) throw forbidden(problem('access.line.out_of_scope'), 'that line is outside your scope');
    await getKosOrThrow(db, principal, line.kosId);
  }
  return line;
}

/** A line's history: its creation, then every import or person that changed it, oldest first. */
export async function lineHistory(db: Db, line: StoredLine): Promise<HistoryEntry[]> {
  return historyOf(line, await repo.lineHistory(db, line.orgId, line.id));
}

/**
 * Manual attribution: gives the line to a KOS (or back to nobody with null), ties it to that KOS's live
 * session, and books the ledger in the same transaction. Imports never change a manual assignment
 * afterwards (docs/attribution.md).
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
  const assigned = await withTransaction(db, async (trx) => {
    const org = await getOrgOrThrow(trx, principal.orgId);
    const sessions = kosId && after.contentType === 'live' ? await sessionsForTie(trx, org.id, [kosId]) : [];
    after.sessionId = liveSessionOf(sessions, after, org.postLiveWindowHours);
    await repo.replaceLine(trx, after);
    const event = {
      orgId: principal.orgId,
      lineId: id,
      importId: null,
      at: now,
      change: {
        kosId: [before.kosId, kosId],
        attribution: [before.attribution, after.attribution],
        by: principal.memberId ?? principal.apiKeyId,
      },
    };
    await repo.insertHistory(trx, withCreatedEntries([{ event, before }], await repo.linesWithHistory(trx, org.id, [id])));
    await bookLineChanges(trx, [ledgerChange([before, after])], now);
    return after;
  });
  sessionChanged(db, [before.sessionId, assigned.sessionId]);
  return assigned;
}

/** A short label per line id — `platform orderId · sku` — for statements and exports. */
export async function lineLabels(db: Db, orgId: string, ids: string[]): Promise<Map<string, string>> {
  const lines = await repo.labelFacts(db, orgId, ids);
  return new Map(lines.map((l) => [l.id, `${l.platform} ${l.order_id}${l.sku ? ` · ${l.sku}` : ''}`]));
}

/** Which of these lines are completed now (a payout close pays a sale entry only then). */
export function completedLineIds(db: Db, orgId: string, ids: readonly string[]): Promise<Set<string>> {
  return repo.completedAmong(db, orgId, ids);
}
