import { foldText } from '../../lib/text.js';
import type { KosStatus, Relationship, Tier } from '../kos/kos.js';
import {
  BIO_TEMPLATES,
  CATEGORIES,
  CITY_NAMES,
  FAMILY_NAMES,
  FEMALE_GIVEN,
  FEMALE_MIDDLE,
  HANDLE_SUFFIXES,
  MALE_GIVEN,
  MALE_MIDDLE,
  PHONE_PREFIXES,
} from './demo-names.js';
import type { Random } from './demo-random.js';
import { type DemoPlatform, FEATURED, ROSTER, type Seed, STATUS_POOL } from './demo-roster.js';
import { DEMO_UNITS } from './demo-units.js';

export interface DemoAccount {
  platform: DemoPlatform;
  handle: string;
  url: string;
  followers: number;
}

/** A KOS of the demo org, ready for `createKos` once `unit` (a DemoUnit key) is resolved to an id. */
export interface DemoKos {
  code: string;
  handle: string;
  name: string;
  relationship: Relationship;
  unit: string | null;
  status: KosStatus;
  tier: Tier | null;
  categories: string[];
  voucherCodes: string[];
  taxProfile: { hasLabourContract3m: boolean; commitment08: boolean; taxCode: string | null };
  bio: string | null;
  contacts: { zalo?: string; phone?: string };
  accounts: DemoAccount[];
}

const FOLLOWER_BANDS = {
  nano: [1_000, 10_000],
  micro: [10_000, 50_000],
  mid: [50_000, 500_000],
  macro: [500_000, 1_000_000],
  mega: [1_000_000, 3_000_000],
} as const;
const PLATFORM_WEIGHTS: Record<DemoPlatform, number> = { tiktok_shop: 6, shopee: 3, facebook: 3, youtube: 1, lazada: 1 };
const PROFILE_URL: Record<DemoPlatform, (handle: string) => string> = {
  tiktok_shop: (h) => `https://www.tiktok.com/@${h}`,
  shopee: (h) => `https://shopee.vn/${h}`,
  facebook: (h) => `https://www.facebook.com/${h}`,
  youtube: (h) => `https://www.youtube.com/@${h}`,
  lazada: (h) => `https://www.lazada.vn/shop/${h}`,
};

/**
 * The demo roster: the featured KOS, then ROSTER in shuffled order with the rest drawn from `rand`.
 * Codes count per city (`HCM01`, `HN07`), handles are `hs.<given>.<family>`; featured KOS always
 * have a voucher and a tax code.
 */
export function buildDemoRoster(rand: Random): DemoKos[] {
  const slots = ROSTER.flatMap(([relationship, unit, count]) => Array.from({ length: count }, () => ({ relationship, unit })));
  if (slots.length !== STATUS_POOL.length) throw new Error('demo roster and status pool differ in size');
  const statuses = rand.shuffle(STATUS_POOL);
  const seeds: Seed[] = [...FEATURED, ...rand.shuffle(slots).map((slot, i) => ({ ...slot, status: statuses[i] as KosStatus }))];
  const names = new Set(FEATURED.map((s) => s.name ?? ''));
  const stems = new Set<string>();
  const counters = new Map<string, number>();
  return seeds.map((seed) => {
    const featured = seed.name !== undefined;
    const name = seed.name ?? drawName(rand, names);
    const stem = uniqueStem(name, stems);
    const city = seed.city ?? DEMO_UNITS.find((u) => u.key === seed.unit)?.city ?? rand.pick(['HCM', 'HCM', 'HN', 'DN', 'CT']);
    const number = (counters.get(city) ?? 0) + 1;
    counters.set(city, number);
    const code = `${city}${String(number).padStart(2, '0')}`;
    const employed = seed.relationship === 'employee' || seed.relationship === 'store_staff';
    const working = seed.status === 'active' || seed.status === 'paused';
    const categories = seed.categories ?? drawCategories(rand);
    const accountHandle = `${stem}.${rand.pick(HANDLE_SUFFIXES)}`;
    const accounts = (seed.accounts ?? drawAccounts(rand, seed.status)).map(([platform, followers]) => ({
      platform,
      handle: accountHandle,
      url: PROFILE_URL[platform](accountHandle),
      followers,
    }));
    return {
      code,
      handle: `hs.${stem}`,
      name,
      relationship: seed.relationship,
      unit: seed.unit,
      status: seed.status,
      tier: seed.tier !== undefined ? seed.tier : drawTier(rand, seed.status),
      categories,
      voucherCodes: featured || (working && rand.chance(0.35)) ? [`HOASEN${code}`] : [],
      taxProfile: {
        hasLabourContract3m: employed,
        commitment08: seed.commitment08 ?? (seed.relationship === 'independent' && rand.chance(0.3)),
        taxCode: featured || rand.chance(employed ? 0.85 : 0.55) ? `8${rand.digits(9)}` : null,
      },
      bio: seed.bio ?? (working && rand.chance(0.7) ? drawBio(rand, city, categories[0] ?? 'mỹ phẩm') : null),
      contacts: seed.status === 'candidate' || seed.status === 'offboarded' || rand.chance(0.4) ? {} : drawContacts(rand),
      accounts,
    };
  });
}

