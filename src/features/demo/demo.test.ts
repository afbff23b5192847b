import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testConfig } from '../../../test/support/app.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../../test/support/database.js';
import { buildApp } from '../../app.js';
import type { Db } from '../../db/database.js';
import { systemPrincipal } from '../access/access.js';
import { SESSION_COOKIE } from '../auth/auth.js';
import { KOS_CODE, KOS_HANDLE, KOS_STATUSES, RELATIONSHIPS } from '../kos/kos.js';
import { createOrg } from '../orgs/orgs.service.js';
import { closePeriod } from '../payouts/payouts.service.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../recruitment/recruitment.js';
import { subtreeIds } from '../units/units.js';
import { type DemoLogin, loadDemoIfEmpty } from './demo.service.js';

const NOW = Date.parse('2026-03-02T02:00:00Z');
const TABLES = [
  'orgs',
  'units',
  'members',
  'api_keys',
  'kos',
  'kos_vouchers',
  'platform_accounts',
  'follower_history',
  'products',
  'recruitment_drives',
  'recruitment_applications',
] as const;

async function tableCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/**
 * What must come out the same on every load (ids and times aside). Tiers are left out: they are recomputed
 * from the sales of the 30 days before the load date (demo-tiers.test.ts checks them).
 */
async function snapshot(db: Db): Promise<unknown> {
  const kos = await db
    .selectFrom('kos')
    .select(['code', 'handle', 'name', 'relationship', 'status', 'voucher_codes', 'tax_code', 'bio'])
    .orderBy('code')
    .execute();
  const accounts = await db
    .selectFrom('platform_accounts')
    .select(['platform', 'handle', 'followers', 'display_name', 'link_in_bio', 'avatar_ok', 'pinned_ok'])
    .orderBy('platform')
    .orderBy('handle')
    .execute();
  const products = await db
    .selectFrom('products')
    .select(['sku', 'name', 'price_minor', 'stock', 'platform_ids'])
    .orderBy('sku')
    .execute();
  const applications = await db
    .selectFrom('recruitment_applications')
    .select(['name', 'email', 'phone', 'status', 'score_tenths'])
    .orderBy('email')
    .execute();
  return { kos, accounts, products, applications };
}

