import type { Locale } from '../../lib/locale.js';

/** Labels of the printable run-sheet in the three console languages. */
export type RunSheetWord =
  | 'title'
  | 'hour'
  | 'time'
  | 'minutes'
  | 'product'
  | 'talkingPoints'
  | 'faqs'
  | 'flashOffer'
  | 'units'
  | 'noLimit'
  | 'stock'
  | 'stockWarning'
  | 'stockUnknown'
  | 'empty';

export const RUN_SHEET_WORDS: Record<Locale, Record<RunSheetWord, string>> = {
  vi: {
    title: 'Kịch bản livestream',
    hour: 'Giờ thứ',
    time: 'Thời gian',
    minutes: 'phút',
    product: 'Sản phẩm',
    talkingPoints: 'Điểm nhấn',
    faqs: 'Câu hỏi thường gặp',
    flashOffer: 'Flash sale',
    units: 'suất',
    noLimit: 'không giới hạn',
    stock: 'Tồn kho',
    stockWarning: 'Cảnh báo tồn kho',
    stockUnknown: 'chưa rõ',
    empty: 'Phiên này chưa có sản phẩm.',
  },
  'zh-CN': {
    title: '直播脚本',
    hour: '第几小时',
    time: '时间',
    minutes: '分钟',
    product: '商品',
    talkingPoints: '讲解要点',
    faqs: '常见问题',
    flashOffer: '秒杀',
    units: '件',
    noLimit: '不限量',
    stock: '库存',
    stockWarning: '库存预警',
    stockUnknown: '未知',
    empty: '本场直播尚无商品。',
  },
  en: {
    title: 'Livestream run-sheet',
    hour: 'Hour',
    time: 'Time',
    minutes: 'min',
    product: 'Product',
    talkingPoints: 'Talking points',
    faqs: 'FAQs',
    flashOffer: 'Flash offer',
    units: 'units',
    noLimit: 'no limit',
    stock: 'Stock',
    stockWarning: 'Stock warning',
    stockUnknown: 'unknown',
    empty: 'This session has no products yet.',
  },
};
