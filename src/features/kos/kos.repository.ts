import type { Selectable } from 'kysely';
import { type Db, eachChunk } from '../../db/database.js';
import type { KosTable } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { parseJson } from '../../lib/json.js';
import { toIso } from '../../lib/schemas.js';
import { foldText } from '../../lib/text.js';
import { type KosStatus, normaliseVoucher, type Relationship, type StatusReason, type Tier } from './kos.js';
import type { Kos, StatusChange } from './kos.schema.js';

const toKos = (row: Selectable<KosTable>): Kos => ({
  id: row.id,
  code: row.code,
  handle: row.handle,
  name: row.name,
  relationship: row.relationship as Relationship,
  unitId: row.unit_id,
  status: row.status as KosStatus,
  tier: row.tier as Tier | null,
  tierLocked: row.tier_locked === 1,
  categories: parseJson<string[]>(row.categories, []),
  voucherCodes: parseJson<string[]>(row.voucher_codes, []),
  taxProfile: {
    hasLabourContract3m: row.tax_has_labour_contract_3m === 1,
    commitment08: row.tax_commitment_08 === 1,
    taxCode: row.tax_code,
  },
  bio: row.bio,
  avatarUrl: row.avatar_url,
  contacts: parseJson(row.contacts, {}),
  createdAt: toIso(row.created_at),
  updatedAt: toIso(row.updated_at),
});

export interface KosFilter {
  after?: string;
  limit: number;
  q?: string;
  status?: string;
  tier?: string;
  relationship?: string;
  /** Only KOS in these units (a scope or a unit filter); an empty list matches nothing. */
  unitIds?: readonly string[];
  kosId?: string;
}

export async function listKos(db: Db, orgId: string, f: KosFilter): Promise<Kos[]> {
  const page = (after: string | undefined, limit: number) => {
    let query = db.selectFrom('kos').selectAll().where('org_id', '=', orgId);
    if (after) query = query.where('id', '>', after);
    if (f.status) query = query.where('status', '=', f.status);
    if (f.tier) query = query.where('tier', '=', f.tier);
    if (f.relationship) query = query.where('relationship', '=', f.relationship);
    if (f.kosId) query = query.where('id', '=', f.kosId);
    if (f.unitIds) query = f.unitIds.length ? query.where('unit_id', 'in', f.unitIds) : query.where((eb) => eb.lit(false));
    return query.orderBy('id').limit(limit).execute();
  };
  if (!f.q) return (await page(f.after, f.limit)).map(toKos);
  // `q` is matched here rather than with SQL LIKE: SQLite's lower() folds only ASCII (`Đức` stayed
  // `Đức`) and has no default LIKE escape, so both dialects now fold case and tones the same way.
  const needle = foldText(f.q);
  const found: Kos[] = [];
  for (let after = f.after; ; ) {
    const rows = await page(after, SCAN_BATCH);
    for (const row of rows) {
      if ([row.code, row.name, row.handle].some((v) => foldText(v).includes(needle))) found.push(toKos(row));
      if (found.length === f.limit) return found;
    }
    if (rows.length < SCAN_BATCH) return found;
    after = rows.at(-1)?.id;
  }
}

const SCAN_BATCH = 500;

export async function findKos(db: Db, orgId: string, id: string): Promise<Kos | undefined> {
  const row = await db.selectFrom('kos').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row && toKos(row);
}

export async function findKosByCode(db: Db, orgId: string, code: string): Promise<Kos | undefined> {
  const row = await db
    .selectFrom('kos')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('code', '=', code.toUpperCase())
    .executeTakeFirst();
  return row && toKos(row);
}

/** The KOS of the instance with this handle (handles are unique across orgs: they are bio URLs). */
export async function findKosByHandle(db: Db, handle: string): Promise<{ id: string; orgId: string } | undefined> {
  const row = await db.selectFrom('kos').select(['id', 'org_id']).where('handle', '=', handle).executeTakeFirst();
  return row && { id: row.id, orgId: row.org_id };
}

