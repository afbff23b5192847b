import type { Db } from '../../src/db/database.js';
import { withTransaction } from '../../src/db/database.js';
import { type ClickRow, insertClicks } from '../../src/features/clicks/clicks.repository.js';
import { mulberry32 } from '../../src/features/demo/demo-random.js';
import type { LineStatus, StoredLine } from '../../src/features/orders/lines.js';
import { insertLines, replaceLine } from '../../src/features/orders/lines.repository.js';
import { createOrg } from '../../src/features/orgs/orgs.service.js';
import { newId } from '../../src/lib/ids.js';
import type { Platform } from '../../src/lib/schemas.js';
import { DAY_MS, dayInZone } from '../../src/lib/time.js';

/**
 * A generated analytics dataset for the rollup tests (docs/rollups.md): an org in a zone with units, KOS
 * and links; order lines through the line store (so through the rollup hook) — multi-line orders across
 * KOS, SKUs, platforms and days, every status, unattributed lines and lines without SKU; clicks through the
 * click store (raw rows + link_daily in one transaction), bots and repeats included.
 */
export interface Dataset {
  orgId: string;
  kosIds: string[];
  unitIds: string[];
  lines: StoredLine[];
}

const PLATFORMS: Platform[] = ['shopee', 'tiktok_shop', 'lazada'];
const STATUSES: LineStatus[] = ['unpaid', 'pending', 'completed', 'completed', 'cancelled', 'returned'];
const SKUS = ['SKU-A', 'SKU-B', 'SKU-C', null];

export async function generateDataset(
  db: Db,
  options: { slug: string; timezone: string; start: string; days: number; orders: number; clicks: number; seed: number },
): Promise<Dataset> {
  const r = mulberry32(options.seed);
  const random = () => r.next();
  const pick = <T>(xs: readonly T[]): T => r.pick(xs);
  const { org } = await createOrg(db, {
    name: options.slug,
    slug: options.slug,
    timezone: options.timezone,
    currency: 'VND',
    adminEmail: `${options.slug}@example.com`,
    adminPassword: 'password-not-secret',
  });
  const now = Date.now();
  const unitIds = [newId(), newId()];
  await db
    .insertInto('units')
    .values(
      unitIds.map((id, i) => ({
        id,
        org_id: org.id,
        name: `Unit ${i}`,
        kind: 'store',
        parent_id: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  const kosIds = Array.from({ length: 5 }, () => newId());
  await db
    .insertInto('kos')
    .values(
      kosIds.map((id, i) => ({
        id,
        org_id: org.id,
        code: `K${i}${options.seed}`,
        handle: `k${i}-${options.slug}`,
        name: `KOS ${i}`,
        relationship: 'independent',
        unit_id: i < 4 ? (unitIds[i % 2] as string) : null,
        status: 'active',
        tier: null,
        categories: '[]',
        voucher_codes: '[]',
        tax_has_labour_contract_3m: 0,
        tax_commitment_08: 0,
        tax_code: null,
        bio: null,
        avatar_url: null,
        contacts: '{}',
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  const links = kosIds.flatMap((kosId, i) => [0, 1].map((j) => ({ id: newId(), kosId, slug: `${options.slug}-${i}-${j}` })));
  await db
    .insertInto('links')
    .values(
      links.map((l) => ({
        id: l.id,
        org_id: org.id,
        kos_id: l.kosId,
        product_id: null,
        slug: l.slug,
        destination_url: 'https://example.com/',
        campaign: null,
        title: null,
        disabled: 0,
        expires_at: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();

  const start = Date.parse(`${options.start}T00:00:00Z`);
  const lines: StoredLine[] = [];
  for (let o = 0; o < options.orders; o++) {
    const orderTime = start + Math.floor(random() * options.days * DAY_MS);
    const source = pick(['shopee', 'tiktok_shop', 'generic']);
    const platform = pick(PLATFORMS);
    const link = random() < 0.15 ? null : pick(links);
    const count = random() < 0.6 ? 1 : 1 + Math.floor(random() * 4);
    for (let k = 0; k < count; k++) {
      // Most lines of an order share its KOS, time and platform; some do not (split orders, late lines).
      const other = random() < 0.2 ? pick(links) : link;
      const status = pick(STATUSES);
      const gross = 1000 * (1 + Math.floor(random() * 500));
      lines.push({
        id: newId(),
        orgId: org.id,
        source,
        orderId: `O${o}`,
        lineKey: `L${k}`,
        platform: random() < 0.1 ? pick(PLATFORMS) : platform,
        status,
        rawStatus: status,
        orderTime: random() < 0.1 ? orderTime + Math.floor(random() * 3 * DAY_MS) : orderTime,
        completedTime: null,
        sku: pick(SKUS),
        productName: null,
        category: null,
        quantity: 1 + Math.floor(random() * 3),
        grossMinor: gross,
        netMinor: Math.floor(gross * 0.9),
        refundMinor: status === 'completed' && random() < 0.2 ? 1000 : 0,
        platformCommissionMinor: null,
        currency: 'VND',
        subIds: [],
        creator: null,
        voucher: null,
        contentType: null,
        newBuyer: random() < 0.3 ? true : random() < 0.5 ? false : null,
        kosId: other?.kosId ?? null,
        attribution: other ? 'click' : 'none',
        linkId: other?.id ?? null,
        clickId: null,
        sessionId: null,
        importId: null,
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  for (let i = 0; i < lines.length; i += 500) await withTransaction(db, (trx) => insertLines(trx, lines.slice(i, i + 500)));

  const clicks: ClickRow[] = Array.from({ length: options.clicks }, () => {
    const link = pick(links);
    const clickedAt = start + Math.floor(random() * options.days * DAY_MS);
    return {
      clickId: newId(),
      orgId: org.id,
      linkId: link.id,
      kosId: link.kosId,
      clickedAt,
      day: dayInZone(clickedAt, options.timezone),
      visitorHash: newId(),
      userAgent: 'test',
      referrerHost: null,
      device: 'mobile',
      isBot: random() < 0.1,
      isUnique: random() < 0.8,
    };
  });
  await insertClicks(db, clicks);
  return { orgId: org.id, kosIds, unitIds, lines };
}

/** Stores lines (a new order's, or more lines of one) through the line store, in one transaction. */
export const storeLines = (db: Db, lines: StoredLine[]) => withTransaction(db, (trx) => insertLines(trx, lines));

/** Rewrites a stored line through the line store (an import's update). */
export const rewriteLine = (db: Db, line: StoredLine) => withTransaction(db, (trx) => replaceLine(trx, line));
