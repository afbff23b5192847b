import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import type { TestContext, TestOrg } from './app.js';

/** The platforms' sample reports and their expected results (a copy of the project's shared formats/samples). */
export const SAMPLES = join(import.meta.dirname, '..', 'fixtures', 'samples');
export const sample = (name: string): Buffer => readFileSync(join(SAMPLES, name));

export interface SampleOrg extends TestOrg {
  kos: Record<'LAN01' | 'MINH02' | 'HOA03', string>;
}

/** The org the sample files assume (formats/samples/README.md): three KOS, their accounts, vouchers, products. */
export async function seedSampleOrg(t: TestContext, suffix: string): Promise<SampleOrg> {
  const org = await t.newOrg();
  const post = async (url: string, body: object) => {
    const res = await t.call(org.apiKey, 'POST', url, body);
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string };
  };
  const lan = await post('/api/v1/kos', {
    code: 'LAN01',
    handle: `lan-${suffix}`,
    name: 'Lan',
    relationship: 'independent',
    status: 'active',
    voucherCodes: ['LAN10'],
  });
  const minh = await post('/api/v1/kos', {
    code: 'MINH02',
    handle: `minh-${suffix}`,
    name: 'Minh',
    relationship: 'store_staff',
    status: 'active',
  });
  const hoa = await post('/api/v1/kos', {
    code: 'HOA03',
    handle: `hoa-${suffix}`,
    name: 'Hoa',
    relationship: 'employee',
    status: 'active',
    taxProfile: { hasLabourContract3m: true },
  });
  await post(`/api/v1/kos/${lan.id}/accounts`, { platform: 'tiktok_shop', handle: 'lan.beauty', followers: 12000 });
  await post(`/api/v1/kos/${minh.id}/accounts`, { platform: 'tiktok_shop', handle: 'minhreview', followers: 3000 });
  const products: [string, string, string][] = [
    ['SRM50', '20317610036', 'Sữa rửa mặt trà xanh 50ml'],
    ['KCN30', '20317610037', 'Kem chống nắng SPF50 30ml'],
    ['SERVC', '20317610038', 'Serum Vitamin C 20ml'],
  ];
  for (const [sku, item, name] of products) {
    await post('/api/v1/products', { sku, name, priceMinor: 159000, category: 'Sắc Đẹp', platformIds: { shopee: item } });
  }
  return { ...org, kos: { LAN01: lan.id, MINH02: minh.id, HOA03: hoa.id } };
}

/** POSTs a report as multipart/form-data through the app. */
export async function uploadReport(
  t: TestContext,
  key: string,
  source: string,
  file: Buffer,
  fileName: string,
  options: { headers?: Record<string, string>; app?: TestContext['app'] } = {},
): Promise<LightMyRequestResponse> {
  const form = new FormData();
  form.set('source', source);
  form.set('file', new Blob([file]), fileName);
  const encoded = new Response(form);
  const payload = Buffer.from(await encoded.arrayBuffer());
  return (options.app ?? t.app).inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: {
      authorization: `Bearer ${key}`,
      'content-type': encoded.headers.get('content-type') as string,
      ...options.headers,
    },
    payload,
  });
}
