import { describe, expect, test } from 'vitest';
import { pageCount, type RunSheetPageData, renderRunSheet } from './run-sheet-page.js';
import type { Segment } from './run-sheets.js';

const START = Date.parse('2099-11-25T20:00:00+07:00');
const segment = (position: number, startMinute: number, durationMinutes: number, over: Partial<Segment> = {}): Segment => ({
  position,
  productId: `p${position}`,
  startMinute,
  durationMinutes,
  talkingPoints: `points ${position}`,
  faqs: [],
  flashOffer: null,
  stockWarning: false,
  ...over,
});
const data = (minutes: number, segments: Segment[], over: Partial<RunSheetPageData> = {}): RunSheetPageData => ({
  locale: 'en',
  timeZone: 'Asia/Ho_Chi_Minh',
  orgName: 'Org',
  session: { title: 'Serum night', scheduledStart: START, scheduledEnd: START + minutes * 60_000, currency: 'VND' },
  minutes,
  segments,
  products: new Map(segments.map((s) => [s.productId, { name: `Product ${s.position}`, sku: `SKU${s.position}`, stock: 5 }])),
  ...over,
});
const pages = (html: string) => html.split('<section class="page">').slice(1);

describe('printable run-sheet', () => {
  test.each([
    { minutes: 0, want: 1 },
    { minutes: 45, want: 1 },
    { minutes: 60, want: 1 },
    { minutes: 61, want: 2 },
    { minutes: 150, want: 3 },
  ])('$minutes min → $want pages', ({ minutes, want }) => {
    expect(pageCount(minutes)).toBe(want);
    expect(pages(renderRunSheet(data(minutes, [])))).toHaveLength(want);
  });

  test('a 150-minute stream: 3 pages, each with the segments starting in its hour', () => {
    const html = renderRunSheet(data(150, [segment(1, 0, 50), segment(2, 50, 50), segment(3, 100, 25), segment(4, 125, 25)]));
    expect(html).toContain('@page{size:A4');
    expect(html).toContain('page-break-after:always');
    const [one, two, three] = pages(html);
    expect(pages(html)).toHaveLength(3);
    expect(one).toContain('Product 1');
    expect(one).toContain('Product 2');
    expect(two).toContain('Product 3');
    expect(two).not.toContain('Product 4');
    expect(three).toContain('Product 4');
    // clock time of a segment in the org zone: 20:00 + 125 min
    expect(three).toContain('22:05');
  });

  test('escapes every text: product names, talking points, FAQs, the title', () => {
    const evil = '<script>alert(1)</script>';
    const s = segment(1, 0, 30, { talkingPoints: `"${evil}"`, faqs: [{ q: evil, a: `a & ${evil}` }] });
    const html = renderRunSheet(
      data(30, [s], {
        session: { title: evil, scheduledStart: START, scheduledEnd: START + 1_800_000, currency: 'VND' },
        orgName: evil,
        products: new Map([['p1', { name: evil, sku: '<b>', stock: 0 }]]),
      }),
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });

  test('flash offer and stock warning rows; labels in each language', () => {
    const s = segment(1, 0, 30, {
      flashOffer: { priceMinor: 99_000, quantity: 20, startMinute: 5, endMinute: 10 },
      stockWarning: true,
    });
    const labels = {
      vi: ['Kịch bản livestream', 'Cảnh báo tồn kho', 'Điểm nhấn'],
      'zh-CN': ['直播脚本', '库存预警', '讲解要点'],
      en: ['Livestream run-sheet', 'Stock warning', 'Talking points'],
    } as const;
    for (const locale of ['vi', 'zh-CN', 'en'] as const) {
      const html = renderRunSheet(data(30, [s], { locale }));
      expect(html).toContain(`<html lang="${locale}">`);
      for (const label of labels[locale]) expect(html, locale).toContain(label);
      expect(html).toContain('99.000');
      expect(html).toContain('+5–10');
    }
  });
});
