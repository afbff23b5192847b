import type { Selectable } from 'kysely';
import { type Db, inChunks } from '../../db/database.js';
import type { LivestreamsTable } from '../../db/schema.js';
import { parseJson } from '../../lib/json.js';
import { type Platform, toIso } from '../../lib/schemas.js';
import type { SessionStatus, Stats, TieCandidate } from './livestreams.js';
import type { Livestream } from './livestreams.schema.js';

/** A flash offer as stored (times in epoch ms). */
export interface StoredFlashOffer {
  productId: string;
  priceMinor: number;
  quantityLimit: number | null;
  startsAt: number;
  endsAt: number;
}

/** Everything a create or change writes (times in epoch ms). */
export interface SessionValues {
  kosId: string;
  accountId: string;
  platform: string;
  title: string;
  scheduledStart: number;
  scheduledEnd: number;
  actualStart: number | null;
  actualEnd: number | null;
  status: SessionStatus;
  feeMinor: number | null;
  stats: Stats;
  flashOffers: StoredFlashOffer[];
}

type Row = Selectable<LivestreamsTable> & { currency: string };

const toLivestream = (row: Row, productIds: string[]): Livestream => ({
  id: row.id,
  kosId: row.kos_id,
  accountId: row.account_id,
  platform: row.platform as Platform,
  title: row.title,
  scheduledStart: toIso(row.scheduled_start),
  scheduledEnd: toIso(row.scheduled_end),
  actualStart: row.actual_start === null ? null : toIso(row.actual_start),
  actualEnd: row.actual_end === null ? null : toIso(row.actual_end),
  status: row.status as SessionStatus,
  feeMinor: row.fee_minor,
  currency: row.currency,
  productIds,
  flashOffers: parseJson<StoredFlashOffer[]>(row.flash_offers, []).map((o) => ({
    ...o,
    startsAt: toIso(o.startsAt),
    endsAt: toIso(o.endsAt),
  })),
  stats: {
    views: row.views,
    viewers: row.viewers,
    peakViewers: row.peak_viewers,
    avgWatchSeconds: row.avg_watch_seconds,
    comments: row.comments,
    questions: row.questions,
    questionsAnswered: row.questions_answered,
    productClicks: row.product_clicks,
    addToCart: row.add_to_cart,
  },
  createdAt: toIso(row.created_at),
  updatedAt: toIso(row.updated_at),
});

const columns = (v: SessionValues) => ({
  kos_id: v.kosId,
  account_id: v.accountId,
  platform: v.platform,
  title: v.title,
  scheduled_start: v.scheduledStart,
  scheduled_end: v.scheduledEnd,
  actual_start: v.actualStart,
  actual_end: v.actualEnd,
  status: v.status,
  fee_minor: v.feeMinor,
  views: v.stats.views,
  viewers: v.stats.viewers,
  peak_viewers: v.stats.peakViewers,
  avg_watch_seconds: v.stats.avgWatchSeconds,
  comments: v.stats.comments,
  questions: v.stats.questions,
  questions_answered: v.stats.questionsAnswered,
  product_clicks: v.stats.productClicks,
  add_to_cart: v.stats.addToCart,
  flash_offers: JSON.stringify(v.flashOffers),
});

const selectSessions = (db: Db, orgId: string) =>
  db
    .selectFrom('livestreams')
    .innerJoin('orgs', 'orgs.id', 'livestreams.org_id')
    .selectAll('livestreams')
    .select('orgs.currency')
    .where('livestreams.org_id', '=', orgId);

async function withProducts(db: Db, rows: Row[]): Promise<Livestream[]> {
  const ids = rows.map((r) => r.id);
  const links = ids.length
    ? await db
        .selectFrom('livestream_products')
        .select(['session_id', 'product_id'])
        .where('session_id', 'in', ids)
        .orderBy('session_id')
        .orderBy('position')
        .execute()
    : [];
  const bySession = new Map<string, string[]>();
  for (const l of links) bySession.set(l.session_id, [...(bySession.get(l.session_id) ?? []), l.product_id]);
  return rows.map((r) => toLivestream(r, bySession.get(r.id) ?? []));
}

export interface SessionFilter {
  after?: string;
  limit: number;
  /** Only sessions of these KOS (a filter or the caller's scope); an empty list matches nothing. */
  kosIds?: readonly string[];
  status?: SessionStatus;
  /** Bounds on `scheduledStart`, `[from, to)`, epoch ms. */
  from?: number;
  to?: number;
}

