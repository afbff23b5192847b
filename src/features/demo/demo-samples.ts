import { type Db, withTransaction } from '../../db/database.js';
import { systemPrincipal } from '../access/access.js';
import { accountCreate } from '../accounts/accounts.schema.js';
import { createAccount } from '../accounts/accounts.service.js';
import { kosCreate } from '../kos/kos.schema.js';
import { createKos } from '../kos/kos.service.js';
import { productCreate } from '../products/products.schema.js';
import { createProduct } from '../products/products.service.js';

/** What `addSampleKos` made: the KOS (code → id) and the product SKUs. */
export interface SampleKos {
  kos: Record<string, string>;
  products: string[];
}

/**
 * The KOS, platform accounts, vouchers and products that the sample reports in test/fixtures/samples/
 * name (their README): LAN01 (independent, TikTok Shop `lan.beauty`, voucher LAN10), MINH02 (store staff,
 * TikTok Shop `minhreview`), HOA03 (employee with a labour contract), products SRM50, KCN30 and SERVC.
 * Added to an organisation in one transaction; KOS handles (bio URLs, unique in the instance) end with the
 * org's slug. Fails, adding nothing, when one of the codes or SKUs exists in the org already.
 */
export async function addSampleKos(db: Db, org: { id: string; slug: string }, now = Date.now()): Promise<SampleKos> {
  const owner = systemPrincipal(org.id);
  const handle = (code: string) => `${code.toLowerCase()}-${org.slug}`.slice(0, 30);
  return withTransaction(db, async (trx) => {
    const kos: Record<string, string> = {};
    for (const sample of SAMPLE_KOS) {
      const { accounts, ...fields } = sample;
      const created = await createKos(
        trx,
        owner,
        kosCreate.parse({ ...fields, handle: handle(sample.code), status: 'active' }),
        now,
      );
      kos[created.code] = created.id;
      for (const account of accounts) await createAccount(trx, owner, created.id, accountCreate.parse(account), now);
    }
    for (const product of SAMPLE_PRODUCTS) await createProduct(trx, owner, productCreate.parse(product), now);
    return { kos, products: SAMPLE_PRODUCTS.map((p) => p.sku) };
  });
}

const SAMPLE_KOS = [
  {
    code: 'LAN01',
    name: 'Nguyễn Thị Lan',
    relationship: 'independent',
    voucherCodes: ['LAN10'],
    accounts: [{ platform: 'tiktok_shop', handle: 'lan.beauty', followers: 12_000 }],
  },
  {
    code: 'MINH02',
    name: 'Trần Văn Minh',
    relationship: 'store_staff',
    accounts: [{ platform: 'tiktok_shop', handle: 'minhreview', followers: 3_000 }],
  },
  {
    code: 'HOA03',
    name: 'Lê Thị Hoa',
    relationship: 'employee',
    taxProfile: { hasLabourContract3m: true },
    accounts: [],
  },
];

const SAMPLE_PRODUCTS = (
  [
    ['SRM50', '20317610036', 'Sữa rửa mặt trà xanh 50ml'],
    ['KCN30', '20317610037', 'Kem chống nắng SPF50 30ml'],
    ['SERVC', '20317610038', 'Serum Vitamin C 20ml'],
  ] as const
).map(([sku, shopee, name]) => ({ sku, name, priceMinor: 159_000, category: 'Sắc Đẹp', platformIds: { shopee } }));
