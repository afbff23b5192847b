import type { Db } from '../../db/database.js';
import { foldText } from '../../lib/text.js';
import type { Principal } from '../access/access.js';
import { DEFAULT_PUBLIC_URL } from '../kos/kos.js';
import { convertApplication, patchApplication, submitApplication } from '../recruitment/applications.service.js';
import { createDrive, findDriveBySlug } from '../recruitment/drives.service.js';
import type { ApplicationStatus } from '../recruitment/recruitment.js';
import { applicationIn, applicationPatch, driveCreate } from '../recruitment/recruitment.schema.js';
import { CATEGORIES, HANDLE_SUFFIXES } from './demo-names.js';
import { drawName } from './demo-people.js';
import type { Random } from './demo-random.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The open drive of the demo (docs/recruitment.md), with the default criteria of a VND organisation. */
const DRIVE = {
  name: 'Tuyển KOS bán hàng Hoa Sen – Miền Nam 2026',
  slug: 'hoa-sen-mien-nam',
  relationships: ['independent', 'store_staff'],
  categories: ['Chăm sóc da', 'Trang điểm', 'Chống nắng'],
  passScore: 60,
  questions: [
    { key: 'livestream', label: 'Bạn đã từng livestream bán hàng chưa?' },
    { key: 'sampleVideo', label: 'Bạn có thể quay video với hàng mẫu trong 7 ngày không?' },
  ],
};
/** How many applications end in each status (40 in all), and how many accepted ones become KOS. */
const PLAN: readonly [ApplicationStatus, number][] = [
  ['new', 9],
  ['screening', 8],
  ['interview', 7],
  ['accepted', 6],
  ['rejected', 6],
  ['withdrawn', 4],
];
const CONVERTED = 3;
/** The moves to each final status, in order (`*`: the reviewer marks the assessment with it); one path is drawn. */
const PATHS: Record<ApplicationStatus, readonly string[][]> = {
  new: [[]],
  screening: [['screening'], ['screening*']],
  interview: [['screening', 'interview*']],
  accepted: [['screening', 'interview*', 'accepted']],
  rejected: [
    ['screening', 'rejected'],
    ['screening', 'interview*', 'rejected'],
  ],
  withdrawn: [['withdrawn'], ['screening', 'withdrawn'], ['screening', 'interview*', 'withdrawn']],
};
const NOTES: Record<ApplicationStatus, readonly (string | null)[]> = {
  new: [null],
  screening: [
    'Hồ sơ đủ thông tin, đã gọi xác nhận',
    'Kênh bán hàng đăng bài đều, chuyển sàng lọc',
    'Đã xem ảnh chụp doanh số',
    null,
  ],
  interview: [
    'Hẹn phỏng vấn online qua Zalo lúc 14h',
    'Mời livestream thử 15 phút với hàng mẫu',
    'Phỏng vấn tại cửa hàng Quận 7',
  ],
  accepted: [
    'Livestream thử tốt, nói chuyện tự nhiên – nhận',
    'Hợp nhóm chống nắng, bắt đầu từ tháng sau',
    'Có sẵn tệp khách quen',
  ],
  rejected: [
    'Doanh số khai báo thấp, chưa phù hợp đợt này',
    'Kênh chủ yếu review đồ ăn, không hợp mỹ phẩm',
    'Gọi 3 lần không liên lạc được',
  ],
  withdrawn: ['Ứng viên xin rút – đã nhận việc nơi khác', 'Bận việc gia đình, hẹn đợt sau', 'Không đồng ý mức hoa hồng'],
};
const OVERRIDE_NOTE = 'Điểm dưới ngưỡng nhưng livestream thử rất tốt – trưởng vùng đồng ý nhận';
const PROVINCES = {
  'TP. Hồ Chí Minh': 10,
  'Bình Dương': 3,
  'Đồng Nai': 3,
  'Cần Thơ': 3,
  'Long An': 2,
  'Tiền Giang': 2,
  'An Giang': 2,
  'Bà Rịa – Vũng Tàu': 2,
  'Vĩnh Long': 1,
  'Bến Tre': 1,
  'Cà Mau': 1,
  'Lâm Đồng': 1,
};
const PHONE_PREFIXES = ['090', '091', '093', '094', '096', '097', '098', '032', '033', '035', '036', '038', '039'] as const;
const PLATFORMS = { tiktok_shop: 5, shopee: 3, facebook: 3 };

export interface DemoRecruitment {
  slug: string;
  applications: number;
  converted: { id: string; code: string }[];
}

/**
 * Adds the open drive and its 40 applications, moved through the pipeline with the services (history with
 * notes, reviewers' assessments, an override), and converts the first accepted ones into `onboarding` KOS.
 * `names`, `handles` and `codes` are those of the roster (kept distinct).
 */
