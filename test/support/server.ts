import { buildApp } from '../../src/app.js';
import { systemPrincipal } from '../../src/features/access/access.js';
import { createAccount } from '../../src/features/accounts/accounts.service.js';
import { createKos, findKosByCode } from '../../src/features/kos/kos.service.js';
import { bookManual } from '../../src/features/ledger/ledger.service.js';
import { createLivestream } from '../../src/features/livestreams/livestreams.service.js';
import { createMember } from '../../src/features/members/members.service.js';
import { createOrg } from '../../src/features/orgs/orgs.service.js';
import { approvePayout, closePeriod } from '../../src/features/payouts/payouts.service.js';
import { createUnit } from '../../src/features/units/units.service.js';
import { testConfig } from './app.js';
import { createTestDatabase } from './database.js';

export interface TestServer {
  url: string;
  ownerEmail: string;
  ownerPassword: string;
  /** Members of the other roles (password `memberPassword`): a manager and a viewer of the region, a KOS member for LAN01. */
  managerEmail: string;
  viewerEmail: string;
  kosMemberEmail: string;
  memberPassword: string;
  /** Records the console pages can open: the region, the store below it, LAN01, its account and livestream session. */
  ids: { regionId: string; storeId: string; lanKosId: string; lanAccountId: string; livestreamId: string };
  /** A month two months back, closed: three draft payouts, one of them approved (the current month stays open). */
  closedPeriod: string;
  close(): Promise<void>;
}

/** `YYYY-MM` of `monthsBack` months before now in `timeZone`, and an instant in the middle of it. */
function pastMonth(monthsBack: number, timeZone: string): { period: string; midMonth: number } {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })
    .format(new Date())
    .split('-')
    .map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1 - monthsBack, 1));
  return { period: first.toISOString().slice(0, 7), midMonth: first.getTime() + 14 * 86_400_000 };
}

/** The records added for the console pages: other roles, a store, an account, a session and a closed month. */
async function seedConsoleRecords(db: Parameters<typeof createKos>[0], orgId: string, regionId: string, memberPassword: string) {
  const owner = systemPrincipal(orgId);
  const store = await createUnit(db, owner, { name: 'Cửa hàng Quận 1', kind: 'store', parentId: regionId });
  const kosId = async (code: string) => (await findKosByCode(db, orgId, code))?.id ?? '';
  const lanKosId = await kosId('LAN01');
  for (const [email, role] of [
    ['manager@console.test', 'manager'],
    ['viewer@console.test', 'viewer'],
  ] as const) {
    await createMember(db, owner, { email, role, unitId: regionId, password: memberPassword });
  }
  await createMember(db, owner, { email: 'lan@console.test', role: 'kos', kosId: lanKosId, password: memberPassword });
  const account = await createAccount(db, owner, lanKosId, {
    platform: 'tiktok_shop',
    handle: 'lan.beauty.live',
    followers: 12_500,
  });
  const start = Date.now() + 7 * 86_400_000;
  const session = await createLivestream(db, owner, {
    kosId: lanKosId,
    accountId: account.id,
    title: 'Serum Hoa Sen — livestream',
    scheduledStart: new Date(start).toISOString(),
    scheduledEnd: new Date(start + 2 * 3_600_000).toISOString(),
    status: 'scheduled',
    productIds: [],
    flashOffers: [],
  });
  const { period, midMonth } = pastMonth(2, 'Asia/Ho_Chi_Minh');
  for (const [code, amountMinor] of [
    ['LAN01', 2_500_000],
    ['MINH02', 800_000],
    ['HOA03', 300_000],
  ] as const) {
    await bookManual(db, owner, { kosId: await kosId(code), kind: 'bonus', amountMinor, reason: 'console test' }, midMonth);
  }
  const closed = await closePeriod(db, owner, period);
  const first = closed.payouts[0];
  if (first) await approvePayout(db, owner, first.id);
  return {
    ids: { regionId, storeId: store.id, lanKosId, lanAccountId: account.id, livestreamId: session.id },
    closedPeriod: period,
  };
}

/** The real app listening on a free port of 127.0.0.1, on a temporary SQLite file with a small org. */
export async function startTestServer(options: { consoleDir?: string } = {}): Promise<TestServer> {
  const db = await createTestDatabase('sqlite');
  const ownerEmail = 'owner@console.test';
  const ownerPassword = 'console-password';
  const { org } = await createOrg(db.database.db, {
    name: 'Console Test',
    slug: 'console',
    adminEmail: ownerEmail,
    adminPassword: ownerPassword,
  });
  const owner = systemPrincipal(org.id);
  const region = await createUnit(db.database.db, owner, { name: 'Miền Nam', kind: 'region' });
  const people = [
    ['LAN01', 'lan.beauty', 'Nguyễn Thị Lan', 'independent', 'active'],
    ['MINH02', 'minhreview', 'Trần Văn Minh', 'store_staff', 'active'],
    ['HOA03', 'hoa.nguyen', 'Lê Thị Hoa', 'employee', 'paused'],
  ] as const;
  for (const [code, handle, name, relationship, status] of people) {
    await createKos(db.database.db, owner, {
      code,
      handle,
      name,
      relationship,
      status,
      unitId: region.id,
      categories: [],
      voucherCodes: [],
    });
  }
  const memberPassword = 'member-password';
  const seeded = await seedConsoleRecords(db.database.db, org.id, region.id, memberPassword);
  const config = testConfig(db.url, options.consoleDir ? { consoleDir: options.consoleDir } : {});
  const app = await buildApp({ config, database: db.database });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    ownerEmail,
    ownerPassword,
    managerEmail: 'manager@console.test',
    viewerEmail: 'viewer@console.test',
    kosMemberEmail: 'lan@console.test',
    memberPassword,
    ...seeded,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