describe.each(DIALECTS)('demo organisation on %s', (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let login: DemoLogin | null;
  const logs: string[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    login = await loadDemoIfEmpty(t.database.db, (msg) => logs.push(msg), NOW);
    app = await buildApp({ config: testConfig(t.url), database: t.database });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  /** Logs in through the real app and returns the session cookie header. */
  async function logIn(email: string, password: string): Promise<string> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    expect(res.statusCode, res.body).toBe(200);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toBeDefined();
    return `${SESSION_COOKIE}=${cookie?.value}`;
  }
  const get = (cookie: string, url: string): Promise<LightMyRequestResponse> =>
    app.inject({ method: 'GET', url, headers: { cookie } });

  test('loads into an empty database, logs progress and returns the owner login', () => {
    expect(login).toEqual({
      email: 'owner@demo.kosmatrix.local',
      password: 'demo-owner-2026',
      orgSlug: 'demo',
      created: true,
      apiKey: expect.stringMatching(/^kos_/),
      tourPeriod: '2026-02',
    });
    expect(logs.some((l) => /^demo: .*\d+ KOS/.test(l))).toBe(true);
  });

  test('fills the org with units, a varied roster, accounts and products', async () => {
    const db = t.database.db;
    const org = await db.selectFrom('orgs').selectAll().where('slug', '=', 'demo').executeTakeFirstOrThrow();
    expect(org).toMatchObject({ name: 'Mỹ phẩm Hoa Sen (demo)', currency: 'VND', timezone: 'Asia/Ho_Chi_Minh', locale: 'vi' });
    const counts = await tableCounts(db);
    expect(counts.units).toBeGreaterThanOrEqual(14);
    expect(counts.kos).toBeGreaterThanOrEqual(55);
    expect(counts.products).toBeGreaterThanOrEqual(20);
    expect(counts.members).toBe(4);

    const kos = await db
      .selectFrom('kos')
      .select([
        'code',
        'handle',
        'relationship',
        'status',
        'tier',
        'tax_has_labour_contract_3m as contract',
        'tax_commitment_08 as c08',
      ])
      .execute();
    expect(new Set(kos.map((k) => k.relationship))).toEqual(new Set(RELATIONSHIPS));
    expect(new Set(kos.map((k) => k.status))).toEqual(new Set(KOS_STATUSES));
    expect(kos.filter((k) => k.status === 'active').length).toBeGreaterThan(kos.length / 2);
    expect(new Set(kos.map((k) => k.tier))).toEqual(new Set(['S', 'A', 'B', 'C', null]));
    for (const k of kos) {
      expect(k.code).toMatch(KOS_CODE);
      expect(k.handle).toMatch(KOS_HANDLE);
    }
    expect(new Set(kos.map((k) => k.handle)).size).toBe(kos.length);
    const employed = kos.filter((k) => k.relationship === 'employee' || k.relationship === 'store_staff');
    expect(employed.every((k) => Number(k.contract) === 1)).toBe(true);
    expect(kos.filter((k) => k.relationship === 'independent' && Number(k.c08) === 1).length).toBeGreaterThanOrEqual(2);

    const accounts = await db.selectFrom('platform_accounts').select(['platform', 'followers']).execute();
    expect(new Set(accounts.map((a) => a.platform)).size).toBeGreaterThanOrEqual(4);
    const small = accounts.filter((a) => a.followers < 50_000).length;
    expect(small).toBeGreaterThan(accounts.length / 2);
    expect(accounts.some((a) => a.followers >= 1_000_000)).toBe(true);
    expect(counts.follower_history).toBe(accounts.length);

    const units = await db.selectFrom('units').select(['name', 'kind']).execute();
    expect(
      units
        .filter((u) => u.kind === 'region')
        .map((u) => u.name)
        .sort(),
    ).toEqual(['Miền Bắc', 'Miền Nam', 'Miền Trung']);
    expect(units.filter((u) => u.kind === 'hq')).toHaveLength(1);
    expect(units.filter((u) => u.kind === 'dealer')).toHaveLength(1);
  });

  test('a second call returns the login with created:false and adds nothing', async () => {
    const before = await tableCounts(t.database.db);
    const again = await loadDemoIfEmpty(t.database.db, () => {}, NOW);
    expect(again).toEqual({
      email: 'owner@demo.kosmatrix.local',
      password: 'demo-owner-2026',
      orgSlug: 'demo',
      created: false,
      apiKey: null,
      tourPeriod: '2026-02',
    });
    expect(await tableCounts(t.database.db)).toEqual(before);
  });

  test('the same demo comes out on every load', async () => {
    const other = await createTestDatabase(dialect);
    try {
      await loadDemoIfEmpty(other.database.db, undefined, NOW + 86_400_000);
      expect(await snapshot(other.database.db)).toEqual(await snapshot(t.database.db));
    } finally {
      await other.drop();
    }
  });

  test('a database with another org and no demo gets nothing and null', async () => {
    const other = await createTestDatabase(dialect);
    try {
      await createOrg(other.database.db, {
        name: 'Other',
        slug: 'other-brand',
        adminEmail: 'boss@other.example',
        adminPassword: 'long enough pw',
      });
      expect(await loadDemoIfEmpty(other.database.db)).toBeNull();
      const counts = await tableCounts(other.database.db);
      expect(counts).toMatchObject({ orgs: 1, units: 0, kos: 0, products: 0, members: 1 });
    } finally {
      await other.drop();
    }
  });

  test('the demo owner logs in through the app and lists the whole roster', async () => {
    const cookie = await logIn('owner@demo.kosmatrix.local', 'demo-owner-2026');
    const res = await get(cookie, '/api/v1/kos?limit=500');
    expect(res.statusCode).toBe(200);
    const { kos } = await tableCounts(t.database.db);
    expect(res.json().items).toHaveLength(kos as number);
    expect(res.json().items[0]).toMatchObject({ code: 'HCM01', name: 'Nguyễn Thị Lan', status: 'active' });
    const products = await get(cookie, '/api/v1/products?limit=500');
    expect(products.json().items.length).toBeGreaterThanOrEqual(20);
  });

  test('the Miền Nam manager sees only the KOS of that region', async () => {
    const db = t.database.db;
    const units = await db.selectFrom('units').select(['id', 'name', 'parent_id as parentId']).execute();
    const south = units.find((u) => u.name === 'Miền Nam');
    expect(south).toBeDefined();
    const subtree = subtreeIds(units, south?.id as string);
    const expected = (await db.selectFrom('kos').select('unit_id').execute()).filter((k) => k.unit_id && subtree.has(k.unit_id));

    const cookie = await logIn('manager.south@demo.kosmatrix.local', 'demo-owner-2026');
    const items: { unitId: string | null }[] = (await get(cookie, '/api/v1/kos?limit=500')).json().items;
    expect(items.length).toBe(expected.length);
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) expect(subtree.has(item.unitId as string)).toBe(true);
  });

  test('the kos member sees only their own record', async () => {
    const cookie = await logIn('kos.lan@demo.kosmatrix.local', 'demo-owner-2026');
    const items = (await get(cookie, '/api/v1/kos')).json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ code: 'HCM01', status: 'active' });
  });

  test('active KOS have tracked links with historical clicks, counted on the links and shown on bio pages', async () => {
    const db = t.database.db;
    const links = await db.selectFrom('links').select(['id', 'kos_id']).execute();
    expect(links.length).toBeGreaterThanOrEqual(40);
    const clicks = await db
      .selectFrom('clicks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(clicks.n)).toBe(4000);
    const cookie = await logIn('owner@demo.kosmatrix.local', 'demo-owner-2026');
    const listed: { clickCount: number; uniqueClickCount: number }[] = (await get(cookie, '/api/v1/links?limit=500')).json()
      .items;
    expect(listed).toHaveLength(links.length);
    const total = listed.reduce((sum, l) => sum + l.clickCount, 0);
    expect(total).toBeGreaterThan(3500);
    expect(total).toBeLessThan(4000);
    expect(listed.every((l) => l.uniqueClickCount <= l.clickCount)).toBe(true);
    const bio = await app.inject({ method: 'GET', url: '/@hs.lan.nguyen' });
    expect(bio.statusCode).toBe(200);
    expect(bio.body).toMatch(/href="http:\/\/localhost:8080\/[A-Za-z0-9]{7}"/);
  });
  /** An API call as the demo owner (its API key). */
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${login?.apiKey}` }, ...(payload ? { payload } : {}) });

  test('an open drive has about 40 applications in every status, scores spread, and converted KOS in onboarding', async () => {
    const drives: Drive[] = (await call('GET', '/api/v1/recruitment/drives')).json().items;
    expect(drives).toHaveLength(1);
    const drive = drives[0] as Drive;
    expect(drive).toMatchObject({
      slug: 'hoa-sen-mien-nam',
      open: true,
      closesAt: null,
      applyUrl: expect.stringMatching(/\/apply\/hoa-sen-mien-nam$/),
    });
    for (const status of APPLICATION_STATUSES) expect(drive.counts[status], status).toBeGreaterThanOrEqual(1);
    const total = Object.values(drive.counts).reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThanOrEqual(35);
    expect(total).toBeLessThanOrEqual(45);
    expect((await app.inject({ method: 'GET', url: '/apply/hoa-sen-mien-nam' })).statusCode).toBe(200);

    const applications: Application[] = (
      await call('GET', `/api/v1/recruitment/applications?driveId=${drive.id}&limit=100`)
    ).json().items;
    expect(applications).toHaveLength(total);
    const scores = applications.map((a) => a.score);
    expect(Math.min(...scores)).toBeLessThan(30);
    expect(Math.max(...scores)).toBeGreaterThan(80);
    for (const a of applications) {
      expect(a.phone).toMatch(/^(0|\+84 )[39]\d/);
      expect(a.history[0]?.status).toBe('new');
      expect(a.history.at(-1)?.status).toBe(a.status);
    }
    expect(applications.some((a) => a.history.some((h) => h.note && /[ạ-ỹ]/.test(h.note)))).toBe(true);
    expect(applications.some((a) => Object.keys(a.assessments).length > 0)).toBe(true);

    const converted = applications.filter((a) => a.kosId !== null);
    expect(converted.length).toBeGreaterThanOrEqual(1);
    for (const a of converted) {
      expect(a.status).toBe('accepted');
      const kos = (await call('GET', `/api/v1/kos/${a.kosId}`)).json();
      expect(kos).toMatchObject({ name: a.name, status: 'onboarding' });
      expect(kos.statusHistory[0]).toMatchObject({ from: null, to: 'onboarding', reason: 'conversion' });
    }
  });

  test('the org has a brand kit and the matrix view lists accounts needing attention', async () => {
    expect((await call('GET', '/api/v1/org')).json().brandKit).toEqual({
      brandWords: ['Hoa Sen', 'HoaSen'],
      targetPlatforms: ['tiktok_shop', 'shopee', 'facebook'],
    });
    const matrix = (await call('GET', '/api/v1/matrix')).json();
    expect(matrix.platforms.length).toBeGreaterThanOrEqual(4);
    const attention: { score: number; failing: string[] }[] = matrix.needsAttention;
    expect(attention.length).toBeGreaterThan(0);
    for (const row of attention) {
      expect(row.score).toBeLessThan(80);
      expect(row.failing.length).toBe(5 - row.score / 20);
    }
    expect(attention.some((row) => row.score < 60)).toBe(true);
    expect(attention.some((row) => row.score >= 60)).toBe(true);
    const counts = await tableCounts(t.database.db);
    expect(attention.length).toBeLessThan((counts.platform_accounts as number) * 0.6);
  });

  test('the owner API key made with the demo works at once', async () => {
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${login?.apiKey}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ role: 'owner', org: { slug: 'demo' } });
  });

  test('the tour month has ended and is open: close, approve, mark paid and export work, with tax withheld for one KOS', async () => {
    const statuses = async (period: string) =>
      new Set((await call('GET', `/api/v1/payouts?period=${period}&limit=500`)).json().items.map((p: Payout) => p.status));
    expect(await statuses('2025-12')).toEqual(new Set(['paid']));
    expect(await statuses('2026-01')).toEqual(new Set(['approved']));
    expect(await statuses('2026-02')).toEqual(new Set());

    const closed = await call('POST', '/api/v1/payouts/close', { period: '2026-02' });
    expect(closed.statusCode, closed.body).toBe(201);
    const payouts: Payout[] = closed.json().payouts;
    expect(payouts.length).toBeGreaterThanOrEqual(10);
    expect(payouts.every((p) => p.status === 'draft')).toBe(true);
    const kos = await taxProfiles(t.database.db);
    const withheld = withholdingExamples(payouts, kos);
    expect(withheld.taxed.withheldMinor).toBe(Math.round(withheld.taxed.grossMinor / 10));

    const approved = await call('POST', `/api/v1/payouts/${withheld.taxed.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    const paid = await call('POST', `/api/v1/payouts/${withheld.taxed.id}/mark-paid`, { reference: 'VCB-TOUR-1' });
    expect(paid.json()).toMatchObject({ status: 'paid', reference: 'VCB-TOUR-1' });
    const csv = await call('GET', '/api/v1/payouts/export.csv?period=2026-02');
    const code = kos.get(withheld.taxed.kosId)?.code;
    expect(csv.body.startsWith('\uFEFFkosCode,')).toBe(true);
    expect(csv.body).toContain(`${code},`);
    expect(csv.body).toContain(`,${withheld.taxed.grossMinor},${withheld.taxed.withheldMinor},`);
  });
});

