import type { Db } from '../../db/database.js';
import { conflict, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import { problem } from '../../lib/problems/problem.js';
import type { Principal } from '../access/access.js';
import { ADMINS, requireRole } from '../access/access.js';
import * as repo from './products.repository.js';
import type { Product, ProductCreate, ProductPatch } from './products.schema.js';

/** The catalogue is org-wide: every role may read it; owners and admins change it. */
export async function listProducts(
  db: Db,
  principal: Principal,
  query: PageQuery & { q?: string; category?: string },
): Promise<Page<Product>> {
  const rows = await repo.listProducts(db, principal.orgId, {
    after: cursorAfter(query.cursor),
    limit: query.limit + 1,
    q: query.q,
    category: query.category,
  });
  return toPage(rows, query.limit);
}

export async function getProductOrThrow(db: Db, principal: Principal, id: string): Promise<Product> {
  const product = await repo.findProduct(db, principal.orgId, id);
  if (!product) throw notFound('product');
  return product;
}

/** The org's product with this SKU, if any. */
export function findProductBySku(db: Db, orgId: string, sku: string) {
  return repo.findProductBySku(db, orgId, sku);
}

export async function createProduct(db: Db, principal: Principal, input: ProductCreate, now = Date.now()): Promise<Product> {
  requireRole(principal, ADMINS);
  await requireFreeSku(db, principal.orgId, input.sku, null);
  const id = newId();
  await repo.insertProduct(
    db,
    principal.orgId,
    id,
    {
      sku: input.sku,
      name: input.name,
      priceMinor: input.priceMinor,
      category: input.category ?? null,
      stock: input.stock ?? null,
      usp: input.usp ?? null,
      faqs: input.faqs,
      platformIds: input.platformIds,
      deliveryDays: input.deliveryDays ?? null,
      url: input.url ?? null,
    },
    now,
  );
  return (await repo.findProduct(db, principal.orgId, id)) as Product;
}

export async function patchProduct(
  db: Db,
  principal: Principal,
  id: string,
  patch: ProductPatch,
  now = Date.now(),
): Promise<Product> {
  const product = await getProductOrThrow(db, principal, id);
  requireRole(principal, ADMINS);
  if (patch.sku !== undefined) await requireFreeSku(db, principal.orgId, patch.sku, product.id);
  await repo.updateProduct(db, principal.orgId, id, patch, now);
  return (await repo.findProduct(db, principal.orgId, id)) as Product;
}

async function requireFreeSku(db: Db, orgId: string, sku: string, selfId: string | null): Promise<void> {
  const other = await repo.findProductBySku(db, orgId, sku);
  if (other && other.id !== selfId)
    throw conflict(problem('product.sku.taken', { sku }), `SKU ${sku} is already in the catalogue`, 'sku');
}

/** Platform product id → catalogue SKU (e.g. a Shopee item id), for importers. */
export async function skuByPlatformId(
  db: Db,
  orgId: string,
  platform: 'shopee' | 'tiktok_shop' | 'lazada',
): Promise<Map<string, string>> {
  const rows = await db.selectFrom('products').select(['sku', 'platform_ids']).where('org_id', '=', orgId).execute();
  const map = new Map<string, string>();
  for (const row of rows) {
    const id = (JSON.parse(row.platform_ids) as Record<string, string | undefined>)[platform];
    if (id) map.set(id, row.sku);
  }
  return map;
}