/** Which of the codes another KOS of the org already holds. */
export async function vouchersHeldByOthers(db: Db, orgId: string, codes: string[], kosId: string | null): Promise<string[]> {
  if (codes.length === 0) return [];
  let query = db
    .selectFrom('kos_vouchers')
    .select('code_norm')
    .where('org_id', '=', orgId)
    .where('code_norm', 'in', codes.map(normaliseVoucher));
  if (kosId) query = query.where('kos_id', '!=', kosId);
  return (await query.execute()).map((r) => r.code_norm);
}

export type KosRow = Omit<Kos, 'id' | 'createdAt' | 'updatedAt'>;

const toRow = (k: Partial<KosRow>) => ({
  ...(k.code !== undefined ? { code: k.code } : {}),
  ...(k.handle !== undefined ? { handle: k.handle } : {}),
  ...(k.name !== undefined ? { name: k.name } : {}),
  ...(k.relationship !== undefined ? { relationship: k.relationship } : {}),
  ...(k.unitId !== undefined ? { unit_id: k.unitId } : {}),
  ...(k.status !== undefined ? { status: k.status } : {}),
  ...(k.tier !== undefined ? { tier: k.tier } : {}),
  ...(k.tierLocked !== undefined ? { tier_locked: k.tierLocked ? 1 : 0 } : {}),
  ...(k.categories !== undefined ? { categories: JSON.stringify(k.categories) } : {}),
  ...(k.voucherCodes !== undefined ? { voucher_codes: JSON.stringify(k.voucherCodes) } : {}),
  ...(k.taxProfile !== undefined
    ? {
        tax_has_labour_contract_3m: k.taxProfile.hasLabourContract3m ? 1 : 0,
        tax_commitment_08: k.taxProfile.commitment08 ? 1 : 0,
        tax_code: k.taxProfile.taxCode,
      }
    : {}),
  ...(k.bio !== undefined ? { bio: k.bio } : {}),
  ...(k.avatarUrl !== undefined ? { avatar_url: k.avatarUrl } : {}),
  ...(k.contacts !== undefined ? { contacts: JSON.stringify(k.contacts) } : {}),
});

export async function insertKos(db: Db, orgId: string, id: string, kos: KosRow, now: number): Promise<void> {
  const row = toRow(kos) as ReturnType<typeof toRow> & Required<Pick<ReturnType<typeof toRow>, 'code'>>;
  await db
    .insertInto('kos')
    .values({ ...(row as Selectable<KosTable>), id, org_id: orgId, created_at: now, updated_at: now })
    .execute();
  await replaceVouchers(db, orgId, id, kos.voucherCodes);
}

