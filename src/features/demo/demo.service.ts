import { type Db, withTransaction } from '../../db/database.js';
import { systemPrincipal } from '../access/access.js';
import { accountCreate } from '../accounts/accounts.schema.js';
import { createAccount } from '../accounts/accounts.service.js';
import { kosCreate } from '../kos/kos.schema.js';
import { createKos } from '../kos/kos.service.js';
import { memberCreate } from '../members/members.schema.js';
import { createMember } from '../members/members.service.js';
import { orgPatch } from '../orgs/orgs.schema.js';
import { createOrg, findOrgBySlug, patchOrg } from '../orgs/orgs.service.js';
import { planCreate } from '../plans/plans.schema.js';
import { createPlan } from '../plans/plans.service.js';
import { productCreate } from '../products/products.schema.js';
import { createProduct } from '../products/products.service.js';
import { unitCreate } from '../units/units.schema.js';
import { createUnit } from '../units/units.service.js';
import { DEMO_BRAND_KIT, demoAuditFields } from './demo-audit.js';
import { addDemoContests } from './demo-contests.js';
import { addDemoLinks } from './demo-links.js';
import { addDemoOrders } from './demo-orders.js';
import { addTourBonuses, closeDemoMonths, demoMonths } from './demo-payouts.js';
import { buildDemoRoster } from './demo-people.js';
import { buildDemoProducts } from './demo-products.js';
import { mulberry32 } from './demo-random.js';
import { addDemoRecruitment } from './demo-recruitment.js';
import { addDemoTiers } from './demo-tiers.js';
import { addDemoTraining } from './demo-training.js';
import { DEMO_MEMBERS, DEMO_ORG, DEMO_OWNER, DEMO_PASSWORD, DEMO_UNITS } from './demo-units.js';

export interface DemoLogin {
  email: string;
  password: string;
  orgSlug: string;
  /** False when the demo org was there already (its login is returned all the same). */
  created: boolean;
  /** The owner API key made with the demo org: shown once, so null when the demo was there already. */
  apiKey: string | null;
  /** The last month that has ended, which the demo leaves open for the README's tour to close. */
  tourPeriod: string;
}

/** Seed of the demo PRNG: the same seed gives the same demo organisation. */
const SEED = 20_260_101;

/**
 * Loads the demo organisation "Mỹ phẩm Hoa Sen (demo)" into an empty database, in one transaction,
 * through the same services the API uses. Returns its login and owner API key (`created: false` and no
 * key when the demo org exists already), or null when the database holds other organisations and no demo.
 */
export async function loadDemoIfEmpty(
  db: Db,
  log: (msg: string) => void = () => {},
  now = Date.now(),
): Promise<DemoLogin | null> {
  const login = { email: DEMO_OWNER.email, password: DEMO_PASSWORD, orgSlug: DEMO_ORG.slug, tourPeriod: demoMonths(now).tour };
  if (await findOrgBySlug(db, DEMO_ORG.slug)) return { ...login, created: false, apiKey: null };
  if (await db.selectFrom('orgs').select('id').limit(1).executeTakeFirst()) return null;
  const started = performance.now();
  log(`demo: loading "${DEMO_ORG.name}"…`);
  const apiKey = await withTransaction(db, (trx) => fill(trx, now, log));
  log(`demo: loaded in ${Math.round(performance.now() - started)} ms`);
  return { ...login, created: true, apiKey };
}

