import { type Db, withTransaction } from '../../db/database.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { cursorAfter, type Page, type PageQuery, toPage } from '../../lib/pagination.js';
import { problem } from '../../lib/problems/problem.js';
import { toIso } from '../../lib/schemas.js';
import type { Principal } from '../access/access.js';
import { EDITORS, requireRole } from '../access/access.js';
import { linkClickCounts } from '../clicks/clicks.service.js';
import { getKosOrThrow, kosFilter } from '../kos/kos.service.js';
import { settleOnboarding } from '../kos/kos-onboarding.service.js';
import { getProductOrThrow } from '../products/products.service.js';
import { generateSlug } from './links.js';
import * as repo from './links.repository.js';
import type { Link, LinkCreate, LinkPatch, OwnLinkCreate } from './links.schema.js';

/** What link use-cases need besides the database: the public base URL and the redirect cache. */
export interface LinksContext {
  publicUrl: string;
  invalidate(slug: string): void;
}

/** What the redirect needs of a slug's link (destination, KOS code, org zone), or null. */
export function findLinkTarget(db: Db, slug: string) {
  return repo.findLinkTarget(db, slug);
}
/** A KOS's enabled, unexpired links (the bio page lists them). */
export function liveLinksOfKos(db: Db, kosId: string, now: number) {
  return repo.liveLinksOfKos(db, kosId, now);
}

export async function listLinks(
  db: Db,
  ctx: LinksContext,
  principal: Principal,
  query: PageQuery & { kosId?: string; productId?: string; campaign?: string; disabled?: 'true' | 'false' },
): Promise<Page<Link>> {
  const kosIds = await kosFilter(db, principal, query.kosId);
  const rows = await repo.listLinks(db, principal.orgId, {
    after: cursorAfter(query.cursor),
    limit: query.limit + 1,
    kosIds,
    productId: query.productId,
    campaign: query.campaign,
    disabled: query.disabled === undefined ? undefined : query.disabled === 'true',
  });
  const page = toPage(rows, query.limit);
  return { items: await present(db, ctx, page.items), nextCursor: page.nextCursor };
}

/** The link, 404 when it is not this org's, 403 when its KOS is outside the caller's scope. */
export async function getLinkOrThrow(db: Db, ctx: LinksContext, principal: Principal, id: string): Promise<Link> {
  const [link] = await present(db, ctx, [await findOwnLink(db, principal, id)]);
  return link as Link;
}

export async function createLink(
  db: Db,
  ctx: LinksContext,
  principal: Principal,
  input: LinkCreate,
  now = Date.now(),
): Promise<Link> {
  await getKosOrThrow(db, principal, input.kosId);
  requireRole(principal, EDITORS);
  if (input.productId) await requireProduct(db, principal, input.productId);
  if (input.slug && (await repo.slugTaken(db, input.slug)))
    throw conflict(problem('link.slug.taken', { slug: input.slug }), `slug ${input.slug} is taken`, 'slug');
  return insert(
    db,
    ctx,
    principal,
    {
      kosId: input.kosId,
      productId: input.productId ?? null,
      slug: input.slug ?? (await freeSlug(db)),
      destinationUrl: input.destinationUrl,
      campaign: input.campaign ?? null,
      title: input.title ?? null,
      disabled: input.disabled,
      expiresAt: input.expiresAt ? Date.parse(input.expiresAt) : null,
    },
    now,
  );
}

/**
 * A KOS member's link for themselves (docs/portal.md "Own links"): only their own KOS, to a catalogue
 * product, whose `url` is the destination (422 `link.product.no_url` when it has none); slug generated,
 * no campaign, enabled, no expiry. Only role `kos` makes links this way.
 */
