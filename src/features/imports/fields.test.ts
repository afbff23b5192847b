import { describe, expect, test } from 'vitest';
import { decimalToMinor, excelDamage, mapStatus, normaliseHeader, parseReportTime, requireId } from './fields.js';
import { RowProblem } from './import-types.js';
import { SHOPEE_STATUSES, TIKTOK_STATUSES } from './statuses.js';

/** The RowProblem a call throws (fails the test when it does not throw one). */
function problemOf(call: () => unknown): RowProblem {
  try {
    call();
  } catch (error) {
    if (error instanceof RowProblem) return error;
    throw error;
  }
  throw new Error('expected a RowProblem');
}

describe('decimalToMinor', () => {
  test.each([
    ['VND whole', '149000', 0, 149000],
    ['VND with decimals rounds half-up (Shopee 2285.52)', '2285.52', 0, 2286],
    ['VND .5 rounds up', '2285.5', 0, 2286],
    ['VND .49 rounds down', '2285.49', 0, 2285],
    ['USD two digits', '12.34', 2, 1234],
    ['USD one digit padded', '12.3', 2, 1230],
    ['USD no decimals', '12', 2, 1200],
    ['USD third digit 5 rounds up', '0.005', 2, 1],
    ['USD third digit 4 rounds down', '0.0049', 2, 0],
    ['CNY 12.345 → 1235', '12.345', 2, 1235],
    ['negative half away from zero', '-2.5', 0, -3],
    ['negative two digits', '-0.125', 2, -13],
    ['negative below half', '-2.4', 0, -2],
    ['leading plus', '+7', 0, 7],
    ['surrounding spaces', '  42 ', 0, 42],
    ['zero', '0', 2, 0],
    ['max safe integer', '9007199254740991', 0, Number.MAX_SAFE_INTEGER],
  ])('%s: %s at %i digits → %i', (_name, text, digits, expected) => {
    expect(decimalToMinor(text, digits, 'amount')).toBe(expected);
  });

  test.each([
    ['scientific 1e5', '1e5', /Excel/],
    ['Excel rounded id', '2.42754E+14', /Excel/],
    ['grouping 1,000', '1,000', /not a number/],
    ['comma decimal 1,5', '1,5', /not a number/],
    ['dot grouping 1.000.000', '1.000.000', /not a number/],
    ['currency sign', '₫1000', /not a number/],
    ['formula', '=1+2', /not a number/],
    ['huge', '90071992547409920', /too large/],
    ['huge after scaling', '90071992547409.92', /too large/],
    ['empty when required', '', /empty/],
  ])('row error: %s', (_name, text, message) => {
    const problem = problemOf(() => decimalToMinor(text, 2, 'amount'));
    expect(problem.field).toBe('amount');
    expect(problem.message).toMatch(message);
  });

  test('empty when optional → 0', () => {
    expect(decimalToMinor('', 2, 'refund', { required: false })).toBe(0);
    expect(decimalToMinor(undefined, 0, 'refund', { required: false })).toBe(0);
  });

  // The double fast path (at most 15 digits) must round exactly as the BigInt path: half away from zero.
  test('short amounts round like exact decimal arithmetic, at every digit count', () => {
    const reference = (text: string, digits: number): number => {
      const [, sign, whole, fraction = ''] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text) as unknown as string[];
      const kept = BigInt(`${whole}${(fraction as string).padEnd(digits, '0').slice(0, digits)}`);
      const up = ((fraction as string).padEnd(digits + 1, '0')[digits] as string) >= '5' ? 1n : 0n;
      return Number(sign === '-' ? -(kept + up) : kept + up);
    };
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 5000; i++) {
      const whole = String(next(10 ** (1 + next(9)))).padStart(1 + next(3), '0');
      const fraction = next(3) ? `.${String(next(10 ** 6)).slice(0, 1 + next(6))}` : '';
      const text = `${next(4) ? '' : '-'}${whole}${fraction}`;
      const digits = next(5);
      expect(decimalToMinor(text, digits, 'amount'), `${text} @ ${digits}`).toBe(reference(text, digits));
    }
    expect(Object.is(decimalToMinor('-0.00', 2, 'amount'), 0)).toBe(true);
    expect(decimalToMinor('123456789012345.5', 0, 'amount')).toBe(123456789012346);
    expect(decimalToMinor('12345678901234.56', 2, 'amount')).toBe(1234567890123456);
  });
});

