import type { UnitKind } from '../units/units.js';

/** A unit of the demo org; `parent` and `key` are local names, `city` prefixes the KOS codes there. */
export interface DemoUnit {
  key: string;
  name: string;
  kind: UnitKind;
  parent: string | null;
  city: string;
}

export const DEMO_ORG = {
  slug: 'demo',
  name: 'Mỹ phẩm Hoa Sen (demo)',
  currency: 'VND',
  timezone: 'Asia/Ho_Chi_Minh',
  locale: 'vi',
} as const;

export const DEMO_PASSWORD = 'demo-owner-2026';
export const DEMO_OWNER = { email: 'owner@demo.kosmatrix.local', name: 'Trần Minh Khôi' } as const;

/** HQ → 3 regions → stores, and one dealer (with its own store) in the south. Parents come first. */
export const DEMO_UNITS: readonly DemoUnit[] = [
  { key: 'hq', name: 'Trụ sở chính – TP.HCM', kind: 'hq', parent: null, city: 'HCM' },
  { key: 'north', name: 'Miền Bắc', kind: 'region', parent: 'hq', city: 'HN' },
  { key: 'central', name: 'Miền Trung', kind: 'region', parent: 'hq', city: 'DN' },
  { key: 'south', name: 'Miền Nam', kind: 'region', parent: 'hq', city: 'HCM' },
  { key: 'hn-cg', name: 'Cửa hàng Hà Nội – Cầu Giấy', kind: 'store', parent: 'north', city: 'HN' },
  { key: 'hn-hk', name: 'Cửa hàng Hà Nội – Hoàn Kiếm', kind: 'store', parent: 'north', city: 'HN' },
  { key: 'hp', name: 'Cửa hàng Hải Phòng – Lê Chân', kind: 'store', parent: 'north', city: 'HP' },
  { key: 'dn', name: 'Cửa hàng Đà Nẵng – Hải Châu', kind: 'store', parent: 'central', city: 'DN' },
  { key: 'hue', name: 'Cửa hàng Huế – Phú Hội', kind: 'store', parent: 'central', city: 'HUE' },
  { key: 'nt', name: 'Cửa hàng Nha Trang – Lộc Thọ', kind: 'store', parent: 'central', city: 'NT' },
  { key: 'hcm-q1', name: 'Cửa hàng TP.HCM – Quận 1', kind: 'store', parent: 'south', city: 'HCM' },
  { key: 'hcm-q7', name: 'Cửa hàng TP.HCM – Quận 7', kind: 'store', parent: 'south', city: 'HCM' },
  { key: 'hcm-td', name: 'Cửa hàng TP.HCM – Thủ Đức', kind: 'store', parent: 'south', city: 'HCM' },
  { key: 'bh', name: 'Cửa hàng Biên Hòa – Đồng Nai', kind: 'store', parent: 'south', city: 'BH' },
  { key: 'mekong', name: 'Đại lý Mekong Beauty', kind: 'dealer', parent: 'south', city: 'CT' },
  { key: 'ct', name: 'Cửa hàng Cần Thơ – Ninh Kiều (đại lý)', kind: 'store', parent: 'mekong', city: 'CT' },
];

export interface DemoMember {
  email: string;
  name: string;
  role: 'manager' | 'viewer' | 'kos';
  unit?: string;
  kosCode?: string;
}

/** Members besides the owner; all log in with DEMO_PASSWORD. `kosCode` links a `kos` member to their KOS. */
export const DEMO_MEMBERS: readonly DemoMember[] = [
  { email: 'manager.south@demo.kosmatrix.local', name: 'Huỳnh Thanh Phong', role: 'manager', unit: 'south' },
  { email: 'viewer@demo.kosmatrix.local', name: 'Bùi Thị Hồng', role: 'viewer' },
  { email: 'kos.lan@demo.kosmatrix.local', name: 'Nguyễn Thị Lan', role: 'kos', kosCode: 'HCM01' },
];
