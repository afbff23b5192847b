import type { TestServer } from '../support/server.js';
import { type Call, orgWallClock, ownerApi } from './me-seed.js';

/**
 * What the contests' browser tests start from, added through the public API as the owner: a second store,
 * two more active KOS (one in each store), and completed order lines — today's (LAN01 and MINH02 tie at
 * 500 000 ₫, TUAN04 300 000 ₫, MAI05 200 000 ₫) and a week ago's (LAN01 700 000 ₫, MINH02 and TUAN04 tie at
 * 400 000 ₫). Dates are the test org's days (Asia/Ho_Chi_Minh).
 */
export interface ContestSeed {
  api: Call;
  today: string;
  /** `today` moved by `days`. */
  day: (days: number) => string;
  storeIds: { q1: string; q3: string };
  kosIds: Record<'LAN01' | 'MINH02' | 'TUAN04' | 'MAI05', string>;
}

const DAY_MS = 86_400_000;

export async function seedContests(server: TestServer): Promise<ContestSeed> {
  const api = await ownerApi(server);
  const q3 = await api<{ id: string }>('POST', '/units', {
    name: 'Cửa hàng Quận 3',
    kind: 'store',
    parentId: server.ids.regionId,
  });
  for (const [code, handle, name, unitId] of [
    ['TUAN04', 'tuan.store', 'Phạm Anh Tuấn', server.ids.storeId],
    ['MAI05', 'mai.store', 'Đỗ Thị Mai', q3.id],
  ] as const)
    await api('POST', '/kos', { code, handle, name, relationship: 'store_staff', status: 'active', unitId });
  const { items } = await api<{ items: { id: string; code: string }[] }>('GET', '/kos?limit=50');
  const id = (code: string) => items.find((k) => k.code === code)?.id ?? '';

  const now = orgWallClock(Date.now() - 5 * 60_000);
  const weekAgo = orgWallClock(Date.now() - 7 * DAY_MS);
  const line = (order: string, time: string, net: number, code: string) =>
    `website,${order},completed,${time},1,${net},${net},VND,${code},SERUM1,Serum Hoa Sen`;
  await importLines(api, [
    line('CT-LAN-1', now, 500_000, 'LAN01'),
    line('CT-MINH-1', now, 500_000, 'MINH02'),
    line('CT-TUAN-1', now, 300_000, 'TUAN04'),
    line('CT-MAI-1', now, 200_000, 'MAI05'),
    line('CT-LAN-0', weekAgo, 700_000, 'LAN01'),
    line('CT-MINH-0', weekAgo, 400_000, 'MINH02'),
    line('CT-TUAN-0', weekAgo, 400_000, 'TUAN04'),
  ]);

  const today = now.slice(0, 10);
  const day = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
  return {
    api,
    today,
    day,
    storeIds: { q1: server.ids.storeId, q3: q3.id },
    kosIds: { LAN01: id('LAN01'), MINH02: id('MINH02'), TUAN04: id('TUAN04'), MAI05: id('MAI05') },
  };
}

/** Imports order lines (generic CSV rows after the header) and waits for the report. */
export async function importLines(api: Call, rows: readonly string[]): Promise<void> {
  const csv = ['platform,orderId,status,orderTime,quantity,grossMinor,netMinor,currency,kosCode,sku,productName', ...rows].join(
    '\n',
  );
  const form = new FormData();
  form.set('source', 'generic');
  form.set('file', new Blob([csv], { type: 'text/csv' }), 'contests.csv');
  await api('POST', '/imports', form);
}
