import { describe, expect, test } from 'vitest';
import type { Locale } from '../../lib/locale.js';
import { renderStatement, type StatementData } from './statement-page.js';

const statement = (locale: Locale, currency: string, overrides: Partial<StatementData> = {}): string =>
  renderStatement({
    locale,
    orgName: 'Hoa Sen',
    kos: { code: 'LAN01', name: 'Lan', taxCode: null },
    payout: {
      id: 'p1',
      period: '2026-10',
      status: 'approved',
      grossMinor: currency === 'VND' ? 1_234_568 : 123_456_750,
      withheldMinor: 0,
      netMinor: currency === 'VND' ? 1_234_568 : 123_456_750,
      currency,
      reference: null,
    },
    entries: [
      { kind: 'sale', amountMinor: currency === 'VND' ? 1_234_568 : 123_456_750, cause: 'shopee 1', eligibleAt: '2026-10-31' },
    ],
    ...overrides,
  });

describe('payout statement display', () => {
  test.each(['vi', 'zh-CN', 'en'] as const)('%s: VND reads 1.234.568 ₫ whatever the language', (locale) => {
    const html = statement(locale, 'VND');
    expect(html).toContain('1.234.568 ₫');
    expect(html).not.toContain('₫1,234,568');
  });

  test('English statement of a VND payout: 1.234.568 ₫, not ₫1,234,568', () => {
    const html = statement('en', 'VND');
    expect(html).toContain('<td class="n">1.234.568 ₫</td>');
    expect(html).not.toMatch(/₫\d/);
  });

  test.each(['vi', 'zh-CN', 'en'] as const)('%s: CNY reads ¥1,234,567.50 whatever the language', (locale) => {
    expect(statement(locale, 'CNY')).toContain('¥1,234,567.50');
  });

  test('nothing withheld shows 0, not -0', () => {
    const html = statement('vi', 'VND');
    expect(html).toContain('<td class="n">0 ₫</td>');
    expect(html).not.toContain('-0 ₫');
  });

  test('withholding shows as a negative amount', () => {
    const html = statement('en', 'VND', {
      payout: {
        id: 'p1',
        period: '2026-10',
        status: 'paid',
        grossMinor: 2_500_000,
        withheldMinor: 250_000,
        netMinor: 2_250_000,
        currency: 'VND',
        reference: 'VCB-1',
      },
    });
    expect(html).toContain('-250.000 ₫');
    expect(html).toContain('2.250.000 ₫');
  });

  test.each([
    ['vi', '31/10/2026'],
    ['zh-CN', '2026年10月31日'],
    ['en', '31 Oct 2026'],
  ] as const)('%s: the eligible date is written in the statement language', (locale, want) => {
    expect(statement(locale, 'VND')).toContain(`<td>${want}</td>`);
  });

  test('an eligible instant is dated on the org time zone (17:00 UTC is the next day in Ho Chi Minh City)', () => {
    const entries = [{ kind: 'sale', amountMinor: 1, cause: 'x', eligibleAt: '2026-10-31T17:00:00.000Z' }];
    expect(statement('vi', 'VND', { entries, timeZone: 'Asia/Ho_Chi_Minh' })).toContain('<td>01/11/2026</td>');
    expect(statement('vi', 'VND', { entries })).toContain('<td>31/10/2026</td>');
  });
});