export async function updateKos(db: Db, orgId: string, id: string, patch: Partial<KosRow>, now: number): Promise<void> {
  await db
    .updateTable('kos')
    .set({ ...toRow(patch), updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  if (patch.voucherCodes) await replaceVouchers(db, orgId, id, patch.voucherCodes);
}

async function replaceVouchers(db: Db, orgId: string, kosId: string, codes: string[]): Promise<void> {
  await db.deleteFrom('kos_vouchers').where('org_id', '=', orgId).where('kos_id', '=', kosId).execute();
  const unique = [...new Set(codes.map(normaliseVoucher))];
  if (unique.length) {
    await db
      .insertInto('kos_vouchers')
      .values(unique.map((code_norm) => ({ org_id: orgId, code_norm, kos_id: kosId })))
      .execute();
  }
}

export async function insertStatusChange(
  db: Db,
  orgId: string,
  c: { kosId: string; at: number; from: string | null; to: string; by: string | null; reason: StatusReason },
): Promise<void> {
  await db
    .insertInto('kos_status_history')
    .values({
      id: newId(),
      org_id: orgId,
      kos_id: c.kosId,
      at: c.at,
      from_status: c.from,
      to_status: c.to,
      by: c.by,
      reason: c.reason,
    })
    .execute();
}

/** KOS id → its status changes, oldest first. */
export async function statusHistories(db: Db, orgId: string, kosIds: readonly string[]): Promise<Map<string, StatusChange[]>> {
  const out = new Map<string, StatusChange[]>();
  if (kosIds.length === 0) return out;
  const rows = await db
    .selectFrom('kos_status_history')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('kos_id', 'in', [...new Set(kosIds)])
    .orderBy('at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.kos_id) ?? [];
    list.push({
      at: toIso(r.at),
      from: r.from_status as KosStatus | null,
      to: r.to_status as KosStatus,
      by: r.by,
      reason: r.reason as StatusReason,
    });
    out.set(r.kos_id, list);
  }
  return out;
}

/** The org's brand kit as stored (orgs owns the column; read here for the audit and onboarding). */
export async function brandKitOf(db: Db, orgId: string): Promise<{ brandWords: string[]; targetPlatforms: string[] }> {
  const row = await db.selectFrom('orgs').select('brand_kit').where('id', '=', orgId).executeTakeFirst();
  const kit = parseJson<{ brandWords?: string[]; targetPlatforms?: string[] }>(row?.brand_kit ?? null, {});
  return { brandWords: kit.brandWords ?? [], targetPlatforms: kit.targetPlatforms ?? [] };
}

/** Handles of these KOS and the slugs of their enabled, unexpired links (for the audit's `link` item). */
export async function auditTargets(
  db: Db,
  orgId: string,
  kosIds: readonly string[],
  now: number,
): Promise<Map<string, { handle: string; slugs: string[] }>> {
  const out = new Map<string, { handle: string; slugs: string[] }>();
  if (kosIds.length === 0) return out;
  const ids = [...new Set(kosIds)];
  for (const k of await db
    .selectFrom('kos')
    .select(['id', 'handle'])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute())
    out.set(k.id, { handle: k.handle, slugs: [] });
  const links = await db
    .selectFrom('links')
    .select(['kos_id', 'slug'])
    .where('org_id', '=', orgId)
    .where('kos_id', 'in', ids)
    .where('disabled', '=', 0)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .execute();
  for (const l of links) out.get(l.kos_id)?.slugs.push(l.slug);
  return out;
}

/** The fields of a KOS's accounts the onboarding audit reads (accounts owns the table). */
export async function auditedAccountsOf(db: Db, orgId: string, kosId: string) {
  const rows = await db
    .selectFrom('platform_accounts')
    .select(['platform', 'display_name', 'bio', 'link_in_bio', 'avatar_ok', 'pinned_ok'])
    .where('org_id', '=', orgId)
    .where('kos_id', '=', kosId)
    .execute();
  return rows.map((r) => ({
    platform: r.platform,
    displayName: r.display_name,
    bio: r.bio,
    linkInBio: r.link_in_bio,
    avatarOk: r.avatar_ok === null ? null : r.avatar_ok === 1,
    pinnedOk: r.pinned_ok === null ? null : r.pinned_ok === 1,
  }));
}

export async function linkCountOf(db: Db, orgId: string, kosId: string): Promise<number> {
  const row = await db
    .selectFrom('links')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('org_id', '=', orgId)
    .where('kos_id', '=', kosId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Required, published courses assigned to the KOS and not completed (the onboarding `training` step,
 * docs/matrix.md and docs/training.md): read from the training feature's tables.
 */
export async function openRequiredCoursesOf(db: Db, orgId: string, kosId: string): Promise<number> {
  const row = await db
    .selectFrom('enrolments as e')
    .innerJoin('courses as c', 'c.id', 'e.course_id')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('e.org_id', '=', orgId)
    .where('e.kos_id', '=', kosId)
    .where('e.status', '!=', 'completed')
    .where('c.required', '=', 1)
    .where('c.published', '=', 1)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Sets the tiers a recompute decided (docs/tiers.md); nothing else of the KOS changes. */
export async function setTiers(
  db: Db,
  orgId: string,
  changes: readonly { kosId: string; to: Tier | null }[],
  now: number,
): Promise<void> {
  // One statement per target tier and chunk of ids, not one per KOS (a recompute may move thousands).
  const byTier = new Map<Tier | null, string[]>();
  for (const c of changes) {
    const ids = byTier.get(c.to) ?? [];
    ids.push(c.kosId);
    byTier.set(c.to, ids);
  }
  for (const [tier, ids] of byTier)
    await eachChunk(ids, (slice) =>
      db.updateTable('kos').set({ tier, updated_at: now }).where('org_id', '=', orgId).where('id', 'in', slice).execute(),
    );
}

export async function kosIdsInStatus(db: Db, orgId: string, status: string): Promise<string[]> {
  return (await db.selectFrom('kos').select('id').where('org_id', '=', orgId).where('status', '=', status).execute()).map(
    (r) => r.id,
  );
}
