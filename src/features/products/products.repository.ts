import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ProductsTable } from '../../db/schema.js';
import { parseJson } from '../../lib/json.js';
import { toIso } from '../../lib/schemas.js';
import { foldText } from '../../lib/text.js';
import type { Product } from './products.schema.js';

type ProductRow = Omit<Product, 'id' | 'currency' | 'createdAt' | 'updatedAt'>;

const toProduct = (row: Selectable<ProductsTable> & { currency: string }): Product => ({
  id: row.id,
  sku: row.sku,
  name: row.name,
  category: row.category,
  priceMinor: row.price_minor,
  currency: row.currency,
  stock: row.stock,
  usp: row.usp,
  faqs: parseJson(row.faqs, []),
  platformIds: parseJson(row.platform_ids, {}),
  deliveryDays: row.delivery_days,
  url: row.url,
  createdAt: toIso(row.created_at),
  updatedAt: toIso(row.updated_at),
});

const selectProducts = (db: Db, orgId: string) =>
  db
    .selectFrom('products')
    .innerJoin('orgs', 'orgs.id', 'products.org_id')
    .selectAll('products')
    .select('orgs.currency')
    .where('products.org_id', '=', orgId);

export async function listProducts(
  db: Db,
  orgId: string,
  f: { after?: string; limit: number; q?: string; category?: string },
): Promise<Product[]> {
  const page = (after: string | undefined, limit: number) => {
    let query = selectProducts(db, orgId);
    if (after) query = query.where('products.id', '>', after);
    if (f.category) query = query.where('products.category', '=', f.category);
    return query.orderBy('products.id').limit(limit).execute();
  };
  if (!f.q) return (await page(f.after, f.limit)).map(toProduct);
  // `q` is matched here rather than with SQL LIKE: SQLite's lower() folds only ASCII (`Đèn` stayed
  // `Đèn`) and has no default LIKE escape, so both dialects now fold case and tones the same way.
  const needle = foldText(f.q);
  const found: Product[] = [];
  for (let after = f.after; ; ) {
    const rows = await page(after, SCAN_BATCH);
    for (const row of rows) {
      if (foldText(row.sku).includes(needle) || foldText(row.name).includes(needle)) found.push(toProduct(row));
      if (found.length === f.limit) return found;
    }
    if (rows.length < SCAN_BATCH) return found;
    after = rows.at(-1)?.id;
  }
}

const SCAN_BATCH = 500;

export async function findProduct(db: Db, orgId: string, id: string): Promise<Product | undefined> {
  const row = await selectProducts(db, orgId).where('products.id', '=', id).executeTakeFirst();
  return row && toProduct(row);
}

export async function findProductBySku(db: Db, orgId: string, sku: string): Promise<Product | undefined> {
  const row = await selectProducts(db, orgId).where('products.sku', '=', sku).executeTakeFirst();
  return row && toProduct(row);
}

const toRow = (p: Partial<ProductRow>) => ({
  ...(p.sku !== undefined ? { sku: p.sku } : {}),
  ...(p.name !== undefined ? { name: p.name } : {}),
  ...(p.category !== undefined ? { category: p.category } : {}),
  ...(p.priceMinor !== undefined ? { price_minor: p.priceMinor } : {}),
  ...(p.stock !== undefined ? { stock: p.stock } : {}),
  ...(p.usp !== undefined ? { usp: p.usp } : {}),
  ...(p.faqs !== undefined ? { faqs: JSON.stringify(p.faqs) } : {}),
  ...(p.platformIds !== undefined ? { platform_ids: JSON.stringify(p.platformIds) } : {}),
  ...(p.deliveryDays !== undefined ? { delivery_days: p.deliveryDays } : {}),
  ...(p.url !== undefined ? { url: p.url } : {}),
});

export async function insertProduct(db: Db, orgId: string, id: string, p: ProductRow, now: number): Promise<void> {
  const row = toRow(p) as Omit<Selectable<ProductsTable>, 'id' | 'org_id' | 'created_at' | 'updated_at'>;
  await db
    .insertInto('products')
    .values({ ...row, id, org_id: orgId, created_at: now, updated_at: now })
    .execute();
}

export async function updateProduct(db: Db, orgId: string, id: string, p: Partial<ProductRow>, now: number): Promise<void> {
  await db
    .updateTable('products')
    .set({ ...toRow(p), updated_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}