/** Fills the demo org; returns its owner API key. */
async function fill(db: Db, now: number, log: (msg: string) => void): Promise<string> {
  const rand = mulberry32(SEED);
  const { org, apiKey } = await createOrg(
    db,
    { ...DEMO_ORG, adminEmail: DEMO_OWNER.email, adminPassword: DEMO_PASSWORD, adminName: DEMO_OWNER.name },
    now,
  );
  const owner = systemPrincipal(org.id);
  await patchOrg(db, owner, orgPatch.parse({ brandKit: DEMO_BRAND_KIT }), now);

  const unitIds = new Map<string, string>();
  const unitId = (key: string): string => {
    const id = unitIds.get(key);
    if (!id) throw new Error(`demo data: unknown unit ${key}`);
    return id;
  };
  for (const unit of DEMO_UNITS) {
    const input = unitCreate.parse({ name: unit.name, kind: unit.kind, parentId: unit.parent ? unitId(unit.parent) : null });
    unitIds.set(unit.key, (await createUnit(db, owner, input, now)).id);
  }

  const kosIds = new Map<string, string>();
  const platforms = new Set<string>();
  let accounts = 0;
  const tiktok = new Map<string, { accountId: string; handle: string }>();
  const roster = buildDemoRoster(rand);
  // The audit fields and the recruitment draw from PRNGs of their own, so the roster, orders and payouts stay put.
  const auditRand = mulberry32(SEED + 1);
  for (const { unit, accounts: demoAccounts, ...fields } of roster) {
    const kos = await createKos(db, owner, kosCreate.parse({ ...fields, unitId: unit ? unitId(unit) : null }), now);
    kosIds.set(kos.code, kos.id);
    for (const account of demoAccounts) {
      const input = accountCreate.parse({ ...account, ...demoAuditFields(auditRand, fields, account) });
      const created = await createAccount(db, owner, kos.id, input, now);
      if (created.platform === 'tiktok_shop') tiktok.set(kos.id, { accountId: created.id, handle: created.handle });
      platforms.add(account.platform);
      accounts++;
    }
  }
  const active = roster.filter((k) => k.status === 'active').length;
  log(
    `demo: ${unitIds.size} units, ${roster.length} KOS (${active} active), ${accounts} accounts on ${platforms.size} platforms, audited against the brand kit`,
  );

  const products = buildDemoProducts(rand);
  const productRows = [];
  for (const product of products) productRows.push(await createProduct(db, owner, productCreate.parse(product), now));

  for (const member of DEMO_MEMBERS) {
    const kosId = member.kosCode ? kosIds.get(member.kosCode) : undefined;
    if (member.kosCode && !kosId) throw new Error(`demo data: unknown KOS ${member.kosCode}`);
    const input = memberCreate.parse({
      email: member.email,
      name: member.name,
      password: DEMO_PASSWORD,
      role: member.role,
      unitId: member.unit ? unitId(member.unit) : null,
      kosId: kosId ?? null,
    });
    await createMember(db, owner, input, now);
  }
  log(`demo: ${products.length} products, ${DEMO_MEMBERS.length + 1} members (password ${DEMO_PASSWORD})`);

  const activeKos = roster.filter((k) => k.status === 'active').map((k) => ({ id: kosIds.get(k.code) as string, code: k.code }));
  const traffic = await addDemoLinks(db, owner, activeKos, productRows, rand, now);
  log(`demo: ${traffic.links} tracked links, ${traffic.clicks} historical clicks`);

  for (const plan of DEMO_PLANS) await createPlan(db, owner, planCreate.parse(plan), now);
  const sellers = roster
    .filter((k) => k.status === 'active')
    .map((k) => {
      const id = kosIds.get(k.code) as string;
      return { id, code: k.code, voucher: k.voucherCodes[0] ?? null, tiktok: tiktok.get(id) ?? null };
    });
  const orders = await addDemoOrders(db, owner, sellers, productRows, rand, now);
  log(`demo: ${DEMO_PLANS.length} commission plans, ${orders.sessions} livestream sessions, ${orders.lines} order lines`);

  const months = demoMonths(now);
  const taxed = roster.map((k) => ({ ...k, id: kosIds.get(k.code) as string }));
  const bonus = await addTourBonuses(db, owner, taxed, months.tour);
  await addDemoContests(db, owner, months, now, log);
  await closeDemoMonths(db, owner, months, now, log);
  await addDemoTiers(db, owner, now, log);
  log(
    `demo: ${months.tour} has ended and is left open for the tour (bonuses for ${bonus.withheld}, tax withheld, and ${bonus.exempt}, labour contract)`,
  );

  const taken = {
    names: new Set(roster.map((k) => k.name)),
    handles: new Set(roster.map((k) => k.handle)),
    codes: new Set(kosIds.keys()),
  };
  const drive = await addDemoRecruitment(db, owner, unitId('south'), taken, mulberry32(SEED + 2), now);
  log(
    `demo: open drive /apply/${drive.slug} with ${drive.applications} applications, ${drive.converted.length} converted into onboarding KOS (${drive.converted.map((k) => k.code).join(', ')})`,
  );
  await addDemoTraining(db, owner, mulberry32(SEED + 3), now, log);
  return apiKey;
}

const DEMO_PLANS = [
  { name: 'Hoa hồng chuẩn (mặc định)', validFrom: '2026-01-01', rateBps: 500 },
  {
    name: 'KOS độc lập – livestream',
    appliesTo: { relationships: ['independent'] },
    validFrom: '2026-01-01',
    rateBps: 1000,
    livestreamFeeMinor: 500_000,
    overrides: [{ category: 'Chống nắng', rateBps: 1200 }],
    steps: [
      { fromMinor: 0, rateBps: 1000 },
      { fromMinor: 50_000_000, rateBps: 1200 },
    ],
  },
  {
    name: 'Nhân viên & nhân viên cửa hàng',
    appliesTo: { relationships: ['employee', 'store_staff'] },
    validFrom: '2026-01-01',
    rateBps: 300,
    holdingDays: 7,
  },
];
