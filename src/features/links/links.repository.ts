import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { LinksTable } from '../../db/schema.js';

/** A link as stored (times in epoch ms); the service adds the short URL and click counts. */
export interface LinkRecord {
  id: string;
  orgId: string;
  kosId: string;
  productId: string | null;
  slug: string;
  destinationUrl: string;
  campaign: string | null;
  title: string | null;
  disabled: boolean;
  expiresAt: number | null;
  createdAt: number;
  updatedAt: number;
}

/** What the redirect needs to answer for a slug, in one lookup. */
export interface LinkTarget {
  linkId: string;
  orgId: string;
  kosId: string;
  kosCode: string;
  slug: string;
  destinationUrl: string;
  disabled: boolean;
  expiresAt: number | null;
  timezone: string;
  locale: string;
}

const toRecord = (row: Selectable<LinksTable>): LinkRecord => ({
  id: row.id,
  orgId: row.org_id,
  kosId: row.kos_id,
  productId: row.product_id,
  slug: row.slug,
  destinationUrl: row.destination_url,
  campaign: row.campaign,
  title: row.title,
  disabled: row.disabled === 1,
  expiresAt: row.expires_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export interface LinkFilter {
  after?: string;
  limit: number;
  kosIds?: readonly string[];
  productId?: string;
  campaign?: string;
  disabled?: boolean;
}

export async function listLinks(db: Db, orgId: string, f: LinkFilter): Promise<LinkRecord[]> {
  let query = db.selectFrom('links').selectAll().where('org_id', '=', orgId);
  if (f.after) query = query.where('id', '>', f.after);
  if (f.kosIds) query = f.kosIds.length ? query.where('kos_id', 'in', f.kosIds) : query.where((eb) => eb.lit(false));
  if (f.productId) query = query.where('product_id', '=', f.productId);
  if (f.campaign) query = query.where('campaign', '=', f.campaign);
  if (f.disabled !== undefined) query = query.where('disabled', '=', f.disabled ? 1 : 0);
  return (await query.orderBy('id').limit(f.limit).execute()).map(toRecord);
}

export async function findLink(db: Db, orgId: string, id: string): Promise<LinkRecord | undefined> {
  const row = await db.selectFrom('links').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  return (await db.selectFrom('links').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

export async function findLinkTarget(db: Db, slug: string): Promise<LinkTarget | null> {
  const row = await db
    .selectFrom('links')
    .innerJoin('kos', 'kos.id', 'links.kos_id')
    .innerJoin('orgs', 'orgs.id', 'links.org_id')
    .select([
      'links.id',
      'links.org_id',
      'links.kos_id',
      'kos.code',
      'links.slug',
      'links.destination_url',
      'links.disabled',
      'links.expires_at',
      'orgs.timezone',
      'orgs.locale',
    ])
    .where('links.slug', '=', slug)
    .executeTakeFirst();
  if (!row) return null;
  return {
    linkId: row.id,
    orgId: row.org_id,
    kosId: row.kos_id,
    kosCode: row.code,
    slug: row.slug,
    destinationUrl: row.destination_url,
    disabled: row.disabled === 1,
    expiresAt: row.expires_at,
    timezone: row.timezone,
    locale: row.locale,
  };
}

/** Enabled, unexpired links of a KOS with their product's name and price (for the bio page). */
export async function liveLinksOfKos(db: Db, kosId: string, now: number) {
  return db
    .selectFrom('links')
    .leftJoin('products', 'products.id', 'links.product_id')
    .select([
      'links.id',
      'links.slug',
      'links.title',
      'links.destination_url',
      'products.name as product_name',
      'products.price_minor',
    ])
    .where('links.kos_id', '=', kosId)
    .where('links.disabled', '=', 0)
    .where((eb) => eb.or([eb('links.expires_at', 'is', null), eb('links.expires_at', '>', now)]))
    .orderBy('links.id')
    .limit(200)
    .execute();
}

export async function insertLink(db: Db, link: LinkRecord): Promise<void> {
  await db
    .insertInto('links')
    .values({
      id: link.id,
      org_id: link.orgId,
      kos_id: link.kosId,
      product_id: link.productId,
      slug: link.slug,
      destination_url: link.destinationUrl,
      campaign: link.campaign,
      title: link.title,
      disabled: link.disabled ? 1 : 0,
      expires_at: link.expiresAt,
      created_at: link.createdAt,
      updated_at: link.updatedAt,
    })
    .execute();
}

export async function updateLink(db: Db, orgId: string, id: string, p: Partial<LinkRecord>, now: number): Promise<void> {
  await db
    .updateTable('links')
    .set({
      ...(p.destinationUrl !== undefined ? { destination_url: p.destinationUrl } : {}),
      ...(p.slug !== undefined ? { slug: p.slug } : {}),
      ...(p.productId !== undefined ? { product_id: p.productId } : {}),
      ...(p.campaign !== undefined ? { campaign: p.campaign } : {}),
      ...(p.title !== undefined ? { title: p.title } : {}),
      ...(p.disabled !== undefined ? { disabled: p.disabled ? 1 : 0 } : {}),
      ...(p.expiresAt !== undefined ? { expires_at: p.expiresAt } : {}),
      updated_at: now,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}
