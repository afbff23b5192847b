import type { Db } from '../../db/database.js';
import { newId } from '../../lib/ids.js';
import { findClicks } from '../clicks/clicks.service.js';
import { type AttributionIndex, attribute } from './attribution.js';
import { lineFingerprint } from './line-fingerprint.js';
import { type HistoryEvent, withCreatedEntries } from './line-history.js';
import { type LinePrint, linePrintsOfOrders, writeFingerprints } from './line-prints.repository.js';
import {
  type Attribution,
  type CanonicalLine,
  canonicalChanges,
  type LineChangePair,
  resolveCompletedTime,
  resolveRefund,
  type StoredLine,
  sameCanonical,
} from './lines.js';
import { insertHistory, insertLines, linesOfOrders, linesWithHistory, replaceLine } from './lines.repository.js';

export interface StoreContext {
  orgId: string;
  source: string;
  importId: string | null;
  now: number;
  index: Omit<AttributionIndex, 'clicks'>;
  /** The livestream session a live, attributed line belongs to, if any. */
  tieSession(line: StoredLine): string | null;
  /** The KOS a creator-side report belongs to (`tiktok_creator`): its lines are attributed `report` to it. */
  reportKosId?: string | null;
}

export interface StoreCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** What a chunk did: its counts, and every line stored or changed (before, after) for the ledger to book. */
export interface StoredChunk {
  counts: StoreCounts;
  changes: LineChangePair[];
}

const keyOf = (l: { orderId: string; lineKey: string }) => `${l.orderId}\u0001${l.lineKey}`;

/**
 * Upserts a chunk of lines by (org, source, orderId, lineKey) inside the caller's transaction: new lines
 * are attributed and inserted; a stored line is updated only when a canonical field changed (or, while
 * unattributed, a new match appears), with the change kept in its history. Nothing is deleted, and a
 * manual assignment is never touched by an import.
 */
/** A line's attribution: the report's KOS when the import names one, else the rules. */
const attributeIn = (line: CanonicalLine, index: AttributionIndex, reportKosId: string | null | undefined): Attribution =>
  reportKosId ? { kosId: reportKosId, attribution: 'report', linkId: null, clickId: null } : attribute(line, index);

