import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { KosTable } from '../../db/schema.js';
import { parseJson } from '../../lib/json.js';
import { toIso } from '../../lib/schemas.js';
import { foldText } from '../../lib/text.js';
import { type KosStatus, normaliseVoucher, type Relationship, type Tier } from './kos.js';
import type { Kos } from './kos.schema.js';

const toKos = (row: Selectable<KosTable>): Kos => ({
  id: row.id,
  code: row.code,
  handle: row.handle,
  name: row.name,
  relationship: row.relationship as Relationship,
  unitId: row.unit_id,
  status: row.status as KosStatus,
  tier: row.tier as Tier | null,
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
