import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../db/database.js';
import { DAY_MS } from '../../lib/time.js';
import type { Principal } from '../access/access.js';
import { importFile } from '../imports/import-jobs.js';
import { createLivestream } from '../livestreams/livestreams.service.js';
import type { Random } from './demo-random.js';

const HOUR = 3_600_000;
const VN = 7 * HOUR;

export interface DemoSeller {
  id: string;
  code: string;
  voucher: string | null;
  tiktok: { accountId: string; handle: string } | null;
}

const iso = (ms: number) => new Date(ms + VN).toISOString().slice(0, 19).replace('T', ' ');

/**
 * About three months of orders across TikTok Shop (creator handles, live sessions), Shopee (KOS code in
 * a sub-id), Lazada (vouchers) and the brand website, imported as a generic report, plus ended and
 * upcoming livestream sessions whose live orders tie to them.
 */
export async function addDemoOrders(
  db: Db,
  owner: Principal,
  sellers: DemoSeller[],
  products: { id: string; sku: string; name: string; priceMinor: number; category: string | null }[],
  rand: Random,
  now: number,
): Promise<{ sessions: number; lines: number }> {
  const monthStart = Date.UTC(new Date(now + VN).getUTCFullYear(), new Date(now + VN).getUTCMonth() - 3, 1) - VN;
  let sessions = 0;
  const live: { kos: DemoSeller; start: number; end: number }[] = [];
  for (const kos of sellers.filter((s) => s.tiktok).slice(0, 10)) {
    for (let i = 0; i < 4; i++) {
      const start = monthStart + rand.int(2, 85) * DAY_MS + 20 * HOUR - VN;
      if (start + 2 * HOUR > now) continue;
      const end = start + 2 * HOUR;
      const views = rand.int(3_000, 60_000);
      const clicks = Math.round(views * (0.04 + rand.next() * 0.06));
      const questions = rand.int(20, 300);
      await createLivestream(
        db,
        owner,
        {
          kosId: kos.id,
          accountId: kos.tiktok?.accountId as string,
          title: `Live tối – săn deal ${rand.pick(['skincare', 'chống nắng', 'son', 'serum'])}`,
          scheduledStart: new Date(start).toISOString(),
          scheduledEnd: new Date(end).toISOString(),
          actualStart: new Date(start).toISOString(),
          actualEnd: new Date(end).toISOString(),
          status: 'ended',
          feeMinor: rand.chance(0.5) ? 500_000 : null,
          productIds: [rand.pick(products).id],
          stats: {
            views,
            viewers: Math.round(views * 0.6),
            peakViewers: Math.round(views * 0.08),
            avgWatchSeconds: rand.int(40, 240),
            comments: rand.int(100, 3000),
            questions,
            questionsAnswered: rand.int(Math.floor(questions / 2), questions),
            productClicks: clicks,
            addToCart: Math.round(clicks * 0.3),
          },
          flashOffers: [],
        },
        now,
      );
      live.push({ kos, start, end });
      sessions += 1;
    }
    const next = now + rand.int(1, 10) * DAY_MS;
    await createLivestream(
      db,
      owner,
      {
        kosId: kos.id,
        accountId: kos.tiktok?.accountId as string,
        title: 'Livestream cuối tuần – quà tặng 0đ',
        scheduledStart: new Date(next).toISOString(),
        scheduledEnd: new Date(next + 2 * HOUR).toISOString(),
        status: 'scheduled',
        productIds: [],
        flashOffers: [],
      },
      now,
    );
    sessions += 1;
  }

  const header =
    'platform,orderId,lineKey,status,orderTime,completedTime,sku,productName,category,quantity,grossMinor,netMinor,refundMinor,currency,kosCode,creator,voucher,contentType';
  const rows = [header];
  for (let i = 0; i < 1500; i++) {
    const kos = rand.pick(sellers);
    const product = rand.pick(products);
    const session = rand.chance(0.3) ? live[rand.int(0, live.length - 1)] : undefined;
    const orderTime = session
      ? session.start + rand.int(0, 2 * HOUR - 1)
      : monthStart + rand.int(0, Math.max(1, Math.floor((now - monthStart) / 1000) - 1)) * 1000;
    const platform = session ? 'tiktok_shop' : rand.pick(['tiktok_shop', 'shopee', 'shopee', 'lazada', 'website']);
    const seller = session ? session.kos : kos;
    const age = now - orderTime;
    const status =
      age < 5 * DAY_MS
        ? rand.pick(['pending', 'pending', 'unpaid'])
        : rand.chance(0.08)
          ? 'cancelled'
          : rand.chance(0.04)
            ? 'returned'
            : 'completed';
    const quantity = rand.chance(0.8) ? 1 : rand.int(2, 3);
    const gross = product.priceMinor * quantity;
    const net = Math.round((gross * rand.int(85, 100)) / 100 / 1000) * 1000;
    const completed = status === 'completed' || status === 'returned' ? iso(orderTime + rand.int(2, 5) * DAY_MS) : '';
    const attribution =
      platform === 'tiktok_shop'
        ? { creator: seller.tiktok?.handle ?? '', kosCode: seller.tiktok ? '' : seller.code }
        : platform === 'lazada' && seller.voucher
          ? { voucher: seller.voucher, kosCode: '' }
          : { kosCode: rand.chance(0.93) ? seller.code : '' };
    rows.push(
      [
        platform,
        `DM${String(100000 + i)}`,
        '1',
        status,
        iso(orderTime),
        completed,
        product.sku,
        `"${product.name}"`,
        product.category ?? '',
        quantity,
        gross,
        net,
        0,
        'VND',
        'kosCode' in attribution ? attribution.kosCode : '',
        'creator' in attribution ? attribution.creator : '',
        'voucher' in attribution ? attribution.voucher : '',
        session ? 'live' : platform === 'tiktok_shop' ? 'video' : 'link',
      ].join(','),
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'kos-demo-'));
  try {
    writeFileSync(join(dir, 'demo-orders.csv'), `${rows.join('\n')}\n`);
    const report = await importFile(
      db,
      owner,
      { source: 'generic', path: join(dir, 'demo-orders.csv'), fileName: 'demo-orders.csv' },
      { now },
    );
    return { sessions, lines: report.inserted };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
