import type { KosStatus, Relationship, Tier } from '../kos/kos.js';

/** The platforms demo accounts are on. */
export type DemoPlatform = 'tiktok_shop' | 'shopee' | 'facebook' | 'youtube' | 'lazada';

/** What a roster entry fixes before the details are drawn. */
export interface Seed {
  name?: string;
  relationship: Relationship;
  unit: string | null;
  status: KosStatus;
  city?: string;
  tier?: Tier | null;
  categories?: string[];
  commitment08?: boolean;
  bio?: string;
  accounts?: [DemoPlatform, number][];
}

/** Hand-written KOS, created first. The first one is the demo `kos` member (kos.lan@…). */
export const FEATURED: Seed[] = [
  {
    name: 'Nguyễn Thị Lan',
    relationship: 'store_staff',
    unit: 'hcm-q1',
    status: 'active',
    tier: 'S',
    categories: ['Chăm sóc da', 'Chống nắng'],
    bio: 'Lan – beauty advisor Hoa Sen Quận 1. Soi da miễn phí, live 20h mỗi tối trên TikTok Shop 🌸',
    accounts: [
      ['tiktok_shop', 286_400],
      ['shopee', 42_150],
      ['facebook', 118_900],
    ],
  },
  {
    name: 'Trần Ngọc Hân',
    relationship: 'independent',
    unit: null,
    city: 'HCM',
    status: 'active',
    tier: 'S',
    categories: ['Trang điểm', 'Chăm sóc da'],
    bio: 'Hân Trần – makeup & skincare. Hợp tác nhiều thương hiệu Việt, chỉ nhận sản phẩm đã dùng thử 30 ngày.',
    accounts: [
      ['tiktok_shop', 1_840_000],
      ['youtube', 642_000],
      ['shopee', 215_300],
    ],
  },
  {
    name: 'Lê Thu Trang',
    relationship: 'employee',
    unit: 'hq',
    status: 'active',
    tier: 'A',
    categories: ['Chăm sóc da'],
    accounts: [
      ['tiktok_shop', 86_200],
      ['lazada', 15_400],
    ],
  },
  {
    name: 'Phạm Minh Thư',
    relationship: 'agent',
    unit: 'north',
    status: 'active',
    tier: 'A',
    categories: ['Chăm sóc tóc', 'Chăm sóc cơ thể'],
    accounts: [
      ['facebook', 54_300],
      ['shopee', 12_800],
    ],
  },
  {
    name: 'Võ Thị Kim Ngân',
    relationship: 'dealer_staff',
    unit: 'ct',
    status: 'active',
    tier: 'B',
    categories: ['Chống nắng'],
    accounts: [
      ['tiktok_shop', 9_800],
      ['facebook', 23_100],
    ],
  },
  {
    name: 'Đặng Quỳnh Anh',
    relationship: 'independent',
    unit: null,
    city: 'DN',
    status: 'active',
    tier: 'B',
    categories: ['Trang điểm'],
    commitment08: true,
    accounts: [
      ['tiktok_shop', 35_600],
      ['youtube', 7_900],
    ],
  },
];

/** How the drawn part of the roster is spread: relationship, unit key (null: none), how many. */
export const ROSTER: [Relationship, string | null, number][] = [
  ['employee', 'hq', 4],
  ['employee', 'north', 1],
  ['employee', 'central', 1],
  ['employee', 'south', 2],
  ['store_staff', 'hn-cg', 3],
  ['store_staff', 'hn-hk', 2],
  ['store_staff', 'hp', 2],
  ['store_staff', 'dn', 3],
  ['store_staff', 'hue', 2],
  ['store_staff', 'nt', 2],
  ['store_staff', 'hcm-q1', 3],
  ['store_staff', 'hcm-q7', 3],
  ['store_staff', 'hcm-td', 2],
  ['dealer_staff', 'mekong', 2],
  ['dealer_staff', 'ct', 3],
  ['agent', 'north', 2],
  ['agent', 'central', 3],
  ['agent', 'south', 3],
  ['independent', null, 6],
  ['independent', 'hq', 3],
  ['independent', 'south', 2],
];

/** Statuses dealt to the drawn roster (as many as ROSTER places): mostly active, every stage present. */
export const STATUS_POOL: KosStatus[] = [
  ...Array<KosStatus>(34).fill('active'),
  ...Array<KosStatus>(6).fill('onboarding'),
  ...Array<KosStatus>(6).fill('candidate'),
  ...Array<KosStatus>(5).fill('paused'),
  ...Array<KosStatus>(3).fill('offboarded'),
];