export async function storeLines(trx: Db, ctx: StoreContext, lines: CanonicalLine[]): Promise<StoredChunk> {
  const counts: StoreCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const prints = await linePrintsOfOrders(trx, ctx.orgId, ctx.source, [...new Set(lines.map((l) => l.orderId))]);
  const index: AttributionIndex = {
    ...ctx.index,
    clicks: await findClicks(
      trx,
      ctx.orgId,
      lines.flatMap((l) => l.subIds),
    ),
  };
  // A re-import's common case, told from the stored fingerprint alone (docs/imports.md, "Speed"): the same
  // canonical fields and no new match. The other lines are compared with their stored lines, in file order.
  const rest: CanonicalLine[] = [];
  const restKeys = new Set<string>();
  let restStored = false;
  for (const incoming of lines) {
    const key = keyOf(incoming);
    const print = prints.get(key);
    if (print && !restKeys.has(key) && unchangedByPrint(incoming, print, index, ctx.reportKosId)) {
      counts.unchanged += 1;
      continue;
    }
    // A key met again after a line that may change it is compared with that line, as before.
    restKeys.add(key);
    rest.push(incoming);
    if (print) restStored = true;
  }
  const known = restStored
    ? await linesOfOrders(trx, ctx.orgId, ctx.source, [...new Set(rest.map((l) => l.orderId))])
    : new Map<string, StoredLine>();
  const inserts = new Map<string, StoredLine>();
  const updates = new Map<string, StoredLine>();
  const history: { event: HistoryEvent; before: StoredLine }[] = [];
  const changed: LineChangePair[] = [];
  // Unchanged lines stored before migration 0021: their fingerprint is written, once (docs/imports.md, "Speed").
  const unprinted: StoredLine[] = [];

  for (const incoming of rest) {
    const key = keyOf(incoming);
    const before = known.get(key) ?? null;
    const refundMinor = resolveRefund(incoming);
    const completedTime = resolveCompletedTime(incoming, before, ctx.now);
    if (!before) {
      // Built field by field, not spread: one object of one shape per new line (docs/imports.md, "Speed").
      const line = newStoredLine(incoming, refundMinor, completedTime, attributeIn(incoming, index, ctx.reportKosId), ctx);
      line.sessionId = ctx.tieSession(line);
      known.set(key, line);
      inserts.set(line.id, line);
      // No history row: the new line is its own created entry until it changes (line-history.ts).
      changed.push([null, line]);
      counts.inserted += 1;
      continue;
    }
    // The common re-import case, without building anything: the same canonical fields and no new match.
    if (sameCanonical(before, incoming, refundMinor, completedTime)) {
      const match = before.attribution === 'none' ? attributeIn(incoming, index, ctx.reportKosId) : null;
      if (match === null || match.attribution === 'none') {
        counts.unchanged += 1;
        if (prints.get(key)?.fingerprint === null) unprinted.push(before);
        continue;
      }
    }
    const resolved = { ...incoming, refundMinor, completedTime };
    const changes = canonicalChanges(before, resolved);
    const match = before.attribution === 'none' ? attributeIn(resolved, index, ctx.reportKosId) : null;
    const newMatch = match !== null && match.attribution !== 'none';
    if (Object.keys(changes).length === 0 && !newMatch) {
      counts.unchanged += 1;
      if (prints.get(key)?.fingerprint === null) unprinted.push(before);
      continue;
    }
    const after: StoredLine = { ...before, ...resolved, ...(newMatch ? match : {}), importId: ctx.importId, updatedAt: ctx.now };
    after.sessionId = after.kosId ? ctx.tieSession(after) : null;
    known.set(key, after);
    if (inserts.has(after.id)) inserts.set(after.id, after);
    else updates.set(after.id, after);
    history.push({
      event: {
        orgId: ctx.orgId,
        lineId: after.id,
        importId: ctx.importId,
        at: ctx.now,
        change: { ...changes, ...(newMatch ? { attribution: ['none', after.attribution] } : {}) },
      },
      before,
    });
    changed.push([before, after]);
    counts.updated += 1;
  }

  await insertLines(trx, [...inserts.values()]);
  for (const line of updates.values()) await replaceLine(trx, line);
  if (history.length > 0) {
    const recorded = await linesWithHistory(
      trx,
      ctx.orgId,
      history.map((h) => h.event.lineId),
    );
    await insertHistory(trx, withCreatedEntries(history, recorded));
  }
  await writeFingerprints(trx, ctx.orgId, unprinted);
  return { counts, changes: changed };
}

/**
 * Whether a stored line with this print stays `unchanged` by `incoming`: its fingerprint is that of the
 * incoming line (with its resolved refund and completion) and, if unattributed, no rule matches it now —
 * what the field-by-field comparison answers. A completion the report leaves out is resolved from the
 * stored line, so such a line (and one without a fingerprint) is compared field by field.
 */
function unchangedByPrint(
  incoming: CanonicalLine,
  print: LinePrint,
  index: AttributionIndex,
  reportKosId: string | null | undefined,
): boolean {
  if (print.fingerprint === null) return false;
  if (incoming.completedTime === null && (incoming.status === 'completed' || incoming.status === 'returned')) return false;
  if (lineFingerprint(incoming, resolveRefund(incoming), incoming.completedTime) !== print.fingerprint) return false;
  return !print.unattributed || attributeIn(incoming, index, reportKosId).attribution === 'none';
}

/** A new stored line: the incoming line with its resolved refund and completion, attribution and identity. */
function newStoredLine(
  l: CanonicalLine,
  refundMinor: number,
  completedTime: number | null,
  a: Attribution,
  ctx: StoreContext,
): StoredLine {
  return {
    platform: l.platform,
    orderId: l.orderId,
    lineKey: l.lineKey,
    status: l.status,
    rawStatus: l.rawStatus,
    orderTime: l.orderTime,
    completedTime,
    sku: l.sku,
    productName: l.productName,
    category: l.category,
    quantity: l.quantity,
    grossMinor: l.grossMinor,
    netMinor: l.netMinor,
    refundMinor,
    platformCommissionMinor: l.platformCommissionMinor,
    currency: l.currency,
    subIds: l.subIds,
    creator: l.creator,
    voucher: l.voucher,
    contentType: l.contentType,
    newBuyer: l.newBuyer,
    kosId: a.kosId,
    attribution: a.attribution,
    linkId: a.linkId,
    clickId: a.clickId,
    id: newId(),
    orgId: ctx.orgId,
    source: ctx.source,
    sessionId: null,
    importId: ctx.importId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
}
