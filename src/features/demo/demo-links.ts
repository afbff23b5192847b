import type { Db } from '../../db/database.js';
import { DAY_MS } from '../../lib/time.js';
import type { Principal } from '../access/access.js';
import { ClickWriter } from '../clicks/click-writer.js';
import { createLink } from '../links/links.service.js';
import type { Random } from './demo-random.js';

const AGENTS = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 musical_ly_34.1.0',
  'Mozilla/5.0 (Linux; Android 14; SM-A556E) AppleWebKit/537.36 Chrome/124.0 Mobile Safari/537.36 BytedanceWebview/d8a21c6',
  'Mozilla/5.0 (Linux; Android 13; CPH2591) AppleWebKit/537.36 Chrome/123.0 Mobile Safari/537.36 Zalo android/12100',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 [FBAN/FBIOS;FBAV/460.0]',
  'Mozilla/5.0 (Linux; Android 12; Redmi Note 11) AppleWebKit/537.36 Chrome/122.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36',
];
const BOTS = [
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'Mozilla/5.0 (compatible; Googlebot/2.1)',
];
const REFERRERS = ['https://www.tiktok.com/', 'https://m.facebook.com/', 'https://zalo.me/', 'https://shopee.vn/', undefined];
const DESTINATIONS = [
  'https://shopee.vn/product/88001234/{sku}?utm_source=kosmatrix&sub_id1={kos_code}&sub_id2={click_id}',
  'https://shop.tiktok.com/view/product/{sku}?sub_id={click_id}',
  'https://www.lazada.vn/products/i{sku}.html?sub_aff_id={kos_code}&sub_id1={click_id}',
];

/**
 * Gives active KOS 1–3 tracked links to catalogue products and about 4 000 clicks over the last 45
 * days, most in the evening livestream hours (Vietnam time), mostly from phones, a few from bots.
 */
export async function addDemoLinks(
  db: Db,
  owner: Principal,
  kos: { id: string; code: string }[],
  products: { id: string; sku: string }[],
  rand: Random,
  now: number,
): Promise<{ links: number; clicks: number }> {
  const ctx = { publicUrl: 'http://localhost:8080', invalidate: () => {} };
  const links: { id: string; kosId: string }[] = [];
  for (const k of kos) {
    for (let i = 0, count = rand.int(1, 3); i < count; i++) {
      const product = rand.pick(products);
      const template = rand.pick(DESTINATIONS);
      const campaign = rand.chance(0.5) ? 'sale-11-11' : 'livestream-toi';
      const link = await createLink(
        db,
        ctx,
        owner,
        { kosId: k.id, productId: product.id, destinationUrl: template.replace('{sku}', product.sku), campaign, disabled: false },
        now,
      );
      links.push({ id: link.id, kosId: k.id });
    }
  }
  const writer = new ClickWriter(db, 'kosmatrix-demo-visitors', { flushMs: 60_000, batchSize: 5000, maxQueue: 1_000_000 });
  const total = 4000;
  for (let i = 0; i < total; i++) {
    // Popular links get more: squaring the draw skews clicks towards the first links.
    const link = links[Math.floor(rand.next() ** 2 * links.length)] as { id: string; kosId: string };
    const daysAgo = rand.int(0, 44);
    const hourVn = rand.chance(0.6) ? rand.int(19, 22) : rand.int(0, 23);
    const at = Math.floor((now - daysAgo * DAY_MS) / DAY_MS) * DAY_MS + (hourVn - 7) * 3_600_000 + rand.int(0, 3_599_999);
    const bot = rand.chance(0.05);
    writer.push({
      clickId: `demo${String(i).padStart(8, '0')}`,
      orgId: owner.orgId,
      linkId: link.id,
      kosId: link.kosId,
      timezone: 'Asia/Ho_Chi_Minh',
      at: Math.min(at, now),
      ip: `113.161.${rand.int(0, 39)}.${rand.int(1, 250)}`,
      userAgent: bot ? rand.pick(BOTS) : rand.pick(AGENTS),
      referer: rand.pick(REFERRERS),
    });
  }
  await writer.close();
  return { links: links.length, clicks: total };
}
