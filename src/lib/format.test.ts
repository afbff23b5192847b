import { describe, expect, test } from 'vitest';
import {
  displayLocale,
  formatCompact,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  formatRatio,
  toMajor,
} from './format.js';

const LANGUAGES = ['vi', 'zh-CN', 'en'] as const;

describe('formatMoney: the currency decides, not the interface language', () => {
  const rows: [name: string, minor: number, currency: string, want: string][] = [
    ['VND', 1_234_568, 'VND', '1.234.568 ₫'],
    ['VND negative', -1_234_568, 'VND', '-1.234.568 ₫'],
    ['VND zero', 0, 'VND', '0 ₫'],
    ['VND negative zero has no sign', -0, 'VND', '0 ₫'],
    ['VND under a thousand', 999, 'VND', '999 ₫'],
    ['VND largest safe integer', Number.MAX_SAFE_INTEGER, 'VND', '9.007.199.254.740.991 ₫'],
    ['CNY', 123_456_750, 'CNY', '¥1,234,567.50'],
    ['CNY negative', -123_456_750, 'CNY', '-¥1,234,567.50'],
    ['CNY zero', 0, 'CNY', '¥0.00'],
    ['CNY one fen', 1, 'CNY', '¥0.01'],
    ['CNY minus one fen', -1, 'CNY', '-¥0.01'],
    ['CNY largest safe integer, exact to the fen', Number.MAX_SAFE_INTEGER, 'CNY', '¥90,071,992,547,409.91'],
    ['currency code in lower case', 1_234_568, 'vnd', '1.234.568 ₫'],
  ];
  for (const locale of LANGUAGES) {
    test.each(rows)(`${locale}: %s`, (_name, minor, currency, want) => {
      expect(formatMoney(minor, currency, locale)).toBe(want);
    });
  }

  test.each([
    ['vi', '1.234,50 US$'],
    ['zh-CN', 'US$1,234.50'],
    ['en', '$1,234.50'],
  ])('a currency without a known convention follows the interface language (%s)', (locale, want) => {
    expect(formatMoney(123_450, 'USD', locale)).toBe(want);
  });

  test('never a no-break or narrow space: the same bytes in Node and the browser', () => {
    for (const locale of LANGUAGES) expect(formatMoney(-5_000_000, 'VND', locale)).not.toMatch(/[\u00a0\u202f]/);
  });

  test('not a number → a dash, never `NaN ₫`', () => {
    expect(formatMoney(Number.NaN, 'VND', 'vi')).toBe('—');
  });

  test('toMajor uses the ISO 4217 minor digits', () => {
    expect([toMajor(1_234_568, 'VND'), toMajor(123_456_750, 'CNY')]).toEqual([1_234_568, 1_234_567.5]);
  });
});

describe('numbers follow the interface language', () => {
  test.each([
    ['vi', '1.234.567,5', '-12.345', '12,5%', '4,25×'],
    ['zh-CN', '1,234,567.5', '-12,345', '12.5%', '4.25×'],
    ['en', '1,234,567.5', '-12,345', '12.5%', '4.25×'],
  ])('%s', (locale, number, negative, percent, ratio) => {
    expect(formatNumber(1_234_567.5, locale)).toBe(number);
    expect(formatNumber(-12_345, locale)).toBe(negative);
    expect(formatNumber(0, locale)).toBe('0');
    expect(formatPercent(0.125, locale)).toBe(percent);
    expect(formatRatio(4.25, locale)).toBe(ratio);
    expect(formatPercent(null, locale)).toBe('—');
    expect(formatRatio(null, locale)).toBe('—');
  });

  test.each([
    ['zh-CN: 亿', 'zh-CN', 123_456_789, '1.23亿'],
    ['zh-CN: 万', 'zh-CN', 45_000, '4.5万'],
    ['vi: triệu', 'vi', 123_456_789, '123,46 Tr'],
    ['en: million', 'en', 123_456_789, '123.46M'],
    ['en: thousand', 'en', 45_000, '45K'],
  ])('compact figures, %s', (_name, locale, value, want) => {
    expect(formatCompact(value, locale)).toBe(want);
  });

  test.each([
    ['vi-VN', 'vi'],
    ['zh', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['en-GB', 'en'],
    ['cimode', 'en'],
  ])('language tag %s reads as %s', (tag, want) => {
    expect(displayLocale(tag)).toBe(want);
  });
});

describe('dates follow the interface language, on the given time zone', () => {
  const HCM = 'Asia/Ho_Chi_Minh';
  const SHANGHAI = 'Asia/Shanghai';
  test.each([
    ['a calendar date is not moved by a zone', '2026-11-05', 'America/Los_Angeles', '05/11/2026', '2026年11月5日', '05 Nov 2026'],
    ['last minute of the day in HCM (UTC+7)', '2026-11-24T16:59:00Z', HCM, '24/11/2026', '2026年11月24日', '24 Nov 2026'],
    ['first minute of the next day in HCM', '2026-11-24T17:00:00Z', HCM, '25/11/2026', '2026年11月25日', '25 Nov 2026'],
    ['the same instant is still the 24th in UTC', '2026-11-24T17:00:00Z', 'UTC', '24/11/2026', '2026年11月24日', '24 Nov 2026'],
    ['Shanghai (UTC+8) turns an hour earlier', '2026-11-24T16:00:00Z', SHANGHAI, '25/11/2026', '2026年11月25日', '25 Nov 2026'],
    ['an offset in the text is honoured', '2026-12-31T23:30:00-01:00', HCM, '01/01/2027', '2027年1月1日', '01 Jan 2027'],
    ['an unknown zone reads as UTC', '2026-11-24T17:00:00Z', 'Mars/Olympus', '24/11/2026', '2026年11月24日', '24 Nov 2026'],
  ])('formatDate: %s', (_name, value, zone, vi, zh, en) => {
    expect([formatDate(value, 'vi', zone), formatDate(value, 'zh-CN', zone), formatDate(value, 'en', zone)]).toEqual([
      vi,
      zh,
      en,
    ]);
  });

  test.each([
    ['before midnight in HCM', '2026-11-24T16:59:00Z', HCM, '23:59 24/11/2026', '2026年11月24日 23:59', '24 Nov 2026, 23:59'],
    [
      'midnight in HCM is 00:00, not 24:00',
      '2026-11-24T17:00:00Z',
      HCM,
      '00:00 25/11/2026',
      '2026年11月25日 00:00',
      '25 Nov 2026, 00:00',
    ],
    [
      'epoch milliseconds',
      Date.UTC(2026, 10, 25, 13, 5),
      SHANGHAI,
      '21:05 25/11/2026',
      '2026年11月25日 21:05',
      '25 Nov 2026, 21:05',
    ],
  ])('formatDateTime: %s', (_name, value, zone, vi, zh, en) => {
    expect([formatDateTime(value, 'vi', zone), formatDateTime(value, 'zh-CN', zone), formatDateTime(value, 'en', zone)]).toEqual([
      vi,
      zh,
      en,
    ]);
  });

  test('unreadable text comes back as it was', () => {
    expect(formatDate('soon', 'vi')).toBe('soon');
    expect(formatDateTime('', 'en')).toBe('');
  });
});
