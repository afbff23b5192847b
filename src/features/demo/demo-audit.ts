import type { AuditItem } from '../kos/account-audit.js';
import type { KosStatus } from '../kos/kos.js';
import { DEFAULT_PUBLIC_URL } from '../kos/kos.js';
import type { DemoAccount } from './demo-people.js';
import type { Random } from './demo-random.js';

/** The demo's brand kit (docs/matrix.md "Brand kit"): the brand words the audit looks for, and where every KOS should sell. */
export const DEMO_BRAND_KIT = {
  brandWords: ['Hoa Sen', 'HoaSen'],
  targetPlatforms: ['tiktok_shop', 'shopee', 'facebook'],
} as const;

/** What an account shows and the brand's two checks, as `accountCreate` takes them. */
export interface DemoAuditFields {
  displayName: string | null;
  bio: string | null;
  linkInBio: string | null;
  verified: boolean;
  avatarOk: boolean | null;
  pinnedOk: boolean | null;
}

/** How many of the five audit items pass, by the KOS's status: working KOS are mostly done, new ones not yet. */
const PASSING: Record<KosStatus, Readonly<Record<'5' | '4' | '3' | '2' | '0', number>>> = {
  active: { 5: 9, 4: 5, 3: 3, 2: 1, 0: 0 },
  paused: { 5: 1, 4: 2, 3: 2, 2: 1, 0: 0 },
  onboarding: { 5: 0, 4: 2, 3: 2, 2: 1, 0: 0 },
  candidate: { 5: 0, 4: 0, 3: 1, 2: 1, 0: 1 },
  offboarded: { 5: 0, 4: 1, 3: 1, 2: 1, 0: 0 },
};
/** The items a half-done account misses first: the brand's checks and the link, more than the name. */
const FAILS_FIRST: Readonly<Record<AuditItem, number>> = { pinned: 4, link: 3, avatar: 2, bio: 2, name: 1 };

const BRAND_BIOS = [
  'Đại sứ Hoa Sen 🌸 Review mỹ phẩm thật, live 20h thứ 3-5-7',
  'KOS chính thức của Mỹ phẩm Hoa Sen – mã giảm giá ở link bên dưới 👇',
  '#HoaSen | Skincare thuần Việt, tư vấn theo loại da miễn phí',
];
const PLAIN_BIOS = [
  'Review mỹ phẩm thật, không PR lố ✨',
  'Săn sale mỗi ngày – inbox để được tư vấn',
  'Chia sẻ skincare cho da dầu mụn',
];

/**
 * The audit fields of one demo account (docs/matrix.md "Account audit"): how many of the five items pass is
 * drawn by the KOS's status, the failing ones mostly the brand's checks and the link; a passing link is the
 * KOS's bio page. Draws only from `rand`, which is the audit's own PRNG so the rest of the demo stays put.
 */
export function demoAuditFields(
  rand: Random,
  kos: { name: string; handle: string; status: KosStatus },
  account: DemoAccount,
): DemoAuditFields {
  const passing = Number(rand.weighted(PASSING[kos.status]));
  const failing = new Set<AuditItem>();
  while (failing.size < 5 - passing) failing.add(rand.weighted(FAILS_FIRST));
  const ok = (item: AuditItem) => !failing.has(item);
  const given = kos.name.split(' ').at(-1) ?? kos.name;
  const blank = passing === 0 && rand.chance(0.5);
  return {
    displayName: ok('name') ? rand.pick([`${kos.name} | Hoa Sen`, `${given} x HoaSen`]) : blank ? null : `${given} Beauty`,
    bio: ok('bio') ? rand.pick(BRAND_BIOS) : blank ? null : rand.pick(PLAIN_BIOS),
    linkInBio: ok('link')
      ? `${DEFAULT_PUBLIC_URL}/@${kos.handle}`
      : blank || rand.chance(0.4)
        ? null
        : `https://linktr.ee/${account.handle}`,
    verified: account.followers >= 100_000 && rand.chance(0.6),
    avatarOk: ok('avatar') ? true : blank ? null : rand.pick([false, null]),
    pinnedOk: ok('pinned') ? true : blank ? null : rand.pick([false, null]),
  };
}
