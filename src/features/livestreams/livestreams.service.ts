import { type Db, withTransaction } from '../../db/database.js';
import { type FieldError, fieldError, invalid, invalidFields, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Locale } from '../../lib/locale.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import { problem } from '../../lib/problems/problem.js';
import { isoDate } from '../../lib/schemas.js';
import { dayStart } from '../../lib/time.js';
import type { Principal } from '../access/access.js';
import { EDITORS, requireKosInScope, requireRole } from '../access/access.js';
import { getAccountOrThrow } from '../accounts/accounts.service.js';
import { getKosOrThrow, kosFilter, requireKosExists } from '../kos/kos.service.js';
import { bookSessionFee, sessionEntries } from '../ledger/ledger.service.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { getProductOrThrow } from '../products/products.service.js';
import { resolveScope } from '../units/units.service.js';
import { sessionChanged } from './livestream-events.js';
import { fillStats, resolveSession, type SessionStatus, sessionRatios, type TieCandidate } from './livestreams.js';
import * as repo from './livestreams.repository.js';
import type {
  Livestream,
  LivestreamCreate,
  LivestreamListQuery,
  LivestreamMetrics,
  LivestreamPatch,
} from './livestreams.schema.js';
import { formatSessionWhen, PLATFORM_LABELS } from './session-when.js';

const ms = (iso: string | null | undefined): number | null => (iso == null ? null : Date.parse(iso));

export async function listLivestreams(
  db: Db,
  principal: Principal,
  query: PageQuery & LivestreamListQuery,
): Promise<Page<Livestream>> {
  const kosIds = await kosFilter(db, principal, query.kosId);
  const timezone = [query.from, query.to].some((v) => v && isoDate.safeParse(v).success)
    ? (await getOrgOrThrow(db, principal.orgId)).timezone
    : 'UTC';
  const bound = (v: string | undefined) =>
    v === undefined ? undefined : isoDate.safeParse(v).success ? dayStart(v, timezone) : Date.parse(v);
  const rows = await repo.listLivestreams(db, principal.orgId, {
    after: cursorAfter(query.cursor),
    limit: query.limit + 1,
    kosIds,
    status: query.status,
    from: bound(query.from),
    to: bound(query.to),
  });
  return toPage(rows, query.limit);
}

/** The session, 404 when it is not this org's, 403 when its KOS is outside the caller's scope. */
export async function getLivestreamOrThrow(db: Db, principal: Principal, id: string): Promise<Livestream> {
  const session = await repo.findLivestream(db, principal.orgId, id);
  if (!session) throw notFound('livestream');
  await getKosOrThrow(db, principal, session.kosId);
  return session;
}

export async function createLivestream(
  db: Db,
  principal: Principal,
  input: LivestreamCreate,
  now = Date.now(),
): Promise<Livestream> {
  await getKosOrThrow(db, principal, input.kosId);
  requireRole(principal, EDITORS);
  const values = await checkedValues(
    db,
    principal,
    null,
    {
      kosId: input.kosId,
      accountId: input.accountId,
      platform: '',
      title: input.title,
      scheduledStart: Date.parse(input.scheduledStart),
      scheduledEnd: Date.parse(input.scheduledEnd),
      actualStart: ms(input.actualStart),
      actualEnd: ms(input.actualEnd),
      status: input.status,
      feeMinor: input.feeMinor ?? null,
      stats: fillStats(input.stats),
      flashOffers: storedOffers(input.flashOffers),
    },
    { accountChanged: true, productIds: input.productIds },
    now,
  );
  const id = newId();
  await withTransaction(db, async (trx) => {
    await repo.insertLivestream(trx, principal.orgId, id, values, now);
    await repo.replaceProducts(trx, principal.orgId, id, input.productIds);
    if (values.status === 'ended') await onSessionEnded(trx, principal.orgId, id, values);
  });
  return (await repo.findLivestream(db, principal.orgId, id)) as Livestream;
}

export async function patchLivestream(
  db: Db,
  principal: Principal,
  id: string,
  patch: LivestreamPatch,
  now = Date.now(),
): Promise<Livestream> {
  const current = await getLivestreamOrThrow(db, principal, id);
  requireRole(principal, EDITORS);
  if (patch.kosId !== undefined && patch.kosId !== current.kosId) {
    if (current.status === 'ended')
      throw invalid(
        'kosId',
        problem('livestream.kos.ended_locked'),
        'an ended session stays with its KOS (its fee is booked to them)',
      );
    requireKosInScope(await resolveScope(db, principal), await requireKosExists(db, principal.orgId, patch.kosId));
  }
  const kosId = patch.kosId ?? current.kosId;
  const values = await checkedValues(
    db,
    principal,
    current.status,
    {
      kosId,
      accountId: patch.accountId ?? current.accountId,
      platform: current.platform,
      title: patch.title ?? current.title,
      scheduledStart: Date.parse(patch.scheduledStart ?? current.scheduledStart),
      scheduledEnd: Date.parse(patch.scheduledEnd ?? current.scheduledEnd),
      actualStart: ms(patch.actualStart !== undefined ? patch.actualStart : current.actualStart),
      actualEnd: ms(patch.actualEnd !== undefined ? patch.actualEnd : current.actualEnd),
      status: patch.status ?? current.status,
      feeMinor: patch.feeMinor !== undefined ? patch.feeMinor : current.feeMinor,
      stats: fillStats(patch.stats, current.stats),
      flashOffers: storedOffers(patch.flashOffers ?? current.flashOffers),
    },
    {
      accountChanged: patch.accountId !== undefined || kosId !== current.kosId,
      productIds: patch.productIds,
      flashChanged: patch.flashOffers !== undefined,
    },
    now,
  );
  await withTransaction(db, async (trx) => {
    await repo.updateLivestream(trx, principal.orgId, id, values, now);
    if (patch.productIds) await repo.replaceProducts(trx, principal.orgId, id, patch.productIds);
    if (values.status === 'ended' && current.status !== 'ended') await onSessionEnded(trx, principal.orgId, id, values);
  });
  sessionChanged(db, [id]);
  return (await repo.findLivestream(db, principal.orgId, id)) as Livestream;
}

