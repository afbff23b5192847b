import type { Db } from '../../db/database.js';
import { invalidFields } from '../../lib/errors.js';
import { toIso } from '../../lib/schemas.js';
import { addDays, dayInZone, dayStart } from '../../lib/time.js';
import type { Principal } from '../access/access.js';
import { EDITORS, requireRole } from '../access/access.js';
import type { Livestream } from '../livestreams/livestreams.schema.js';
import { getLivestreamOrThrow } from '../livestreams/livestreams.service.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import {
  checkSegments,
  type DraftSession,
  draftRunSheet,
  type StoredSegment,
  streamMinutes,
  withWarnings,
} from './run-sheets.js';
import * as repo from './run-sheets.repository.js';
import type { RunSheet, RunSheetPut } from './run-sheets.schema.js';

/** Lookback of the best-seller order: net sales over [draft day − 30, draft day) in the org's zone. */
const BEST_SELLER_DAYS = 30;

const draftSession = (s: Livestream): DraftSession => ({
  scheduledStart: Date.parse(s.scheduledStart),
  scheduledEnd: Date.parse(s.scheduledEnd),
  productIds: s.productIds,
  flashOffers: s.flashOffers.map((o) => ({
    productId: o.productId,
    priceMinor: o.priceMinor,
    quantityLimit: o.quantityLimit,
    startsAt: Date.parse(o.startsAt),
    endsAt: Date.parse(o.endsAt),
  })),
});

export interface RunSheetView {
  session: Livestream;
  sheet: RunSheet;
  products: Map<string, repo.SheetProduct>;
}

/**
 * The session's run-sheet (docs/run-sheets.md). The first read drafts it and stores it; two first reads
 * at once store one (the second insert does nothing) and both answer the stored one. The stock warning
 * is recomputed from the current stock at every read. Anyone who may read the session may read it (staff
 * in scope, viewers, the session's own KOS).
 */
export async function getRunSheet(db: Db, principal: Principal, sessionId: string, now = Date.now()): Promise<RunSheetView> {
  const session = await getLivestreamOrThrow(db, principal, sessionId);
  let stored = await repo.findSheet(db, principal.orgId, sessionId);
  if (!stored) {
    await repo.insertDraft(db, principal.orgId, sessionId, await draft(db, principal.orgId, session, now), now);
    stored = await repo.findSheet(db, principal.orgId, sessionId);
  }
  return view(db, principal.orgId, session, stored as repo.StoredSheet);
}

/** Replaces the segments (owner, admin, managers in scope): 422 naming `segments.N.field` for each bad field. */
export async function putRunSheet(
  db: Db,
  principal: Principal,
  sessionId: string,
  input: RunSheetPut,
  now = Date.now(),
): Promise<RunSheetView> {
  const session = await getLivestreamOrThrow(db, principal, sessionId);
  requireRole(principal, EDITORS);
  const segments: StoredSegment[] = input.segments
    .map((s) => ({
      position: s.position,
      productId: s.productId,
      startMinute: s.startMinute,
      durationMinutes: s.durationMinutes,
      talkingPoints: s.talkingPoints,
      faqs: s.faqs,
      flashOffer: s.flashOffer ?? null,
    }))
    .sort((a, b) => a.position - b.position);
  const errors = checkSegments(input.segments as StoredSegment[], {
    productIds: session.productIds,
    minutes: streamMinutes(draftSession(session)),
  });
  if (errors.length) throw invalidFields(errors);
  await repo.replaceSegments(db, principal.orgId, sessionId, segments, principal.memberId, now);
  return view(db, principal.orgId, session, { segments, updatedAt: now });
}

async function draft(db: Db, orgId: string, session: Livestream, now: number): Promise<StoredSegment[]> {
  const org = await getOrgOrThrow(db, orgId);
  const products = await repo.productsByIds(db, orgId, session.productIds);
  const today = dayInZone(now, org.timezone);
  const bySku = await repo.netSalesBySku(
    db,
    orgId,
    [...products.values()].map((p) => p.sku),
    dayStart(addDays(today, -BEST_SELLER_DAYS), org.timezone),
    dayStart(today, org.timezone),
  );
  const netSales = new Map([...products.values()].map((p) => [p.id, bySku.get(p.sku) ?? 0]));
  return draftRunSheet(draftSession(session), products, netSales);
}

async function view(db: Db, orgId: string, session: Livestream, stored: repo.StoredSheet): Promise<RunSheetView> {
  const products = await repo.productsByIds(db, orgId, [...new Set(stored.segments.map((s) => s.productId))]);
  const stock = new Map([...products.values()].map((p) => [p.id, p.stock]));
  return {
    session,
    products,
    sheet: { sessionId: session.id, segments: withWarnings(stored.segments, stock), updatedAt: toIso(stored.updatedAt) },
  };
}
