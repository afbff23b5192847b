import type { LineStatus } from '../orders/lines.js';
import { statusTable } from './fields.js';

/** Raw status texts per platform (docs/formats.md, each source's statuses); compared folded, so `Đã hủy` = `Đã Huỷ`. */
export const SHOPEE_STATUSES = statusTable<LineStatus>({
  unpaid: ['Chưa thanh toán', 'Unpaid'],
  pending: ['Đang chờ xử lý', 'Pending'],
  completed: ['Hoàn thành', 'Completed'],
  cancelled: ['Đã hủy', 'Cancelled', 'Canceled'],
  returned: [],
});

export const TIKTOK_STATUSES = statusTable<LineStatus>({
  unpaid: ['Customer Unpaid', 'Unpaid', 'Chưa thanh toán'],
  pending: ['Processing', 'Pending', 'Đang xử lý'],
  completed: ['Completed', 'Đã hoàn thành', 'Settled'],
  cancelled: ['Canceled', 'Cancelled', 'Đã hủy', 'Ineligible'],
  returned: [],
});

/**
 * The creator-side export's settlement statuses (docs/formats.md, `tiktok_creator`). `ineligible` becomes
 * `returned` when every item was refunded, else `cancelled` (the parser decides).
 */
export const TIKTOK_CREATOR_STATUSES = statusTable<LineStatus | 'ineligible'>({
  unpaid: ['Customer Unpaid', 'Khách hàng chưa thanh toán', 'Chưa thanh toán'],
  pending: ['Pending', 'Đang chờ xử lý', 'Chờ xử lý', 'Frozen', 'Đã đóng băng', 'Bị đóng băng', 'Not settled', 'Chưa quyết toán'],
  completed: ['Settled', 'Đã quyết toán'],
  cancelled: [],
  returned: [],
  ineligible: ['Ineligible', 'Không đủ điều kiện', 'Refunded'],
});

export const LAZADA_STATUSES = statusTable<LineStatus>({
  unpaid: [],
  pending: ['fulfilled'],
  completed: ['delivered'],
  cancelled: [],
  returned: ['returned'],
});

export const ACCESSTRADE_STATUSES = statusTable<LineStatus>({
  unpaid: [],
  pending: ['0'],
  completed: ['1'],
  cancelled: ['2'],
  returned: [],
});

export const CANONICAL_STATUSES = statusTable<LineStatus>({
  unpaid: ['unpaid'],
  pending: ['pending'],
  completed: ['completed'],
  cancelled: ['cancelled'],
  returned: ['returned'],
});

/** What a generic or webhook line's `status` may say, by its platform: canonical, or that platform's raw text. */
export function statusTableFor(platform: string): Readonly<Record<string, LineStatus>> {
  const own =
    platform === 'shopee'
      ? SHOPEE_STATUSES
      : platform === 'tiktok_shop'
        ? TIKTOK_STATUSES
        : platform === 'lazada'
          ? LAZADA_STATUSES
          : {};
  return { ...own, ...CANONICAL_STATUSES };
}