type Drive = { id: string; slug: string; open: boolean; counts: Record<ApplicationStatus, number> };
type Application = {
  name: string;
  phone: string;
  score: number;
  status: ApplicationStatus;
  kosId: string | null;
  assessments: Record<string, number>;
  history: { status: ApplicationStatus; note: string | null }[];
};
type Payout = { id: string; kosId: string; status: string; grossMinor: number; withheldMinor: number };
type TaxedKos = { code: string; contract: boolean; c08: boolean };

async function taxProfiles(db: Db): Promise<Map<string, TaxedKos>> {
  const rows = await db
    .selectFrom('kos')
    .select(['id', 'code', 'tax_has_labour_contract_3m as contract', 'tax_commitment_08 as c08'])
    .execute();
  return new Map(rows.map((k) => [k.id, { code: k.code, contract: Boolean(Number(k.contract)), c08: Boolean(Number(k.c08)) }]));
}

/** The tour month's two withholding examples: a payout of 2 000 000 ₫ or more taxed, and one not (labour contract). */
function withholdingExamples(payouts: Payout[], kos: Map<string, TaxedKos>): { taxed: Payout; contract: Payout } {
  const big = payouts.filter((p) => p.grossMinor >= 2_000_000);
  const taxed = big.find((p) => p.withheldMinor > 0);
  const contract = big.find((p) => kos.get(p.kosId)?.contract);
  expect(taxed).toBeDefined();
  expect(contract?.withheldMinor).toBe(0);
  expect(kos.get(taxed?.kosId as string)).toMatchObject({ contract: false, c08: false });
  return { taxed: taxed as Payout, contract: contract as Payout };
}