export async function addDemoRecruitment(
  db: Db,
  owner: Principal,
  unitId: string | null,
  taken: { names: Set<string>; handles: Set<string>; codes: Set<string> },
  rand: Random,
  now: number,
): Promise<DemoRecruitment> {
  await createDrive(db, { publicUrl: DEFAULT_PUBLIC_URL }, owner, driveCreate.parse({ ...DRIVE, unitId }), now - 35 * DAY);
  const drive = await findDriveBySlug(db, DRIVE.slug);
  if (!drive) throw new Error('demo data: the drive was not stored');
  const seen = new Set<string>();
  const plan = rand.shuffle(
    PLAN.flatMap(([status, n]) => Array.from({ length: n }, (_, i) => ({ status, q: quality(status, i, n, rand) }))),
  );
  const converted: DemoRecruitment['converted'] = [];
  for (const { status, q } of plan) {
    const moves = rand.pick(PATHS[status]);
    let at =
      now - (moves.length === 0 ? rand.int(2, 110) * HOUR : (moves.length * 3 + rand.int(1, 6)) * DAY + rand.int(0, 20) * HOUR);
    const person = applicant(rand, q, taken.names, seen);
    const { id } = await submitApplication(db, drive, applicationIn.parse(person), at);
    let score = 0;
    for (const move of moves) {
      at += rand.int(1, 3) * DAY - rand.int(0, 8) * HOUR;
      const to = move.replace('*', '') as ApplicationStatus;
      const assessments = move.endsWith('*') ? { newMedia: Math.round(jitter(rand, q) * 5) } : undefined;
      const override = to === 'accepted' && score < DRIVE.passScore;
      const note = override ? OVERRIDE_NOTE : rand.pick(NOTES[to]);
      const patch = applicationPatch.parse({ status: to, assessments, note, ...(override ? { override } : {}) });
      score = (await patchApplication(db, owner, id, patch, at)).score;
    }
    if (status === 'accepted' && converted.length < CONVERTED) {
      const input = { code: nextCode(taken.codes), handle: kosHandle(person.name, taken.handles) };
      const kos = await convertApplication(db, owner, id, input, at + 12 * HOUR);
      converted.push({ id: kos.id, code: kos.code });
    }
  }
  return { slug: DRIVE.slug, applications: plan.length, converted };
}

const RANGES: Record<ApplicationStatus, [number, number]> = {
  new: [0.05, 0.95],
  screening: [0.15, 0.95],
  interview: [0.35, 0.95],
  accepted: [0.45, 1],
  rejected: [0, 0.45],
  withdrawn: [0.1, 0.9],
};

/** The applicant's overall strength in [0, 1], spread evenly over each status's range (accepted high, rejected low). */
function quality(status: ApplicationStatus, i: number, n: number, rand: Random): number {
  const [low, high] = RANGES[status];
  return low + ((high - low) * (i + rand.next())) / n;
}

/** `q` give or take 0.15, within [0, 1]. */
const jitter = (rand: Random, q: number): number => Math.min(1, Math.max(0, q + (rand.next() - 0.5) * 0.3));

/** What the public form would send for an applicant of strength `q`: a new name, phone and email each time. */
function applicant(rand: Random, q: number, names: Set<string>, seen: Set<string>) {
  const name = drawName(rand, names);
  const words = foldText(name).split(' ');
  const [family, given] = [words[0] ?? '', words.at(-1) ?? ''];
  let phone: string;
  do {
    const digits = `${rand.pick(PHONE_PREFIXES)}${rand.digits(7)}`;
    phone = `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`;
  } while (seen.has(phone));
  seen.add(phone);
  let email: string;
  do email = `${given}.${family}${rand.int(1992, 2004)}@${rand.weighted({ 'gmail.com': 8, 'yahoo.com': 1, 'icloud.com': 1 })}`;
  while (seen.has(email));
  seen.add(email);
  const followers = Math.round(10 ** (2.7 + jitter(rand, q) * 2.3) / 10) * 10;
  const platforms = rand.shuffle(Object.keys(PLATFORMS)).slice(0, rand.int(1, q > 0.5 ? 3 : 2));
  const fit = rand.shuffle(DRIVE.categories).slice(0, 1 + Math.floor(jitter(rand, q) * 2.99));
  return {
    name,
    phone: rand.chance(0.2) ? `+84 ${phone.slice(1)}` : phone,
    email,
    province: rand.weighted(PROVINCES),
    relationship: rand.chance(0.8) ? 'independent' : 'store_staff',
    accounts: platforms.map((platform, i) => ({
      platform,
      handle: `${given}${family}${i === 0 ? '' : `.${rand.pick(HANDLE_SUFFIXES)}`}${rand.int(1, 99)}`,
      followers: i === 0 ? followers : Math.round((followers * rand.int(5, 60)) / 1000) * 10,
    })),
    categories: rand.chance(0.3) ? [...fit, rand.pick(CATEGORIES.filter((c) => !fit.includes(c)))] : fit,
    salesMinor: q < 0.25 && rand.chance(0.4) ? null : Math.round((jitter(rand, q) * 80_000_000) / 500_000) * 500_000,
    coverage: rand.chance(0.15) ? null : Math.round(jitter(rand, q) * 7),
    answers: { livestream: rand.chance(0.3 + 0.6 * q), sampleVideo: rand.chance(0.75) },
    consent: true,
  };
}

/** The next free `HCMnn` code (the drive recruits for the south). */
function nextCode(codes: Set<string>): string {
  for (let n = 1; ; n++) {
    const code = `HCM${String(n).padStart(2, '0')}`;
    if (!codes.has(code)) {
      codes.add(code);
      return code;
    }
  }
}

/** `hs.<given>.<family>` as the roster's handles, numbered when taken. */
function kosHandle(name: string, handles: Set<string>): string {
  const words = foldText(name).split(' ');
  const base = `hs.${words.at(-1)}.${words[0]}`;
  let handle = base;
  for (let n = 2; handles.has(handle); n++) handle = `${base}${n}`;
  handles.add(handle);
  return handle;
}