describe('parseReportTime', () => {
  const HCM = 'Asia/Ho_Chi_Minh';
  const SH = 'Asia/Shanghai';
  test.each([
    ['ymd wall time in Vietnam', '2026-11-01 10:00:00', 'ymd', HCM, '2026-11-01T03:00:00Z'],
    ['ymd wall time in Shanghai', '2026-11-01 10:00:00', 'ymd', SH, '2026-11-01T02:00:00Z'],
    ['ymd without seconds', '2026-11-01 10:00', 'ymd', HCM, '2026-11-01T03:00:00Z'],
    ['ymd date only (midnight)', '2026-11-01', 'ymd', HCM, '2026-10-31T17:00:00Z'],
    ['ISO without offset in Vietnam', '2026-11-01T09:02:45', 'ymd', HCM, '2026-11-01T02:02:45Z'],
    ['ISO with Z ignores the zone', '2026-11-01T09:02:45Z', 'ymd', SH, '2026-11-01T09:02:45Z'],
    ['ISO with +08:00', '2026-11-01T10:00:00+08:00', 'ymd', HCM, '2026-11-01T02:00:00Z'],
    ['ISO with -0530', '2026-11-01T10:00:00-0530', 'ymd', HCM, '2026-11-01T15:30:00Z'],
    ['ISO with fraction', '2026-11-01T10:00:00.250+07:00', 'ymd', SH, '2026-11-01T03:00:00Z'],
    ['dmy (TikTok) in Vietnam', '09/10/2026 22:32:00', 'dmy', HCM, '2026-10-09T15:32:00Z'],
    ['dmy in Shanghai', '31/12/2026 23:59:59', 'dmy', SH, '2026-12-31T15:59:59Z'],
    ['ymd also read in dmy style', '2026-11-01 10:00:00', 'dmy', HCM, '2026-11-01T03:00:00Z'],
  ] as const)('%s: %s', (_name, text, style, zone, iso) => {
    expect(parseReportTime(text, style, zone, 'orderTime')).toBe(Date.parse(iso));
  });

  test.each([
    ['Feb 30', '2026-02-30 10:00:00', 'ymd', /not a real date-time/],
    ['hour 24', '2026-11-01 24:00:00', 'ymd', /not a real date-time/],
    ['second 60', '2026-11-01 10:00:60', 'ymd', /not a real date-time/],
    ['dmy Feb 30', '30/02/2026 10:00:00', 'dmy', /not a real date-time/],
    ['Excel reformatted date', '9/10/2026 22:32', 'ymd', /Excel/],
    ['Excel reformatted date, dmy style', '9/10/2026 22:32', 'dmy', /Excel/],
    ['dmy text in ymd style', '09/10/2026 22:32:00', 'ymd', /YYYY-MM-DD HH:mm:ss/],
    ['words', 'yesterday', 'ymd', /not a date-time/],
    ['empty', '', 'ymd', /empty/],
  ] as const)('row error: %s', (_name, text, style, message) => {
    const problem = problemOf(() => parseReportTime(text, style, HCM, 'orderTime'));
    expect(problem.field).toBe('orderTime');
    expect(problem.message).toMatch(message);
  });
});

describe('excelDamage', () => {
  test.each([
    ['scientific id', '2.42754E+14', /rounded number by Excel/],
    ['lower-case scientific', '1.5e-3', /rounded number by Excel/],
    ['overflow mark', '########', /overflow mark/],
  ])('damaged: %s', (_name, text, message) => {
    expect(excelDamage(text)).toMatch(message);
  });

  test.each([
    ['plain id', '242754123456789'],
    ['id with letters', '261101AAA111'],
    ['one hash', '#'],
    ['decimal', '2285.52'],
    ['text with E', 'E+14'],
  ])('intact: %s', (_name, text) => {
    expect(excelDamage(text)).toBeNull();
  });

  test('requireId refuses damage with the row error naming the field', () => {
    const problem = problemOf(() => requireId('2.42754E+14', 'Item id'));
    expect([problem.field, problem.message]).toEqual(['Item id', expect.stringMatching(/Excel/)]);
  });
});

describe('normaliseHeader', () => {
  test.each([
    ['VND suffix', 'Giá(₫)', 'gia', '₫'],
    ['VND suffix after a space', 'Giá trị đơn hàng (₫)', 'gia tri don hang', '₫'],
    ['BRL suffix', 'Price(R$)', 'price', 'R$'],
    ['IDR suffix', 'Refund Amount(Rp)', 'refund amount', 'Rp'],
    ['Shopee typo kept', 'Đối tác chiến dịchr', 'doi tac chien dichr', null],
    ['BOM', '\uFEFFID đơn hàng', 'id don hang', null],
    ['double spaces', 'Order   Status ', 'order status', null],
    ['NFD input', 'Trạng thái đặt hàng'.normalize('NFD'), 'trang thai dat hang', null],
    ['camelCase field', 'conversionTime', 'conversiontime', null],
    ['a word in brackets is not a currency', 'Note (text)', 'note (text)', null],
    ['snake_case field', '_extra.parameters', '_extra.parameters', null],
  ])('%s: %s', (_name, header, key, suffix) => {
    expect(normaliseHeader(header)).toEqual({ key, suffix });
  });
});

describe('mapStatus', () => {
  test.each([
    ['Đã hủy (tone on u)', 'Đã hủy', SHOPEE_STATUSES, 'cancelled'],
    ['Đã Huỷ (tone on y, capital)', 'Đã Huỷ', SHOPEE_STATUSES, 'cancelled'],
    ['NFD text', 'Đã hủy'.normalize('NFD'), SHOPEE_STATUSES, 'cancelled'],
    ['no tones at all', 'da huy', SHOPEE_STATUSES, 'cancelled'],
    ['padded', '  Hoàn thành ', SHOPEE_STATUSES, 'completed'],
    ['English, any case', 'COMPLETED', SHOPEE_STATUSES, 'completed'],
    ['TikTok Customer Unpaid', 'Customer Unpaid', TIKTOK_STATUSES, 'unpaid'],
    ['TikTok Đang xử lý', 'Đang xử lý', TIKTOK_STATUSES, 'pending'],
  ])('%s', (_name, raw, table, status) => {
    expect(mapStatus(raw, table, 'status')).toBe(status);
  });

  test.each([
    ['unknown text', 'Shipped'],
    ['empty', ''],
  ])('row error: %s', (_name, raw) => {
    const problem = problemOf(() => mapStatus(raw, SHOPEE_STATUSES, 'status'));
    expect([problem.field, problem.message]).toEqual(['status', expect.stringContaining('unknown status')]);
  });
});