// Loaded on any day, the demo leaves the last ended month (Vietnam time) open with the withholding examples.
describe.each(DIALECTS)('the demo tour month on %s, whatever the day', (dialect) => {
  test.each([
    ['2026-11-30T18:00:00Z', '2026-11'], // already 1 December in Vietnam
    ['2026-11-30T16:59:59Z', '2026-10'], // the last second of 30 November in Vietnam
    ['2027-01-01T00:00:00Z', '2026-12'], // a new year
  ])(
    'loaded at %s: %s is closable with drafts and a withholding example',
    async (iso, tour) => {
      const now = Date.parse(iso);
      const t = await createTestDatabase(dialect);
      try {
        const db = t.database.db;
        const loaded = await loadDemoIfEmpty(db, undefined, now);
        expect(loaded?.tourPeriod).toBe(tour);
        const org = await db.selectFrom('orgs').select('id').where('slug', '=', 'demo').executeTakeFirstOrThrow();
        const closed = await closePeriod(db, systemPrincipal(org.id), tour, now);
        expect(closed.created).toBe(true);
        expect(closed.payouts.every((p) => p.status === 'draft')).toBe(true);
        withholdingExamples(closed.payouts, await taxProfiles(db));
      } finally {
        await t.drop();
      }
    },
    60_000,
  );
});