/**
 * Books the `livestream_fee` ledger entry of a session that has just ended (docs/money.md, "Livestream
 * fees": the session's `feeMinor`, else the plan's `livestreamFeeMinor` active at `actualEnd`;
 * `eligibleAt` = `actualEnd`), in the transaction that ends the session.
 */
export async function onSessionEnded(trx: Db, orgId: string, sessionId: string, session: repo.SessionValues): Promise<void> {
  await bookSessionFee(trx, {
    id: sessionId,
    orgId,
    kosId: session.kosId,
    status: session.status,
    actualEnd: session.actualEnd,
    feeMinor: session.feeMinor,
  });
}

/** Funnel metrics of one session (docs/metrics.md), with GMV and orders of the lines tied to it and its commission. */
export async function getLivestreamMetrics(db: Db, principal: Principal, id: string): Promise<LivestreamMetrics> {
  const session = await getLivestreamOrThrow(db, principal, id);
  const { commissionMinor, ...sales } = await repo.salesOfSession(db, principal.orgId, id);
  return {
    id,
    ...sales,
    ...sessionRatios(session.stats, sales),
    avgWatchSeconds: session.stats.avgWatchSeconds,
    peakViewers: session.stats.peakViewers,
    // The fee booked in the ledger (own fee, else the plan's); before the session ends, its own fee.
    feeMinor: session.status === 'cancelled' ? 0 : await bookedFee(db, principal.orgId, id, session.feeMinor ?? 0),
    commissionMinor,
    currency: session.currency,
  };
}

/**
 * Live and ended sessions (with an actual start) of the given KOS of the org, for `tieSession` in
 * `livestreams.ts`: load once per import chunk, then tie each line in memory.
 */
export async function sessionsForTie(db: Db, orgId: string, kosIds: string[]): Promise<TieCandidate[]> {
  return repo.tieCandidates(db, orgId, [...new Set(kosIds)]);
}

/** The next 10 scheduled or live sessions of a KOS, as the bio page shows them. */
export async function upcomingSessions(
  db: Db,
  kosId: string,
  display: { timeZone: string; locale: Locale },
  now = Date.now(),
): Promise<{ title: string; when: string; platform: string }[]> {
  const rows = await repo.upcomingOfKos(db, kosId, now, 10);
  return rows.map((r) => ({
    title: r.title,
    when: formatSessionWhen(r.scheduled_start, display.timeZone, display.locale),
    platform: PLATFORM_LABELS[r.platform] ?? r.platform,
  }));
}

/**
 * The values to store after the status rules, or 422 naming each bad field: the account must be one
 * of the session's KOS (its platform becomes the session's), products and flash-offer products must be
 * in the org's catalogue.
 */
async function checkedValues(
  db: Db,
  principal: Principal,
  from: SessionStatus | null,
  next: repo.SessionValues,
  changed: { accountChanged: boolean; productIds?: readonly string[]; flashChanged?: boolean },
  now: number,
): Promise<repo.SessionValues> {
  const errors: FieldError[] = [];
  let platform = next.platform;
  if (changed.accountChanged) {
    const account = await getAccountOrThrow(db, principal, next.accountId).catch(() => null);
    if (!account || account.kosId !== next.kosId)
      errors.push(fieldError('accountId', problem('livestream.account.not_of_kos'), 'is not an account of this KOS'));
    else platform = account.platform;
  }
  const known = async (productId: string) => (await getProductOrThrow(db, principal, productId).catch(() => null)) !== null;
  for (const [i, productId] of (changed.productIds ?? []).entries())
    if (!(await known(productId)))
      errors.push(fieldError(`productIds.${i}`, problem('product.reference.unknown'), 'no such product in this organisation'));
  if (from === null || changed.flashChanged)
    for (const [i, offer] of next.flashOffers.entries())
      if (!(await known(offer.productId)))
        errors.push(
          fieldError(`flashOffers.${i}.productId`, problem('product.reference.unknown'), 'no such product in this organisation'),
        );
  const resolved = resolveSession(from, next, now);
  if (!resolved.ok) errors.push(...resolved.errors);
  if (next.stats.questionsAnswered > next.stats.questions)
    errors.push(
      fieldError('stats.questionsAnswered', problem('livestream.questions_answered.too_many'), 'must not exceed stats.questions'),
    );
  // Every error here has a path, so the detail reads `path: message (and N more)` as before.
  if (errors.length || !resolved.ok) throw invalidFields(errors);
  return { ...next, ...resolved.session, platform };
}

function storedOffers(offers: LivestreamCreate['flashOffers']): repo.StoredFlashOffer[] {
  return offers.map((o) => ({
    productId: o.productId,
    priceMinor: o.priceMinor,
    quantityLimit: o.quantityLimit ?? null,
    startsAt: Date.parse(o.startsAt),
    endsAt: Date.parse(o.endsAt),
  }));
}

async function bookedFee(db: Db, orgId: string, sessionId: string, fallback: number): Promise<number> {
  const fees = (await sessionEntries(db, orgId, sessionId)).filter((e) => e.kind === 'livestream_fee' && e.status !== 'void');
  return fees.length ? fees.reduce((sum, e) => sum + e.amountMinor, 0) : fallback;
}
