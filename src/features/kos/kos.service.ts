import { type Db, withTransaction } from '../../db/database.js';
import { conflict, forbidden, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import { problem } from '../../lib/problems/problem.js';
import type { Principal } from '../access/access.js';
import { EDITORS, kosInScope, requireKosInScope, requireRole, requireUnitInScope } from '../access/access.js';
import { subtreeIds } from '../units/units.js';
import { listOrgUnits, requireUnitExists, resolveScope } from '../units/units.service.js';
import { DEFAULT_PUBLIC_URL, SELF_EDITABLE, type StatusReason } from './kos.js';
import * as repo from './kos.repository.js';
import type { Kos, KosCreate, KosListQuery, KosOut, KosPatch } from './kos.schema.js';
import { kosChanged, tierSetByHand } from './kos-events.js';
import { actorOf, onboardingOf, settleOnboarding } from './kos-onboarding.service.js';
import type { Onboarding } from './onboarding.js';

export async function listKos(db: Db, principal: Principal, query: PageQuery & KosListQuery): Promise<Page<KosOut>> {
  const scope = await resolveScope(db, principal);
  let unitIds: string[] | undefined;
  if (query.unitId) {
    requireUnitInScope(scope, query.unitId);
    unitIds = [...subtreeIds(await listOrgUnits(db, principal.orgId), query.unitId)];
  } else if (scope.kind === 'units') unitIds = [...scope.unitIds];
  const rows = await repo.listKos(db, principal.orgId, {
    after: cursorAfter(query.cursor),
    limit: query.limit + 1,
    q: query.q,
    status: query.status,
    tier: query.tier,
    relationship: query.relationship,
    unitIds,
    kosId: scope.kind === 'kos' ? (scope.kosId ?? '-') : undefined,
  });
  const page = toPage(rows, query.limit);
  return { items: await presentKos(db, principal.orgId, page.items), nextCursor: page.nextCursor };
}

/** The KOS, 404 when it is not this org's, 403 when outside the caller's scope. */
export async function getKosOrThrow(db: Db, principal: Principal, id: string): Promise<Kos> {
  const kos = await repo.findKos(db, principal.orgId, id);
  if (!kos) throw notFound('kos');
  requireKosInScope(await resolveScope(db, principal), kos);
  return kos;
}

/** 422 unless `kosId` is a KOS of the org (a reference in another resource). */
export async function requireKosExists(db: Db, orgId: string, kosId: string, path = 'kosId'): Promise<Kos> {
  const kos = await repo.findKos(db, orgId, kosId);
  if (!kos) throw invalid(path, problem('kos.reference.unknown'), 'no such KOS in this organisation');
  return kos;
}

/** The org's KOS with this code (upper-cased by the caller), if any. */
export function findKosByCode(db: Db, orgId: string, code: string) {
  return repo.findKosByCode(db, orgId, code);
}
/** The KOS with this handle in the whole instance (handles are the bio URL), as its id and org. */
export function findKosByHandle(db: Db, handle: string) {
  return repo.findKosByHandle(db, handle);
}

/** Whether the caller may see this KOS (for lists of other resources that belong to a KOS). */
export async function kosVisibility(
  db: Db,
  principal: Principal,
): Promise<(kos: { id: string; unitId: string | null }) => boolean> {
  const scope = await resolveScope(db, principal);
  return (kos) => kosInScope(scope, kos);
}

/**
 * Adds a KOS; its first status is kept in `statusHistory` (from null) with `reason` — `manual`, or
 * `conversion` when recruitment converts an application (docs/matrix.md "Status history").
 */
export async function createKos(
  db: Db,
  principal: Principal,
  input: KosCreate,
  now = Date.now(),
  reason: StatusReason = 'manual',
): Promise<KosOut> {
  requireRole(principal, EDITORS);
  const unitId = input.unitId ?? null;
  if (unitId) await requireUnitExists(db, principal.orgId, unitId);
  requireUnitInScope(await resolveScope(db, principal), unitId);
  await requireUnique(db, principal.orgId, null, input);
  const id = newId();
  await withTransaction(db, async (trx) => {
    await repo.insertKos(
      trx,
      principal.orgId,
      id,
      {
        code: input.code,
        handle: input.handle,
        name: input.name,
        relationship: input.relationship,
        unitId,
        status: input.status,
        tier: input.tier ?? null,
        tierLocked: input.tierLocked ?? false,
        categories: input.categories,
        voucherCodes: input.voucherCodes,
        taxProfile: {
          hasLabourContract3m: input.taxProfile?.hasLabourContract3m ?? false,
          commitment08: input.taxProfile?.commitment08 ?? false,
          taxCode: input.taxProfile?.taxCode ?? null,
        },
        bio: input.bio ?? null,
        avatarUrl: input.avatarUrl ?? null,
        contacts: input.contacts ?? {},
      },
      now,
    );
    await repo.insertStatusChange(trx, principal.orgId, {
      kosId: id,
      at: now,
      from: null,
      to: input.status,
      by: actorOf(principal),
      reason,
    });
    await kosChanged(trx, principal.orgId, [id]);
  });
  return presentOne(db, principal.orgId, (await repo.findKos(db, principal.orgId, id)) as Kos);
}

export async function patchKos(
  db: Db,
  principal: Principal,
  id: string,
  patch: KosPatch,
  now = Date.now(),
  publicUrl = DEFAULT_PUBLIC_URL,
): Promise<KosOut> {
  const kos = await getKosOrThrow(db, principal, id);
  if (principal.role === 'kos') {
    const other = Object.keys(patch).find((key) => !(SELF_EDITABLE as readonly string[]).includes(key));
    if (other)
      throw forbidden(
        problem('kos.self_edit.denied', { fields: SELF_EDITABLE, field: other }),
        `a KOS may change only ${SELF_EDITABLE.join(', ')} on their own record (not ${other})`,
      );
  } else requireRole(principal, EDITORS);
  if (patch.unitId !== undefined && patch.unitId !== kos.unitId) {
    if (patch.unitId) await requireUnitExists(db, principal.orgId, patch.unitId);
    requireUnitInScope(await resolveScope(db, principal), patch.unitId);
  }
  await requireUnique(db, principal.orgId, kos, patch);
  const taxProfile = patch.taxProfile
    ? {
        hasLabourContract3m: patch.taxProfile.hasLabourContract3m ?? kos.taxProfile.hasLabourContract3m,
        commitment08: patch.taxProfile.commitment08 ?? kos.taxProfile.commitment08,
        taxCode: patch.taxProfile.taxCode !== undefined ? patch.taxProfile.taxCode : kos.taxProfile.taxCode,
      }
    : undefined;
  await withTransaction(db, async (trx) => {
    await repo.updateKos(trx, principal.orgId, id, { ...patch, taxProfile }, now);
    if (patch.status !== undefined && patch.status !== kos.status)
      await repo.insertStatusChange(trx, principal.orgId, {
        kosId: id,
        at: now,
        from: kos.status,
        to: patch.status,
        by: actorOf(principal),
        reason: 'manual',
      });
    if (patch.tier !== undefined && patch.tier !== kos.tier) {
      await tierSetByHand(trx, principal.orgId, [{ kosId: id, from: kos.tier, to: patch.tier }], now);
      await kosChanged(trx, principal.orgId, [id]);
    } else if (
      (patch.relationship !== undefined && patch.relationship !== kos.relationship) ||
      (patch.unitId !== undefined && patch.unitId !== kos.unitId) ||
      (patch.status !== undefined && patch.status !== kos.status)
    )
      await kosChanged(trx, principal.orgId, [id]); // once per change, tier or not (docs/training.md)
    await settleOnboarding(trx, principal, id, publicUrl, now);
  });
  return presentOne(db, principal.orgId, (await repo.findKos(db, principal.orgId, id)) as Kos);
}

/** KOS answers with their status history (docs/matrix.md "Status history"). */
export async function presentKos(db: Db, orgId: string, list: Kos[]): Promise<KosOut[]> {
  const histories = await repo.statusHistories(
    db,
    orgId,
    list.map((k) => k.id),
  );
  return list.map((k) => ({ ...k, statusHistory: histories.get(k.id) ?? [] }));
}
async function presentOne(db: Db, orgId: string, kos: Kos): Promise<KosOut> {
  return (await presentKos(db, orgId, [kos]))[0] as KosOut;
}

/** `GET /kos/{id}`: the KOS with its status history. */
export async function getKosOut(db: Db, principal: Principal, id: string): Promise<KosOut> {
  return presentOne(db, principal.orgId, await getKosOrThrow(db, principal, id));
}

/** `GET /kos/{id}/onboarding`: the five steps (a KOS member reads their own). */
export async function getOnboarding(
  db: Db,
  principal: Principal,
  id: string,
  publicUrl = DEFAULT_PUBLIC_URL,
  now = Date.now(),
): Promise<Onboarding> {
  const kos = await getKosOrThrow(db, principal, id);
  return onboardingOf(db, principal.orgId, kos, publicUrl, now);
}

async function requireUnique(
  db: Db,
  orgId: string,
  current: Kos | null,
  input: { code?: string; handle?: string; voucherCodes?: string[] },
): Promise<void> {
  if (input.code && input.code !== current?.code) {
    const other = await repo.findKosByCode(db, orgId, input.code);
    if (other)
      throw conflict(
        problem('kos.code.taken', { code: input.code }),
        `KOS code ${input.code} is taken in this organisation`,
        'code',
      );
  }
  if (input.handle && input.handle !== current?.handle && (await repo.findKosByHandle(db, input.handle))) {
    throw conflict(problem('kos.handle.taken', { handle: input.handle }), `handle ${input.handle} is taken`, 'handle');
  }
  const held = await repo.vouchersHeldByOthers(db, orgId, input.voucherCodes ?? [], current?.id ?? null);
  if (held.length)
    throw conflict(
      problem('kos.voucher_codes.taken', { codes: held }),
      `voucher code(s) ${held.join(', ')} belong to another KOS`,
      'voucherCodes',
    );
}

/** KOS codes and voucher codes of the org (upper-cased) → KOS id, for attribution. */
export async function attributionKeys(
  db: Db,
  orgId: string,
): Promise<{ kosByCode: Map<string, string>; kosByVoucher: Map<string, string> }> {
  const codes = await db.selectFrom('kos').select(['id', 'code']).where('org_id', '=', orgId).execute();
  const vouchers = await db.selectFrom('kos_vouchers').select(['kos_id', 'code_norm']).where('org_id', '=', orgId).execute();
  return {
    kosByCode: new Map(codes.map((k) => [k.code.toUpperCase(), k.id])),
    kosByVoucher: new Map(vouchers.map((v) => [v.code_norm, v.kos_id])),
  };
}

/** KOS id → code for the given ids of the org (to show codes beside ids). */
export async function kosCodes(db: Db, orgId: string, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('kos').select(['id', 'code']).where('org_id', '=', orgId).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}

/**
 * Sets the tiers a recompute decided, in the caller's transaction, and tells the listeners that these KOS
 * may have entered an audience (docs/tiers.md). The tiers feature keeps the history; kos owns the column.
 */
export async function applyTierChanges(
  trx: Db,
  orgId: string,
  changes: readonly { kosId: string; to: Kos['tier'] }[],
  now = Date.now(),
): Promise<void> {
  if (changes.length === 0) return;
  await repo.setTiers(trx, orgId, changes, now);
  await kosChanged(
    trx,
    orgId,
    changes.map((c) => c.kosId),
  );
}

/** Unit, relationship and tier of the given KOS (for choosing their commission plan). */
export async function kosPlanFacts(
  db: Db,
  orgId: string,
  ids: string[],
): Promise<Map<string, { id: string; unitId: string | null; relationship: Kos['relationship']; tier: Kos['tier'] }>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('kos')
    .select(['id', 'unit_id', 'relationship', 'tier'])
    .where('org_id', '=', orgId)
    .where('id', 'in', wanted)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, unitId: r.unit_id, relationship: r.relationship as Kos['relationship'], tier: r.tier as Kos['tier'] },
    ]),
  );
}

/**
 * The ids of the KOS the caller may see — or undefined when the caller sees the whole org, so lists of
 * records that belong to a KOS (links, sessions, lines, entries, payouts) need no filter.
 */
export async function visibleKosIds(db: Db, principal: Principal, unitId?: string): Promise<string[] | undefined> {
  if (!unitId && (await resolveScope(db, principal)).kind === 'org') return undefined;
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listKos(db, principal, { limit: 500, cursor, unitId });
    ids.push(...page.items.map((k) => k.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/**
 * The KOS a list is about: the `kosId` filter (checked for scope), else the KOS of `unitId`'s subtree,
 * else every KOS the caller may see (undefined: the whole org).
 */
export async function kosFilter(
  db: Db,
  principal: Principal,
  kosId: string | undefined,
  unitId?: string,
): Promise<string[] | undefined> {
  const inUnit = unitId ? await visibleKosIds(db, principal, unitId) : undefined;
  if (!kosId) return inUnit ?? visibleKosIds(db, principal);
  const kos = await getKosOrThrow(db, principal, kosId);
  return !inUnit || inUnit.includes(kos.id) ? [kos.id] : [];
}
