import type { TestServer } from '../support/server.js';
import { type Call, orgWallClock } from './me-seed.js';

/**
 * Sales for the scorecard and tiers tests (docs/tiers.md), through the public API as the owner: LAN01 and
 * MINH02 sell three days ago (inside the 30-day window of today), LAN01 also 40 days ago (the previous
 * window, for growth); LAN01's account gets a follower count dated 40 days back; MINH02 moves to the store
 * below the region (for the drill-down); then tiers are recomputed. With two active KOS and the default
 * cut-offs MINH02 (more net sales) is S and LAN01 is B.
 */
export interface SeededTiers {
  lanKosId: string;
  minhKosId: string;
  /** The day of the recent sales (org time zone). */
  saleDay: string;
}

const DAY = 86_400_000;

export async function seedTiers(call: Call, server: TestServer): Promise<SeededTiers> {
  const { items } = await call<{ items: { id: string; code: string }[] }>('GET', '/kos?limit=50');
  const id = (code: string) => items.find((k) => k.code === code)?.id ?? '';
  const lanKosId = id('LAN01');
  const minhKosId = id('MINH02');
  const recent = orgWallClock(Date.now() - 3 * DAY);
  const earlier = orgWallClock(Date.now() - 40 * DAY);
  const csv = [
    'platform,orderId,status,orderTime,quantity,grossMinor,netMinor,currency,kosCode,sku,productName',
    `website,TLAN1,completed,${recent},1,300000,280000,VND,LAN01,SERUM1,Serum Hoa Sen`,
    `website,TLAN0,completed,${earlier},1,120000,100000,VND,LAN01,SERUM1,Serum Hoa Sen`,
    `website,TMINH1,completed,${recent},2,500000,450000,VND,MINH02,CREAM1,Kem Minh`,
  ].join('\n');
  const form = new FormData();
  form.set('source', 'generic');
  form.set('file', new Blob([csv], { type: 'text/csv' }), 'tiers.csv');
  await call('POST', '/imports', form);
  await call('POST', `/accounts/${server.ids.lanAccountId}/follower-history`, {
    followers: 10_000,
    recordedAt: new Date(Date.now() - 40 * DAY).toISOString(),
  });
  await call('PATCH', `/kos/${minhKosId}`, { unitId: server.ids.storeId });
  await call('POST', '/tiers/recompute', {});
  return { lanKosId, minhKosId, saleDay: recent.slice(0, 10) };
}