/** A Vietnamese full name (80 % female) not in `taken`, which it joins. */
export function drawName(rand: Random, taken: Set<string>): string {
  for (;;) {
    const female = rand.chance(0.8);
    const family = rand.pick(FAMILY_NAMES);
    const middle = rand.pick(female ? FEMALE_MIDDLE : MALE_MIDDLE);
    const name = `${family} ${middle} ${rand.pick(female ? FEMALE_GIVEN : MALE_GIVEN)}`;
    if (middle !== family && !taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** `Võ Thị Kim Ngân` → `ngan.vo` (then `ngan.vo2`, … when taken). */
function uniqueStem(name: string, taken: Set<string>): string {
  const words = foldText(name).split(' ');
  const base = `${words[words.length - 1]}.${words[0]}`;
  let stem = base;
  for (let n = 2; taken.has(stem); n++) stem = `${base}${n}`;
  taken.add(stem);
  return stem;
}

function drawTier(rand: Random, status: KosStatus): Tier | null {
  if (status === 'candidate') return null;
  if (status === 'onboarding') return rand.chance(0.3) ? 'C' : null;
  const tier =
    status === 'active' ? rand.weighted({ S: 1, A: 3, B: 4, C: 2, none: 1 }) : rand.weighted({ A: 1, B: 2, C: 2, none: 1 });
  return tier === 'none' ? null : tier;
}

function drawCategories(rand: Random): string[] {
  const first = rand.weighted({ 'Chăm sóc da': 5, 'Trang điểm': 3, 'Chống nắng': 2, 'Chăm sóc tóc': 1, 'Chăm sóc cơ thể': 1 });
  const others = rand.shuffle(CATEGORIES.filter((c) => c !== first));
  return [first, ...others.slice(0, rand.int(0, 2))];
}

/** 1–3 accounts on distinct platforms; followers mostly nano/micro, a few mid and up. */
function drawAccounts(rand: Random, status: KosStatus): [DemoPlatform, number][] {
  const count = status === 'candidate' ? 1 : rand.pick([1, 1, 1, 2, 2, 2, 2, 3, 3]);
  const platforms: DemoPlatform[] = [];
  while (platforms.length < count) {
    const platform = rand.weighted(PLATFORM_WEIGHTS);
    if (!platforms.includes(platform)) platforms.push(platform);
  }
  return platforms.map((platform) => {
    if (status === 'candidate' && rand.chance(0.5)) return [platform, rand.int(20, 99) * 10];
    const [low, high] = FOLLOWER_BANDS[rand.weighted({ nano: 50, micro: 30, mid: 14, macro: 4, mega: 2 })];
    // Log-uniform within the band, rounded down to tens (so it never reaches the next band).
    return [platform, Math.floor((low * (high / low) ** rand.next()) / 10) * 10];
  });
}

function drawBio(rand: Random, city: string, category: string): string {
  return rand
    .pick(BIO_TEMPLATES)
    .replace('{city}', CITY_NAMES[city] ?? city)
    .replace('{category}', category.toLowerCase());
}

function drawContacts(rand: Random): { zalo?: string; phone?: string } {
  const number = `${rand.pick(PHONE_PREFIXES)} ${rand.digits(3)} ${rand.digits(4)}`;
  const which = rand.weighted({ both: 2, zalo: 2, phone: 1 });
  return {
    ...(which !== 'phone' ? { zalo: number.replaceAll(' ', '') } : {}),
    ...(which !== 'zalo' ? { phone: number } : {}),
  };
}