export async function createOwnLink(
  db: Db,
  ctx: LinksContext,
  principal: Principal,
  input: OwnLinkCreate,
  now = Date.now(),
): Promise<Link> {
  requireRole(principal, ['kos']);
  const kosId = input.kosId ?? principal.kosId ?? '';
  await getKosOrThrow(db, principal, kosId);
  const product = await requireProduct(db, principal, input.productId);
  if (!product.url)
    throw invalid('productId', problem('link.product.no_url', { sku: product.sku }), `product ${product.sku} has no url`);
  return insert(
    db,
    ctx,
    principal,
    {
      kosId,
      productId: product.id,
      slug: await freeSlug(db),
      destinationUrl: product.url,
      campaign: null,
      title: input.title ?? null,
      disabled: false,
      expiresAt: null,
    },
    now,
  );
}

async function insert(
  db: Db,
  ctx: LinksContext,
  principal: Principal,
  fields: Omit<repo.LinkRecord, 'id' | 'orgId' | 'createdAt' | 'updatedAt'>,
  now: number,
): Promise<Link> {
  const record: repo.LinkRecord = { id: newId(), orgId: principal.orgId, ...fields, createdAt: now, updatedAt: now };
  await withTransaction(db, async (trx) => {
    await repo.insertLink(trx, record);
    // A first link completes the onboarding step `firstLink` (docs/matrix.md "Onboarding").
    await settleOnboarding(trx, principal, record.kosId, ctx.publicUrl, now);
  });
  ctx.invalidate(record.slug);
  return getLinkOrThrow(db, ctx, principal, record.id);
}

export async function patchLink(
  db: Db,
  ctx: LinksContext,
  principal: Principal,
  id: string,
  patch: LinkPatch,
  now = Date.now(),
): Promise<Link> {
  const link = await findOwnLink(db, principal, id);
  requireRole(principal, EDITORS);
  if (patch.productId) await requireProduct(db, principal, patch.productId);
  if (patch.slug && patch.slug !== link.slug && (await repo.slugTaken(db, patch.slug)))
    throw conflict(problem('link.slug.taken', { slug: patch.slug }), `slug ${patch.slug} is taken`, 'slug');
  const expiresAt = patch.expiresAt === undefined ? undefined : patch.expiresAt === null ? null : Date.parse(patch.expiresAt);
  await withTransaction(db, async (trx) => {
    await repo.updateLink(trx, principal.orgId, id, { ...patch, expiresAt }, now);
    // A link's slug, state or KOS is what an account's audit `link` item compares with.
    await settleOnboarding(trx, principal, link.kosId, ctx.publicUrl, now);
  });
  ctx.invalidate(link.slug);
  if (patch.slug) ctx.invalidate(patch.slug);
  return getLinkOrThrow(db, ctx, principal, id);
}

async function findOwnLink(db: Db, principal: Principal, id: string): Promise<repo.LinkRecord> {
  const link = await repo.findLink(db, principal.orgId, id);
  if (!link) throw notFound('link');
  await getKosOrThrow(db, principal, link.kosId);
  return link;
}

async function requireProduct(db: Db, principal: Principal, productId: string) {
  return getProductOrThrow(db, principal, productId).catch(() => {
    throw invalid('productId', problem('product.reference.unknown'), 'no such product in this organisation');
  });
}

async function freeSlug(db: Db): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const slug = generateSlug();
    if (!(await repo.slugTaken(db, slug))) return slug;
  }
  return generateSlug(12);
}

async function present(db: Db, ctx: LinksContext, records: repo.LinkRecord[]): Promise<Link[]> {
  const counts = await linkClickCounts(
    db,
    records[0]?.orgId ?? '',
    records.map((r) => r.id),
  );
  return records.map((r) => ({
    id: r.id,
    kosId: r.kosId,
    productId: r.productId,
    slug: r.slug,
    shortUrl: `${ctx.publicUrl}/${r.slug}`,
    destinationUrl: r.destinationUrl,
    campaign: r.campaign,
    title: r.title,
    disabled: r.disabled,
    expiresAt: r.expiresAt === null ? null : toIso(r.expiresAt),
    clickCount: counts.get(r.id)?.clicks ?? 0,
    uniqueClickCount: counts.get(r.id)?.unique ?? 0,
    createdAt: toIso(r.createdAt),
    updatedAt: toIso(r.updatedAt),
  }));
}