export async function listLivestreams(db: Db, orgId: string, f: SessionFilter): Promise<Livestream[]> {
  let query = selectSessions(db, orgId);
  if (f.after) query = query.where('livestreams.id', '>', f.after);
  if (f.kosIds) query = f.kosIds.length ? query.where('livestreams.kos_id', 'in', f.kosIds) : query.where((eb) => eb.lit(false));
  if (f.status) query = query.where('livestreams.status', '=', f.status);
  if (f.from !== undefined) query = query.where('livestreams.scheduled_start', '>=', f.from);
  if (f.to !== undefined) query = query.where('livestreams.scheduled_start', '<', f.to);
  return withProducts(db, await query.orderBy('livestreams.id').limit(f.limit).execute());
}

export async function findLivestream(db: Db, orgId: string, id: string): Promise<Livestream | undefined> {
  const row = await selectSessions(db, orgId).where('livestreams.id', '=', id).executeTakeFirst();
  return row && (await withProducts(db, [row]))[0];
}

export async function insertLivestream(db: Db, orgId: string, id: string, v: SessionValues, now: number): Promise<void> {
  await db
    .insertInto('livestreams')
    .values({ id, org_id: orgId, ...columns(v), created_at: now, updated_at: now })
    .execute();
}

export async function updateLivestream(db: Db, orgId: string, id: string, v: SessionValues, now: number): Promise<void> {
  await db
    .updateTable('livestreams')
    .set({ ...columns(v), updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** Replaces the session's product list, keeping its order. */
export async function replaceProducts(db: Db, orgId: string, sessionId: string, productIds: readonly string[]): Promise<void> {
  await db.deleteFrom('livestream_products').where('session_id', '=', sessionId).execute();
  if (productIds.length === 0) return;
  await db
    .insertInto('livestream_products')
    .values(productIds.map((productId, position) => ({ session_id: sessionId, product_id: productId, org_id: orgId, position })))
    .execute();
}

/** Live and ended sessions of these KOS that have an actual start (order tie candidates). */
export async function tieCandidates(db: Db, orgId: string, kosIds: readonly string[]): Promise<TieCandidate[]> {
  const rows = await inChunks(kosIds, (slice) =>
    db
      .selectFrom('livestreams')
      .select(['id', 'kos_id', 'platform', 'actual_start', 'actual_end'])
      .where('org_id', '=', orgId)
      .where('kos_id', 'in', slice)
      .where('status', 'in', ['live', 'ended'])
      .where('actual_start', 'is not', null)
      .execute(),
  );
  const out: TieCandidate[] = rows.map((r) => ({
    id: r.id,
    kosId: r.kos_id,
    platform: r.platform,
    actualStart: r.actual_start as number,
    actualEnd: r.actual_end,
  }));
  return out;
}

/** The next scheduled or live sessions of a KOS that have not reached their scheduled end. */
export async function upcomingOfKos(db: Db, kosId: string, now: number, limit: number) {
  return db
    .selectFrom('livestreams')
    .select(['title', 'scheduled_start', 'platform'])
    .where('kos_id', '=', kosId)
    .where('status', 'in', ['scheduled', 'live'])
    .where('scheduled_end', '>', now)
    .orderBy('scheduled_start')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** GMV (gross of lines not unpaid), orders (distinct source + order id) and commission (non-void entries) of a session. */
export async function salesOfSession(
  db: Db,
  orgId: string,
  sessionId: string,
): Promise<{ gmvMinor: number; orders: number; commissionMinor: number }> {
  const lines = await db
    .selectFrom('order_lines')
    .select(['source', 'order_id', 'gross_minor'])
    .where('org_id', '=', orgId)
    .where('session_id', '=', sessionId)
    .where('status', '!=', 'unpaid')
    .execute();
  const commission = await db
    .selectFrom('ledger_entries as e')
    .leftJoin('order_lines as l', 'l.id', 'e.line_id')
    .select((eb) => eb.fn.sum<number>('e.amount_minor').as('total'))
    .where('e.org_id', '=', orgId)
    .where('e.status', '!=', 'void')
    .where((eb) => eb.or([eb('e.session_id', '=', sessionId), eb('l.session_id', '=', sessionId)]))
    .executeTakeFirst();
  return {
    gmvMinor: lines.reduce((sum, l) => sum + l.gross_minor, 0),
    orders: new Set(lines.map((l) => `${l.source}|${l.order_id}`)).size,
    commissionMinor: Number(commission?.total ?? 0),
  };
}
